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
