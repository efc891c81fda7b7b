#include "Command.h"

#include <unike/Error.h>
#include <unike/Logging.h>
#include <unike/Runtime.h>
#include <unike/Version.h>

#include <algorithm>
#include <iostream>

namespace unike::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitCancelled = 130;

void printMainHelp(std::ostream& out) {
    out << "unike " << versionString()
        << " - knowledge editing for multimodal LLMs (UniKE)\n\n"
           "Usage: unike [-v|-q] [--threads N] COMMAND [options]\n"
           "       unike COMMAND --help\n\n"
           "Commands:\n";
    size_t width = 0;
    for (const Command& command : allCommands())
        width = std::max(width, command.name.size());
    for (const Command& command : allCommands())
        out << "  " << command.name << std::string(width - command.name.size() + 3, ' ')
            << command.summary << '\n';
    out << "\nCommon options:\n" << formatOptions(commonOptions());
    out << "\nExit codes: 0 success, 1 error, 2 usage error, 130 cancelled.\n";
}

void printCommandHelp(const Command& command, std::ostream& out) {
    out << "Usage: " << command.usage << "\n\n"
        << command.description << "\n\nOptions:\n"
        << formatOptions(command.options) << "\nCommon options:\n"
        << formatOptions(commonOptions());
}

int usageError(const std::string& message, const std::string& usage) {
    std::cerr << "unike: " << message << '\n' << "Usage: " << usage << '\n';
    return kExitUsage;
}

const Command* findCommand(const std::string& name) {
    for (const Command& command : allCommands())
        if (command.name == name)
            return &command;
    return nullptr;
}

void setUpLogging(const ParsedArgs& parsed) {
    LoggingOptions logging;
    logging.appName = "unike";
    logging.toStderr = true;
    const size_t verbosity = parsed.values("verbose").size();
    if (parsed.has("quiet"))
        logging.stderrLevel = LogLevel::Error;
    else if (verbosity >= 2)
        logging.stderrLevel = LogLevel::Debug;
    else if (verbosity == 1)
        logging.stderrLevel = LogLevel::Info;
    installLogging(logging);
}

} // namespace

int runCli(const std::vector<std::string>& args) {
    const std::string mainUsage = "unike [-v|-q] [--threads N] COMMAND [options]";
    // Common options may come before the command name as well as after it.
    size_t commandIndex = 0;
    std::vector<std::string> leading;
    while (commandIndex < args.size() && args[commandIndex].rfind('-', 0) == 0) {
        const std::string& arg = args[commandIndex];
        if (arg == "--version") {
            std::cout << "unike " << versionString() << '\n';
            return kExitOk;
        }
        leading.push_back(arg);
        if (arg == "--threads" && commandIndex + 1 < args.size())
            leading.push_back(args[++commandIndex]);
        ++commandIndex;
    }
    ParsedArgs common;
    try {
        common = parseOptions(commonOptions(), leading, false);
    } catch (const UsageError& e) {
        return usageError(e.what(), mainUsage);
    }
    if (commandIndex >= args.size()) {
        if (common.has("help")) {
            printMainHelp(std::cout);
            return kExitOk;
        }
        return usageError("no command given; try 'unike --help'", mainUsage);
    }
    const Command* command = findCommand(args[commandIndex]);
    if (!command)
        return usageError("unknown command '" + args[commandIndex] + "'; try 'unike --help'",
                          mainUsage);

    std::vector<OptionSpec> specs = command->options;
    specs.insert(specs.end(), commonOptions().begin(), commonOptions().end());
    std::vector<std::string> rest(args.begin() + commandIndex + 1, args.end());
    rest.insert(rest.begin(), leading.begin(), leading.end());
    // --help wins over missing required options.
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
        std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        printCommandHelp(*command, std::cout);
        return kExitOk;
    }
    ParsedArgs parsed;
    CommandContext context;
    try {
        parsed = parseOptions(specs, rest, command->takesPositionals);
        context.threads = parsed.intValue("threads", 0);
        context.jsonOutput = parsed.has("json");
    } catch (const UsageError& e) {
        return usageError("unike " + command->name + ": " + e.what(), command->usage);
    }

    setUpLogging(parsed);
    try {
        setComputeThreads(context.threads);
        return command->run(parsed, context);
    } catch (const UsageError& e) {
        return usageError("unike " + command->name + ": " + e.what(), command->usage);
    } catch (const Error& e) {
        std::cerr << "unike " << command->name << ": " << e.what() << '\n';
        return e.isCancellation() ? kExitCancelled : kExitError;
    } catch (const std::exception& e) {
        std::cerr << "unike " << command->name << ": unexpected error: " << e.what() << '\n';
        return kExitError;
    }
}

} // namespace unike::cli
