// `unike tsne` and `unike pca`: project points (a states file or a CSV) to 2-D
// and write them as CSV, with the states' tags when the input has them.
#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>
#include <unike/Projection.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace unike::cli {
namespace {

struct ProjectionInput {
    PointMatrix points;
    std::vector<StateTag> tags; // empty for a plain CSV
};

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

ProjectionInput readInput(const std::string& path) {
    if (endsWith(path, ".csv") || endsWith(path, ".CSV"))
        return {readPointsCsv(path), {}};
    HiddenStates states = readHiddenStates(path);
    return {std::move(states.points), std::move(states.tags)};
}

nlohmann::json summary(const Projection& projection, const ProjectionInput& input,
                       const std::string& outPath) {
    nlohmann::json json = {{"method", projection.method},   {"points", projection.rows},
                           {"dims", input.points.cols},     {"components", projection.components},
                           {"seconds", projection.seconds}, {"out", outPath}};
    if (projection.klDivergence >= 0) {
        json["kl_divergence"] = projection.klDivergence;
        json["iterations"] = projection.iterations;
    }
    if (!projection.explainedVariance.empty())
        json["explained_variance"] = projection.explainedVariance;
    return json;
}

void printPca(const Projection& projection, const ProjectionInput& input,
              const std::string& outPath, const CommandContext& context) {
    if (context.jsonOutput) {
        std::cout << summary(projection, input, outPath).dump(2) << '\n';
        return;
    }
    std::printf("PCA of %d points in %d dimensions; explained variance:", projection.rows,
                input.points.cols);
    for (const double fraction : projection.explainedVariance)
        std::printf(" %.4f", fraction);
    std::printf("\nwrote %s\n", outPath.c_str());
}

TsneMethod parseMethod(const std::string& name) {
    if (name == "auto")
        return TsneMethod::Auto;
    if (name == "exact")
        return TsneMethod::Exact;
    if (name == "approx")
        return TsneMethod::BarnesHut;
    throw UsageError("--method must be auto, exact, approx or pca, not '" + name + "'");
}

TsneInit parseInit(const std::string& name) {
    if (name == "pca")
        return TsneInit::Pca;
    if (name == "random")
        return TsneInit::Random;
    throw UsageError("--init must be pca or random, not '" + name + "'");
}

} // namespace

int handleTsne(const ParsedArgs& args, CommandContext& context) {
    const std::string method = args.value("method", "auto");
    TsneParams params;
    if (method != "pca") {
        params.method = parseMethod(method);
        params.init = parseInit(args.value("init", "pca"));
        params.perplexity = args.doubleValue("perplexity", params.perplexity);
        params.iterations = args.intValue("iters", params.iterations);
        const int seed = args.intValue("seed", 0);
        if (seed < 0)
            throw UsageError("--seed must not be negative");
        params.seed = static_cast<unsigned long long>(seed);
        params.device = args.value("device", "auto");
    }
    const ProjectionInput input = readInput(args.value("in"));
    const std::string outPath = args.value("out");
    if (method == "pca") {
        const Projection projection = runPca(input.points, 2);
        writeProjectionCsv(projection, input.tags, outPath);
        printPca(projection, input, outPath, context);
        return 0;
    }
    CliProgress progress(showProgress(args));
    const Projection projection = runTsne(input.points, params, progress.progress());
    progress.finish();
    writeProjectionCsv(projection, input.tags, outPath);
    if (context.jsonOutput) {
        std::cout << summary(projection, input, outPath).dump(2) << '\n';
    } else {
        std::printf("KL divergence %.4f (%s, %d iterations, %.2f s)\nwrote %s (%d points)\n",
                    projection.klDivergence, projection.method.c_str(), projection.iterations,
                    projection.seconds, outPath.c_str(), projection.rows);
    }
    return 0;
}

int handlePca(const ParsedArgs& args, CommandContext& context) {
    const ProjectionInput input = readInput(args.value("in"));
    const int components = args.intValue("components", 2);
    const Projection projection = runPca(input.points, components);
    writeProjectionCsv(projection, input.tags, args.value("out"));
    printPca(projection, input, args.value("out"), context);
    return 0;
}

} // namespace unike::cli
