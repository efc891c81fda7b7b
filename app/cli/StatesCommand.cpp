// `unike states`: capture a dataset's hidden states, tagged, for `unike tsne`.
#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>
#include <unike/Workbench.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <map>

namespace unike::cli {

int handleStates(const ParsedArgs& args, CommandContext& context) {
    StatesParams params;
    params.dataFolder = args.value("data");
    params.task = args.value("task", "vqa");
    if (params.task != "vqa" && params.task != "caption")
        throw UsageError("--task must be vqa or caption, not '" + params.task + "'");
    params.layer = args.intValue("layer", -1);
    if (args.has("layer") && params.layer < 0)
        throw UsageError("--layer must not be negative");
    try {
        params.space = parseStateSpace(args.value("space", "raw"));
    } catch (const Error& e) {
        throw UsageError(std::string("--space: ") + e.what());
    }
    const int limit = args.intValue("limit", 0);
    if (limit < 0)
        throw UsageError("--limit must not be negative");
    params.limit = size_t(limit);
    params.sessionPath = args.value("session");
    const std::string outPath = args.value("out");

    Workbench workbench;
    loadModelFromArgs(workbench, args);
    CliProgress progress(showProgress(args));
    const HiddenStates states = workbench.captureStates(params, progress.progress());
    progress.finish();
    writeHiddenStates(states, outPath);

    std::map<std::string, int> roles, phases;
    for (const StateTag& tag : states.tags) {
        ++roles[tag.role];
        ++phases[tag.phase];
    }
    if (context.jsonOutput) {
        std::cout << nlohmann::json{{"rows", states.points.rows},
                                    {"dims", states.points.cols},
                                    {"layer", states.layer},
                                    {"space", stateSpaceName(states.space)},
                                    {"roles", roles},
                                    {"phases", phases},
                                    {"out", outPath},
                                    {"tags", outPath + ".csv"}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    std::printf("%d %s states of dimension %d at layer %d\n ", states.points.rows,
                stateSpaceName(states.space), states.points.cols, states.layer);
    for (const auto& [role, count] : roles)
        std::printf(" %s %d", role.c_str(), count);
    std::printf("\n ");
    for (const auto& [phase, count] : phases)
        std::printf(" %s %d", phase.c_str(), count);
    std::printf("\nwrote %s and %s.csv\n", outPath.c_str(), outPath.c_str());
    return 0;
}

} // namespace unike::cli
