// unike-studio: parses the command line, sets up logging and threads, and opens
// the main window. Everything else lives in unike_ui.
#include "bench/StudioBenchmark.h"
#include "log/LogView.h"
#include "main/MainWindow.h"
#include "main/ScreenshotRunner.h"
#include "settings/StudioSettings.h"

#include <unike/Logging.h>
#include <unike/Version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
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
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
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
    QCommandLineOption threadsOption("threads",
                                     "Compute threads (0: half the cores, at least one).", "N");
    QCommandLineOption logLevelOption("log-level", "trace, debug, info, warn, error or off.",
                                      "LEVEL", "debug");
    QCommandLineOption sessionOption("session", "Open the session FILE.", "FILE");
    QCommandLineOption screenshotsOption(
        "screenshots", "Save PNG screenshots of the main states into DIR, then quit.", "DIR");
    QCommandLineOption benchOption("bench",
                                   "Measure launch-to-first-answer and GUI stalls; print JSON.");
    parser.addOptions({modelOption, threadsOption, logLevelOption, sessionOption, screenshotsOption,
                       benchOption});
    parser.process(*app); // exits on --help, --version or a bad option

    unike::LoggingOptions logging;
    logging.appName = "unike-studio";
    try {
        logging.fileLevel = unike::parseLogLevel(parser.value(logLevelOption).toStdString());
    } catch (const std::exception& e) {
        qCritical("unike-studio: %s", e.what());
        return 2;
    }
    unike::ui::StudioSettings settings = unike::ui::StudioSettings::load();
    if (parser.isSet(threadsOption)) {
        bool ok = false;
        settings.threads = parser.value(threadsOption).toInt(&ok);
        if (!ok || settings.threads < 0) {
            qCritical("unike-studio: --threads expects a whole number >= 0");
            return 2;
        }
    }
    if (parser.isSet(modelOption))
        settings.modelFolder = parser.value(modelOption);
    const bool scripted = parser.isSet(screenshotsOption) || parser.isSet(benchOption);
    if (scripted) {
        settings.modelFolder.clear(); // scripted runs use the demo model
        settings.autosaveSeconds = 0;
    }
    const std::string logFile = unike::installLogging(logging);

    unike::ui::MainWindow window;
    if (auto* logView = window.findChild<unike::ui::LogView*>())
        logView->attachToEngineLog();
    unike::logMessage(unike::LogLevel::Info, "UniKE Studio " + std::string(unike::versionString()) +
                                                 " started; log file: " + logFile);
    window.setConfirmClose(!scripted);
    if (scripted)
        window.resetLayout(); // the pictures show the default layout
    window.show();
    window.startEngine(settings);

    if (parser.isSet(screenshotsOption)) {
        auto* runner =
            new unike::ui::ScreenshotRunner(&window, parser.value(screenshotsOption), &window);
        QObject::connect(runner, &unike::ui::ScreenshotRunner::finished, app.get(),
                         [runner](bool ok) {
                             for (const QString& path : runner->written())
                                 std::printf("wrote %s\n", qPrintable(path));
                             for (const QString& skipped : runner->skipped())
                                 std::printf("skipped: %s\n", qPrintable(skipped));
                             QCoreApplication::exit(ok ? 0 : 1);
                         });
        runner->start();
    } else if (parser.isSet(benchOption)) {
        auto* bench = new unike::ui::StudioBenchmark(&window, sinceLaunch, &window);
        QObject::connect(bench, &unike::ui::StudioBenchmark::finished, app.get(), [bench] {
            std::printf("%s", QJsonDocument(bench->results()).toJson().constData());
            QCoreApplication::exit(0);
        });
        bench->start();
    } else {
        if (parser.isSet(sessionOption))
            window.openSessionFile(parser.value(sessionOption));
        else
            QTimer::singleShot(0, &window, &unike::ui::MainWindow::offerRecovery);
    }
    return app->exec();
}
