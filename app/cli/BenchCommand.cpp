#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>
#include <unike/Projection.h>
#include <unike/Runtime.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

namespace unike::cli {
namespace {

// Flat JSON; "method.metric" names nest under "methods".
void printReport(const std::string& name, const BenchmarkReport& report) {
    nlohmann::json out = {{"benchmark", name}};
    for (const auto& [key, value] : report.labels)
        out[key] = value;
    for (const auto& [key, value] : report.numbers) {
        const auto dot = key.find('.');
        if (dot == std::string::npos)
            out[key] = value;
        else
            out["methods"][key.substr(0, dot)][key.substr(dot + 1)] = value;
    }
    std::cout << out.dump(2) << '\n';
}

// t-SNE on a CSV with the default settings (perplexity 30, 1000 iterations, PCA
// init): wall time, KL, trustworthiness. tests/bench/bench_tsne.sh writes the
// data and puts sklearn's figures beside these.
int benchTsne(const ParsedArgs& args) {
    if (!args.has("data"))
        throw UsageError("'unike bench tsne' needs --data FILE.csv, a headerless CSV of points "
                         "(tests/bench/bench_tsne.sh writes one)");
    const PointMatrix points = readPointsCsv(args.value("data"));
    TsneParams params;
    params.device = args.value("device", "cpu");
    CliProgress progress(showProgress(args));
    const auto start = std::chrono::steady_clock::now();
    const Projection projection = runTsne(points, params, progress.progress());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.finish();
    nlohmann::json out = {{"benchmark", "tsne"},
                          {"points", points.rows},
                          {"dims", points.cols},
                          {"method", projection.method},
                          {"iterations", projection.iterations},
                          {"threads", runtimeInfo().torchThreads},
                          {"seconds", seconds},
                          {"kl_divergence", projection.klDivergence}};
    // Trustworthiness is O(n^2 d): skipped where it would outlast the run itself.
    const int trustworthinessMaxPoints = 5000;
    out["trustworthiness_k5"] = points.rows <= trustworthinessMaxPoints
                                    ? nlohmann::json(trustworthiness(points, projection, 5))
                                    : nlohmann::json(nullptr);
    std::cout << out.dump(2) << '\n';
    return 0;
}

} // namespace

int handleBench(const ParsedArgs& args, CommandContext&) {
    const auto& targets = args.positionals();
    if (targets.size() != 1)
        throw UsageError("name one benchmark: model, demo, edit or tsne");
    const std::string target = targets[0];
    if (target == "edit") {
        EditBenchmarkParams params;
        params.modelFolder = args.value("model");
        params.dataFolder = args.value("data");
        params.cases = args.intValue("limit", 50);
        params.methods = args.values("method");
        params.device = args.value("device", "auto");
        params.dtype = args.value("dtype", "auto");
        CliProgress progress(showProgress(args));
        const BenchmarkReport report = benchmarkEdits(params, progress.progress());
        progress.finish();
        printReport("edit", report);
        return 0;
    }
    if (target == "tsne")
        return benchTsne(args);
    if (target == "demo") {
        DemoQualityParams params;
        params.modelFolder = args.value("model");
        params.dataFolder = args.value("data");
        params.samplesPerTask = args.intValue("samples", 200);
        params.limitRecords = args.intValue("limit", 0);
        params.mistakesFolder = args.value("mistakes");
        CliProgress progress(showProgress(args));
        const BenchmarkReport report = benchmarkDemoQuality(params, progress.progress());
        progress.finish();
        printReport("demo", report);
        return 0;
    }
    if (target != "model")
        throw UsageError("unknown benchmark '" + target + "'; use model, demo, edit or tsne");

    ModelBenchmarkParams params;
    params.modelFolder = args.value("model");
    params.randomConfig = args.value("random-config");
    params.device = args.value("device", "auto");
    params.dtype = args.value("dtype", "auto");
    params.repeat = args.intValue("repeat", 10);
    params.decodeTokens = args.intValue("tokens", 16);
    CliProgress progress(showProgress(args));
    const BenchmarkReport report = benchmarkModel(params, progress.progress());
    progress.finish();
    printReport("model", report);
    return 0;
}

} // namespace unike::cli
