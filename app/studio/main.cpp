// unike-studio: parses the command line, sets up logging and threads, and opens
// the main window. Everything else lives in unike_ui.
#include "log/LogView.h"
#include "main/MainWindow.h"

#include <unike/Logging.h>
#include <unike/Runtime.h>
#include <unike/Version.h>

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>
#include <memory>

namespace {

bool wantsTextOnly(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"-h", "--help", "-v", "--version", "--help-all"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char** argv) {
    // --help and --version must work without a display, so they get a core app.
    std::unique_ptr<QCoreApplication> app;
    if (wantsTextOnly(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName("UniKE");
    QCoreApplication::setApplicationName("UniKE Studio");
    QCoreApplication::setApplicationVersion(QString::fromUtf8(unike::versionString()));

    QCommandLineParser parser;
    parser.setApplicationDescription("UniKE Studio: edit the knowledge of multimodal LLMs "
                                     "and check each edit's generality and locality.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption modelOption("model", "Open the model in DIR instead of the demo model.",
                                   "DIR");
    QCommandLineOption threadsOption("threads", "Compute threads (0: one per core).", "N", "0");
    QCommandLineOption logLevelOption("log-level", "trace, debug, info, warn, error or off.",
                                      "LEVEL", "debug");
    parser.addOptions({modelOption, threadsOption, logLevelOption});
    parser.process(*app); // exits on --help, --version or a bad option

    unike::LoggingOptions logging;
    logging.appName = "unike-studio";
    try {
        logging.fileLevel = unike::parseLogLevel(parser.value(logLevelOption).toStdString());
    } catch (const std::exception& e) {
        qCritical("unike-studio: %s", e.what());
        return 2;
    }
    bool threadsOk = false;
    const int threads = parser.value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || threads < 0) {
        qCritical("unike-studio: --threads expects a whole number >= 0");
        return 2;
    }
    const std::string logFile = unike::installLogging(logging);
    unike::setComputeThreads(threads);

    unike::ui::MainWindow window;
    if (auto* logView = window.findChild<unike::ui::LogView*>())
        logView->attachToEngineLog();
    unike::logMessage(unike::LogLevel::Info, "UniKE Studio " + std::string(unike::versionString()) +
                                                 " started; log file: " + logFile);
    window.show();
    return app->exec();
}
