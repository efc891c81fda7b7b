#include "CliSupport.h"
#include "Handlers.h"

#include <unike/DemoTraining.h>
#include <unike/Runtime.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace unike::cli {

int handleTrainDemo(const ParsedArgs& args, CommandContext& context) {
    // Measured on 2 cores: one torch thread trains 3.4x faster than two (torch's and
    // OpenBLAS's pools fight), so training defaults to one unless --threads says.
    if (context.threads == 0)
        setComputeThreads(1);
    TrainDemoParams params;
    params.outDir = args.value("out");
    params.family = args.value("family", params.family);
    params.minutes = args.doubleValue("minutes", 25.0);
    params.seed = uint64_t(args.intValue("seed", 1));
    params.worldFile = args.value("world");
    params.maxSteps = args.intValue("steps", 0);
    params.batchSize = args.intValue("batch", 32);
    params.patchSize = args.intValue("patch", 12);
    params.visionLayers = args.intValue("vision-layers", params.visionLayers);
    if (args.has("object-counts"))
        params.objectCountWeights = args.doubleList("object-counts");
    if (args.has("task-mix"))
        params.taskMix = args.doubleList("task-mix");
    params.objectQueries = args.has("object-queries");
    params.objectTokens = args.has("object-tokens");
    params.objectWords = args.has("object-words");
    params.objectRegions = args.has("object-regions");
    params.objectAttentionWeight = args.doubleValue("object-attention", 0.0);
    params.prefetchBatches = !args.has("no-prefetch");
    // The default warm-up takes at most half the budget, so a short run still trains the
    // decoder, and none in a step-limited run (--steps counts full steps).
    const double defaultWarmup =
        params.maxSteps > 0 ? 0.0 : std::min(params.visionWarmupMinutes, params.minutes / 2);
    params.visionWarmupMinutes = args.doubleValue("vision-warmup-minutes", defaultWarmup);
    params.visionWarmupShapeWeight =
        args.doubleValue("warmup-shape-weight", params.visionWarmupShapeWeight);
    params.imageFirstMinutes = args.doubleValue("image-first-minutes", params.imageFirstMinutes);
    params.visionTowerLearningRateScale =
        args.doubleValue("vision-lr-scale", params.visionTowerLearningRateScale);
    params.inContextShare = args.doubleValue("in-context-share", params.inContextShare);
    params.commandLine = "unike train-demo --out " + params.outDir + " --minutes " +
                         args.value("minutes", "25") + " --seed " + args.value("seed", "1");
    for (const char* flag :
         {"object-queries", "object-tokens", "object-words", "object-regions", "no-prefetch"})
        if (args.has(flag))
            params.commandLine += std::string(" --") + flag;
    for (const char* name :
         {"family", "world", "steps", "batch", "patch", "vision-layers", "object-counts",
          "task-mix", "vision-warmup-minutes", "warmup-shape-weight", "image-first-minutes",
          "vision-lr-scale", "in-context-share", "object-attention"})
        if (args.has(name))
            params.commandLine += std::string(" --") + name + " " + args.value(name);
    CliProgress progress(showProgress(args));
    const TrainDemoReport report = trainDemoModel(params, progress.progress());
    progress.finish();
    std::printf("trained %lld vision-only + %lld full steps in %.0f s, final loss %.4f, %lld "
                "parameters -> %s\n",
                (long long)report.visionWarmupSteps, (long long)report.steps, report.seconds,
                report.finalLoss, (long long)report.parameters, report.outDir.c_str());
    for (const auto& [task, accuracy] : report.heldOutAccuracy)
        std::printf("  held-out %-16s %.1f%% (teacher-forced exact match)\n", task.c_str(),
                    accuracy);
    return 0;
}

} // namespace unike::cli
