#pragma once
// The synthetic world's tools behind `unike make-bench`: the MMEdit-format
// benchmark and the Studio's sample gallery, drawn from the world a demo model
// was trained on.

#include <unike/Progress.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace unike {

struct MakeBenchParams {
    std::string outDir;
    uint64_t seed = 1;
    int vqaEval = 500;
    int captionEval = 300;
    int trainRecords = 3000;
    std::string worldFile; // empty: the demo model's world.json
};

struct MakeBenchReport {
    std::vector<std::pair<std::string, int>> files; // file, records
    int images = 0;
    std::string worldFile;
};

MakeBenchReport makeBenchmark(const MakeBenchParams& params, const Progress& progress = Progress());

// A benchmark of these sizes (outDir is ignored) drawn once from the world into
// the user's cache and reused; keyed by the world file's hash and the sizes.
// Written beside and renamed into place, so a cancelled draw is never picked up.
// Returns its folder.
std::string cachedDemoBenchmark(const MakeBenchParams& params,
                                const Progress& progress = Progress());

// Writes the gallery PNGs and gallery.json (file, question, answer) into outDir.
int writeGallery(const std::string& outDir, const std::string& worldFile = {});

// The world.json of the demo model (or of `modelFolder`).
std::string worldFileOf(const std::string& modelFolder = {});

} // namespace unike
