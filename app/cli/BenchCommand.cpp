#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <iostream>

namespace unike::cli {

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
        CliProgress progress(showProgress(args));
        const BenchmarkReport report = benchmarkEdits(params, progress.progress());
        progress.finish();
        nlohmann::json out = {{"benchmark", "edit"}};
        for (const auto& [name, value] : report.labels)
            out[name] = value;
        for (const auto& [name, value] : report.numbers) {
            const auto dot = name.find('.');
            if (dot == std::string::npos)
                out[name] = value;
            else
                out["methods"][name.substr(0, dot)][name.substr(dot + 1)] = value;
        }
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    if (target == "tsne")
        throw Error(ErrorKind::Unsupported,
                    "'unike bench " + target + "' is not available in this version yet");
    if (target == "demo") {
        DemoQualityParams params;
        params.modelFolder = args.value("model");
        params.dataFolder = args.value("data");
        params.samplesPerTask = args.intValue("samples", 200);
        params.limitRecords = args.intValue("limit", 0);
        CliProgress progress(showProgress(args));
        const BenchmarkReport report = benchmarkDemoQuality(params, progress.progress());
        progress.finish();
        nlohmann::json out = {{"benchmark", "demo"}};
        for (const auto& [name, value] : report.labels)
            out[name] = value;
        for (const auto& [name, value] : report.numbers)
            out[name] = value;
        std::cout << out.dump(2) << '\n';
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
    nlohmann::json out = {{"benchmark", "model"}};
    for (const auto& [name, value] : report.labels)
        out[name] = value;
    for (const auto& [name, value] : report.numbers)
        out[name] = value;
    std::cout << out.dump(2) << '\n';
    return 0;
}

} // namespace unike::cli
