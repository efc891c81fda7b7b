#include "api/PreparationCache.h"
#include "io/ContentHash.h"
#include "world/BenchmarkWriter.h"
#include "world/Gallery.h"
#include "world/PngFile.h"
#include "world/World.h"

#include <unike/DemoWorld.h>
#include <unike/Error.h>
#include <unike/Resources.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace unike {
namespace fs = std::filesystem;

std::string worldFileOf(const std::string& modelFolder) {
    const std::string folder = modelFolder.empty() ? demoModelFolder() : modelFolder;
    const fs::path file = fs::path(folder) / "world.json";
    if (!fs::exists(file))
        throw Error(ErrorKind::File, folder + " has no world.json: only a demo model trained by "
                                              "'unike train-demo' comes with its world");
    return file.string();
}

std::string cachedDemoBenchmark(const MakeBenchParams& params, const Progress& progress) {
    MakeBenchParams draw = params;
    if (draw.worldFile.empty())
        draw.worldFile = worldFileOf();
    const std::string key =
        io::ContentHash()
            .addFile(draw.worldFile)
            .add(std::to_string(draw.seed) + "/" + std::to_string(draw.vqaEval) + "/" +
                 std::to_string(draw.captionEval) + "/" + std::to_string(draw.trainRecords))
            .hex();
    const fs::path folder = fs::path(userCacheFolder()) / ("demo-bench-" + key);
    const fs::path done = folder / "bench_info.json"; // written last by makeBenchmark
    if (fs::exists(done))
        return folder.string();
    const fs::path partial = folder.string() + ".partial";
    std::error_code error;
    fs::remove_all(partial, error);
    draw.outDir = partial.string();
    makeBenchmark(draw, progress);
    fs::remove_all(folder, error);
    fs::rename(partial, folder, error);
    if (error)
        throw Error(ErrorKind::File, "cannot write the demo benchmark to " + folder.string() +
                                         ": " + error.message());
    return folder.string();
}

MakeBenchReport makeBenchmark(const MakeBenchParams& params, const Progress& progress) {
    if (params.outDir.empty())
        throw Error(ErrorKind::InvalidInput, "make-bench needs an output folder (--out DIR)");
    MakeBenchReport report;
    report.worldFile = params.worldFile.empty() ? worldFileOf() : params.worldFile;
    const world::World world = world::World::load(report.worldFile);
    world::BenchmarkOptions options;
    options.outDir = params.outDir;
    options.seed = params.seed;
    options.vqaEval = params.vqaEval;
    options.captionEval = params.captionEval;
    options.trainRecords = params.trainRecords;
    const world::BenchmarkSummary summary = world::writeBenchmark(world, options, progress);
    report.files = summary.files;
    report.images = summary.images;
    return report;
}

int writeGallery(const std::string& outDir, const std::string& worldFile) {
    const world::World world = world::World::load(worldFile.empty() ? worldFileOf() : worldFile);
    fs::create_directories(outDir);
    nlohmann::json index = nlohmann::json::array();
    const auto images = world::galleryImages(world);
    for (const world::GalleryImage& image : images) {
        world::writePng(fs::path(outDir) / image.fileName, image.image);
        index.push_back(
            {{"file", image.fileName}, {"question", image.question}, {"answer", image.answer}});
    }
    std::ofstream(fs::path(outDir) / "gallery.json") << index.dump(2) << '\n';
    return int(images.size());
}

} // namespace unike
