#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Workbench.h>

#include <iostream>

namespace unike::cli {

int handleForward(const ParsedArgs& args, CommandContext&) {
    Workbench workbench;
    loadModelFromArgs(workbench, args);
    ForwardFileParams params;
    params.inputsPath = args.value("inputs");
    params.outputPath = args.value("out");
    params.hidden = args.has("hidden");
    CliProgress progress(showProgress(args));
    workbench.forwardFile(params, progress.progress());
    progress.finish();
    std::cerr << "wrote " << params.outputPath << '\n';
    return 0;
}

} // namespace unike::cli
