#pragma once
// Logging set-up for the applications. The engine logs through spdlog internally;
// the apps choose where it goes without including spdlog themselves.

#include <functional>
#include <string>

namespace unike {

enum class LogLevel { Trace, Debug, Info, Warn, Error, Off };

struct LoggingOptions {
    std::string appName = "unike"; // file name stem and logger name
    std::string logDirectory;      // empty: defaultLogDirectory()
    bool toFile = true;            // rotating file, 5 MB x 3
    bool toStderr = false;         // for the CLI
    LogLevel stderrLevel = LogLevel::Warn;
    LogLevel fileLevel = LogLevel::Debug;
};

// $XDG_STATE_HOME/unike-studio, else ~/.local/state/unike-studio, else a temp folder.
std::string defaultLogDirectory();

// Replaces the default logger's sinks. Returns the log file's path, or "" when none.
// A failure to create the file is not fatal: logging continues on the other sinks.
std::string installLogging(const LoggingOptions& options);

// Adds a sink that hands each formatted line to a callback (the Studio's log dock).
// The callback runs on the logging thread and must be cheap and thread-safe.
using LogCallback = std::function<void(LogLevel level, const std::string& line)>;
void addLogCallback(LogCallback callback, LogLevel minimum = LogLevel::Info);

void logMessage(LogLevel level, const std::string& message);
LogLevel parseLogLevel(const std::string& name); // "trace".."off"; throws Error

} // namespace unike
