#include <unike/Error.h>
#include <unike/Logging.h>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace unike {
namespace {

spdlog::level::level_enum toSpd(LogLevel level) {
    switch (level) {
    case LogLevel::Trace:
        return spdlog::level::trace;
    case LogLevel::Debug:
        return spdlog::level::debug;
    case LogLevel::Info:
        return spdlog::level::info;
    case LogLevel::Warn:
        return spdlog::level::warn;
    case LogLevel::Error:
        return spdlog::level::err;
    case LogLevel::Off:
        return spdlog::level::off;
    }
    return spdlog::level::info;
}

LogLevel fromSpd(spdlog::level::level_enum level) {
    switch (level) {
    case spdlog::level::trace:
        return LogLevel::Trace;
    case spdlog::level::debug:
        return LogLevel::Debug;
    case spdlog::level::info:
        return LogLevel::Info;
    case spdlog::level::warn:
        return LogLevel::Warn;
    case spdlog::level::err:
    case spdlog::level::critical:
        return LogLevel::Error;
    default:
        return LogLevel::Off;
    }
}

// Hands formatted lines to a user callback (the Studio's log dock).
class CallbackSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit CallbackSink(LogCallback callback)
        : callback_(std::move(callback)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t formatted;
        formatter_->format(msg, formatted);
        std::string line(formatted.data(), formatted.size());
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        callback_(fromSpd(msg.level), line);
    }
    void flush_() override {}

private:
    LogCallback callback_;
};

std::mutex& setupMutex() {
    static std::mutex mutex;
    return mutex;
}

} // namespace

std::string defaultLogDirectory() {
    namespace fs = std::filesystem;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return (fs::path(state) / "unike-studio").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".local" / "state" / "unike-studio").string();
    return (fs::temp_directory_path() / "unike-studio").string();
}

std::string installLogging(const LoggingOptions& options) {
    std::lock_guard<std::mutex> lock(setupMutex());
    std::vector<spdlog::sink_ptr> sinks;
    std::string logFile;
    std::string fileProblem;
    if (options.toFile) {
        namespace fs = std::filesystem;
        const fs::path dir = options.logDirectory.empty() ? fs::path(defaultLogDirectory())
                                                          : fs::path(options.logDirectory);
        try {
            fs::create_directories(dir);
            const fs::path file = dir / (options.appName + ".log");
            auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(),
                                                                               5 * 1024 * 1024, 3);
            sink->set_level(toSpd(options.fileLevel));
            sinks.push_back(sink);
            logFile = file.string();
        } catch (const std::exception& e) {
            fileProblem = e.what();
        }
    }
    if (options.toStderr) {
        auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_level(toSpd(options.stderrLevel));
        sink->set_pattern("%^%l%$: %v");
        sinks.push_back(sink);
    }
    auto logger = std::make_shared<spdlog::logger>(options.appName, sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    if (!fileProblem.empty())
        spdlog::warn("cannot write the log file ({}); logging to the other sinks only",
                     fileProblem);
    return logFile;
}

void addLogCallback(LogCallback callback, LogLevel minimum) {
    std::lock_guard<std::mutex> lock(setupMutex());
    auto sink = std::make_shared<CallbackSink>(std::move(callback));
    sink->set_level(toSpd(minimum));
    sink->set_pattern("%H:%M:%S %l %v");
    spdlog::default_logger()->sinks().push_back(sink);
}

void logMessage(LogLevel level, const std::string& message) {
    spdlog::log(toSpd(level), "{}", message);
}

LogLevel parseLogLevel(const std::string& name) {
    if (name == "trace")
        return LogLevel::Trace;
    if (name == "debug")
        return LogLevel::Debug;
    if (name == "info")
        return LogLevel::Info;
    if (name == "warn" || name == "warning")
        return LogLevel::Warn;
    if (name == "error")
        return LogLevel::Error;
    if (name == "off")
        return LogLevel::Off;
    throw Error(ErrorKind::InvalidInput,
                "unknown log level '" + name + "'; use trace, debug, info, warn, error or off");
}

} // namespace unike
