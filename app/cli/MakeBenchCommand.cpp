#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Benchmarks.h>
#include <unike/DemoWorld.h>

#include <cstdio>

namespace unike::cli {

int handleMakeBench(const ParsedArgs& args, CommandContext&) {
    if (args.has("gallery")) {
        const int count = writeGallery(args.value("out"), args.value("world"));
        std::printf("wrote %d gallery images and gallery.json to %s\n", count,
                    args.value("out").c_str());
        return 0;
    }
    MakeBenchParams params;
    params.outDir = args.value("out");
    params.seed = uint64_t(args.intValue("seed", 1));
    params.vqaEval = args.intValue("vqa", 500);
    params.captionEval = args.intValue("caption", 300);
    params.trainRecords = args.intValue("train", 3000);
    params.worldFile = args.value("world");
    CliProgress progress(showProgress(args));
    const MakeBenchReport report = makeBenchmark(params, progress.progress());
    progress.finish();
    for (const auto& [file, records] : report.files)
        std::printf("%-28s %6d records\n", file.c_str(), records);
    std::printf("%d images; world %s\n", report.images, report.worldFile.c_str());
    return 0;
}

int handleMakeRandomModel(const ParsedArgs& args, CommandContext&) {
    RandomModelParams params;
    params.outDir = args.value("out");
    params.config = args.value("config", "blip2-opt-2.7b");
    params.seed = uint64_t(args.intValue("seed", 1));
    params.storage = args.value("storage", "float16");
    CliProgress progress(showProgress(args));
    writeRandomModel(params, progress.progress());
    progress.finish();
    std::printf("wrote a random %s model to %s\n", params.config.c_str(), params.outDir.c_str());
    return 0;
}

} // namespace unike::cli
