#include "CliSupport.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace unike::cli {
namespace {

std::atomic<const Progress*> activeProgress{nullptr};

extern "C" void onInterrupt(int) {
    // Cancel is an atomic store, safe in a signal handler; a second Ctrl+C kills.
    if (const Progress* progress = activeProgress.load()) {
        const_cast<Progress*>(progress)->cancel();
        std::signal(SIGINT, SIG_DFL);
    } else {
        std::_Exit(130);
    }
}

} // namespace

CliProgress::CliProgress(bool show)
    : progress_(show && isatty(STDERR_FILENO) ? Progress([this](const ProgressEvent& event) {
        if (event.message.empty() && event.step >= 0)
            return;
        std::fprintf(stderr, "\r\033[K[%3d%%] %s", int(event.fraction * 100),
                     event.message.c_str());
        drawn_ = true;
    })
                                              : Progress()) {
    activeProgress.store(&progress_);
    std::signal(SIGINT, onInterrupt);
}

CliProgress::~CliProgress() {
    finish();
    activeProgress.store(nullptr);
    std::signal(SIGINT, SIG_DFL);
}

void CliProgress::finish() {
    if (drawn_)
        std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
}

bool showProgress(const ParsedArgs& args) {
    return !args.has("quiet");
}

ModelInfo loadModelFromArgs(Workbench& workbench, const ParsedArgs& args) {
    ModelLoadParams params;
    params.folder = args.value("model");
    params.device = args.value("device", "auto");
    params.dtype = args.value("dtype", "auto");
    CliProgress progress(showProgress(args));
    ModelInfo info = workbench.loadModel(params, progress.progress());
    progress.finish();
    return info;
}

} // namespace unike::cli
