#include "world/BenchmarkWriter.h"

#include "world/BenchmarkFile.h"
#include "world/EditCaseBuilder.h"
#include "world/PngFile.h"
#include "world/Rng.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace unike::world {
namespace {

using K = EditKind;
// Interleaved so that any prefix of a file (EasyEdit's `size`) keeps the mix.
constexpr std::array<K, 10> kVqaEval = {K::FactCorrection,           K::PerceptionCorrection,
                                        K::FactCounterfactual,       K::PerceptionCounterfactual,
                                        K::PerceptionCorrection,     K::FactCounterfactual,
                                        K::PerceptionCounterfactual, K::FactCorrection,
                                        K::PerceptionCorrection,     K::PerceptionCounterfactual};
constexpr std::array<K, 10> kCaptionEval = {
    K::CaptionCorrection,           K::SceneCaptionCounterfactual, K::EntityCaptionCounterfactual,
    K::CaptionCorrection,           K::SceneCaptionCounterfactual, K::CaptionCorrection,
    K::EntityCaptionCounterfactual, K::CaptionCorrection,          K::SceneCaptionCounterfactual,
    K::EntityCaptionCounterfactual};

struct FilePlan {
    std::string name; // vqa_eval.json
    std::string stem; // vqa_eval: the images' folder
    int records = 0;
    bool vqa = true;
    bool eval = true;
};

EditKind kindOf(const FilePlan& plan, int index) {
    if (!plan.eval)
        return plan.vqa ? K::VqaTraining : K::CaptionTraining;
    return (plan.vqa ? kVqaEval : kCaptionEval)[std::size_t(index) % 10];
}

// Corrections visit the misconceptions in a seeded order, each as often as the others.
std::vector<int> visitOrder(std::size_t count, std::uint64_t seed, const std::string& purpose) {
    std::vector<int> order(std::max<std::size_t>(count, 1));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    Rng rng = Rng::derive(seed, purpose);
    rng.shuffle(order);
    return order;
}

std::string imageName(const FilePlan& plan, int index, const char* role) {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", index);
    return "images/" + plan.stem + "/" + number + role + ".png";
}

void checkOptions(const BenchmarkOptions& o) {
    if (o.outDir.empty())
        throw Error(ErrorKind::InvalidInput, "make-bench needs an output folder (--out DIR)");
    if (o.vqaEval < 0 || o.captionEval < 0 || o.trainRecords < 0 ||
        o.vqaEval + o.captionEval + o.trainRecords == 0)
        throw Error(ErrorKind::InvalidInput,
                    "the benchmark's record counts must be zero or more, and not all zero");
}

} // namespace

BenchmarkSummary writeBenchmark(const World& world, const BenchmarkOptions& options,
                                const Progress& progress) {
    checkOptions(options);
    const EditCaseBuilder builder(world, options.imageSize);
    const int evalTotal = options.vqaEval + options.captionEval;
    const int vqaTrain =
        evalTotal == 0 ? options.trainRecords / 2
                       : int(std::int64_t(options.trainRecords) * options.vqaEval / evalTotal);
    const std::vector<FilePlan> plans = {
        {"vqa_train.json", "vqa_train", vqaTrain, true, false},
        {"vqa_eval.json", "vqa_eval", options.vqaEval, true, true},
        {"caption_train_edit.json", "caption_train", options.trainRecords - vqaTrain, false, false},
        {"caption_eval_edit.json", "caption_eval", options.captionEval, false, true}};
    const auto& d = world.definition();
    const std::vector<int> factOrder =
        visitOrder(d.factMisconceptions.size(), options.seed, "fact corrections");
    const std::vector<int> nameOrder =
        visitOrder(d.nameConfusions.size(), options.seed, "perception corrections");

    const int total = options.vqaEval + options.captionEval + options.trainRecords;
    int done = 0;
    BenchmarkSummary summary;
    for (const FilePlan& plan : plans) {
        std::error_code ec;
        std::filesystem::create_directories(options.outDir / "images" / plan.stem, ec);
        if (ec)
            throw Error(ErrorKind::File, "cannot create " +
                                             (options.outDir / "images" / plan.stem).string() +
                                             ": " + ec.message());
        std::vector<EditCase> cases;
        std::vector<std::string> neighbours;
        int facts = 0, names = 0;
        for (int i = 0; i < plan.records; ++i, ++done) {
            progress.throwIfCancelled("writing the benchmark");
            if (i % 25 == 0)
                progress.report(double(done) / total, "writing " + plan.name + " (" +
                                                          std::to_string(i) + " of " +
                                                          std::to_string(plan.records) + ")");
            const EditKind kind = kindOf(plan, i);
            int which = 0;
            if (kind == K::FactCorrection)
                which = factOrder[std::size_t(facts++) % factOrder.size()];
            else if (kind == K::PerceptionCorrection || kind == K::CaptionCorrection)
                which = nameOrder[std::size_t(names++) % nameOrder.size()];
            Rng rng = Rng::derive(options.seed, plan.stem, std::uint64_t(i));
            EditCase c = builder.build(kind, rng, which);
            c.record.image = imageName(plan, i, "");
            c.record.imageRephrase = imageName(plan, i, "_rephrase");
            c.record.mLoc = imageName(plan, i, "_mloc");
            neighbours.push_back(imageName(plan, i, "_nloc"));
            writePng(options.outDir / c.record.image, c.image);
            writePng(options.outDir / c.record.imageRephrase, c.imageRephrase);
            writePng(options.outDir / c.record.mLoc, c.mLocImage);
            writePng(options.outDir / neighbours.back(), c.nLocImage);
            summary.images += 4;
            // Keep the text only: a file's pictures are on disk already.
            c.image = c.imageRephrase = c.mLocImage = c.nLocImage = vision::RgbImage();
            cases.push_back(std::move(c));
        }
        writeTextFile(options.outDir / plan.name, formatBenchmarkJson(cases, neighbours));
        summary.files.push_back({plan.name, plan.records});
    }
    nlohmann::ordered_json info;
    info["format"] = "unike-bench";
    info["seed"] = options.seed;
    info["world_seed"] = world.seed();
    info["image_size"] = options.imageSize;
    for (const auto& [name, records] : summary.files)
        info["files"][name] = records;
    info["images"] = summary.images;
    writeTextFile(options.outDir / "bench_info.json", info.dump(2) + "\n");
    progress.report(1.0, "benchmark written");
    return summary;
}

} // namespace unike::world
