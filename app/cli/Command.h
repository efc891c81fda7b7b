#pragma once
// One `unike` subcommand: its name, help text, options and handler.

#include "CommandLine.h"

#include <functional>
#include <string>
#include <vector>

namespace unike::cli {

// What every handler gets besides its own options.
struct CommandContext {
    bool jsonOutput = false;
    int threads = 0; // 0: the engine's default (half the cores)
};

struct Command {
    std::string name;
    std::string summary;     // one line for `unike --help`
    std::string usage;       // "unike ask --image FILE --question TEXT [options]"
    std::string description; // paragraph for `unike ask --help`
    std::vector<OptionSpec> options;
    bool takesPositionals = false;
    // Returns the process exit code. Throws unike::Error or UsageError.
    std::function<int(const ParsedArgs&, CommandContext&)> run;
};

// Every subcommand, in the order `unike --help` lists them.
const std::vector<Command>& allCommands();

// The options every subcommand accepts (verbosity, threads, --help).
const std::vector<OptionSpec>& commonOptions();

// Runs the tool: returns 0 on success, 1 on an engine error, 2 on a usage error,
// 130 when cancelled.
int runCli(const std::vector<std::string>& args);

} // namespace unike::cli
