#pragma once
// Helpers the subcommands share: loading the model named by --model/--device,
// progress on stderr, and Ctrl+C as cancel.

#include "CommandLine.h"

#include <unike/Progress.h>
#include <unike/Workbench.h>

#include <string>

namespace unike::cli {

// A progress sink that draws a one-line bar on stderr when it is a terminal (and
// --quiet is off), and that Ctrl+C cancels while it is alive.
class CliProgress {
public:
    explicit CliProgress(bool show);
    ~CliProgress();
    CliProgress(const CliProgress&) = delete;
    CliProgress& operator=(const CliProgress&) = delete;
    const Progress& progress() const { return progress_; }
    void finish();

private:
    Progress progress_;
    bool drawn_ = false;
};

bool showProgress(const ParsedArgs& args);

// Loads --model (or the demo model) on --device into the workbench.
ModelInfo loadModelFromArgs(Workbench& workbench, const ParsedArgs& args);

} // namespace unike::cli
