#pragma once
// `make-bench`: a synthetic MMEdit benchmark drawn from the demo world, in EasyEdit's files
// (vqa_train.json, vqa_eval.json, caption_train_edit.json, caption_eval_edit.json) with PNGs in
// images/, paths relative to the output folder. The seed chooses which items are drawn and how
// they are rendered and phrased, never the world, so any seed matches the demo model.

#include "world/World.h"

#include <unike/Progress.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace unike::world {

struct BenchmarkOptions {
    std::filesystem::path outDir;
    std::uint64_t seed = 1;
    int vqaEval = 500;
    int captionEval = 300;
    // Split between vqa_train and caption_train_edit in the eval files' proportion.
    int trainRecords = 3000;
    int imageSize = 48;
};

struct BenchmarkSummary {
    std::vector<std::pair<std::string, int>> files; // file name, records
    int images = 0;
};

// Eval VQA cases, in every run of ten: 2 fact corrections, 3 perception corrections,
// 2 fact counterfactuals and 3 perception counterfactuals; caption cases: 4 corrections, 3 scene
// and 3 entity counterfactuals. Corrections cycle through all the world's misconceptions.
// Records carry EasyEdit's eleven keys, then n_loc_image, n_loc_q, n_loc_a (the neighbour
// probe), edit_kind and question_type. Also writes bench_info.json.
// Throws Error(InvalidInput) for bad counts or size, Error(File) when the folder cannot be
// written, Error(Cancelled) when progress is cancelled.
BenchmarkSummary writeBenchmark(const World& world, const BenchmarkOptions& options,
                                const Progress& progress);

} // namespace unike::world
