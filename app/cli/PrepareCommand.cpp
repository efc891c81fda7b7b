#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Workbench.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace unike::cli {

int handlePrepare(const ParsedArgs& args, CommandContext& context) {
    Workbench workbench;
    loadModelFromArgs(workbench, args);
    PrepareParams params;
    params.dataFolder = args.value("data");
    params.limit = size_t(args.intValue("limit", 0));
    params.epochs = args.intValue("epochs", 30);
    params.cacheDir = args.value("cache");
    params.force = args.has("force");
    if (args.has("lr"))
        params.learningRate = std::stod(args.value("lr"));
    CliProgress progress(showProgress(args));
    const PreparationInfo info = workbench.prepare(params, progress.progress());
    progress.finish();
    if (context.jsonOutput) {
        std::cout << nlohmann::json{{"artefact", info.artefactPath},
                                    {"model_hash", info.modelHash},
                                    {"data_hash", info.dataHash},
                                    {"triplets", info.triplets},
                                    {"layers", info.layers},
                                    {"semantic_loss", info.semanticLoss},
                                    {"truth_loss", info.truthLoss},
                                    {"truth_accuracy", info.truthAccuracy},
                                    {"semantic_recall", info.semanticRecall},
                                    {"seconds", info.seconds},
                                    {"reused", info.reused}}
                         .dump(2)
                  << '\n';
    } else {
        std::printf("%s %s\n  %d triplets, layers", info.reused ? "reused" : "prepared",
                    info.artefactPath.c_str(), info.triplets);
        for (int layer : info.layers)
            std::printf(" %d", layer);
        std::printf("; semantic loss %.4f, truthfulness loss %.4f; built in %.1f s\n"
                    "  held out: truthfulness accuracy %.3f (0.5 = none), semantic recall %.3f\n",
                    info.semanticLoss, info.truthLoss, info.seconds, info.truthAccuracy,
                    info.semanticRecall);
    }
    return 0;
}

} // namespace unike::cli
