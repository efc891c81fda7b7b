#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Error.h>
#include <unike/Workbench.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace unike::cli {
namespace {

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    if (!out)
        throw Error(ErrorKind::File, "cannot write '" + path + "'");
}

} // namespace

int handleEval(const ParsedArgs& args, CommandContext&) {
    EvalParams params;
    params.dataFolder = args.value("data");
    params.task = args.value("task", "vqa");
    params.method = args.value("method", "unike");
    params.protocol = args.value("protocol", "one-step");
    params.limit = size_t(std::max(0, args.intValue("limit", 0)));
    if (args.has("hparams")) {
        std::ifstream in(args.value("hparams"));
        if (!in)
            throw Error(ErrorKind::File, "cannot read '" + args.value("hparams") + "'");
        std::stringstream text;
        text << in.rdbuf();
        params.hyperParamsJson = text.str();
    }
    for (const std::string& pair : args.values("set")) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos)
            throw UsageError("--set expects KEY=VALUE, got '" + pair + "'");
        params.overrides.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
    if (params.task != "vqa" && params.task != "caption" && params.task != "cross")
        throw UsageError("--task must be vqa, caption or cross");

    Workbench workbench;
    loadModelFromArgs(workbench, args);
    CliProgress progress(showProgress(args));
    const EvalReport report = workbench.evaluate(params, progress.progress());
    progress.finish();
    const std::string json = report.toJson();
    std::cout << json << '\n';
    if (args.has("out"))
        writeFile(args.value("out"), json + "\n");
    const std::string csv = args.has("csv")   ? args.value("csv")
                            : args.has("out") ? args.value("out") + ".cases.csv"
                                              : std::string();
    if (!csv.empty())
        writeFile(csv, report.casesCsv());
    return 0;
}

} // namespace unike::cli
