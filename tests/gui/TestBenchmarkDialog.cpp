// The benchmark dialog end to end on the demo model: a small generated MMEdit
// benchmark, one method, the results table and chart, and the exports.
#include "benchmark/BenchmarkDialog.h"
#include "benchmark/ReportExport.h"
#include "worker/EngineHost.h"
#include "worker/EngineWorker.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace unike::ui;

class TestBenchmarkDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("UniKE-test");
        QCoreApplication::setApplicationName("TestBenchmarkDialog");
    }

    void evaluatesAMethodAndExports() {
        EngineHost host;
        QSignalSpy failed(host.worker(), &EngineWorker::failed);
        host.worker()->loadModel(unike::ModelLoadParams());
        BenchmarkDialog dialog(host.worker());
        dialog.setMethods({"tpatcher"});
        dialog.setLimit(2);
        QSignalSpy finished(&dialog, &BenchmarkDialog::finished);
        dialog.run();
        QVERIFY(finished.wait(120000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][3].toString()));
        QCOMPARE(dialog.reports().size(), size_t(1));
        const auto& metrics = dialog.reports()[0].metrics;
        QVERIFY(metrics.count("reliability") == 1);
        QVERIFY(metrics.at("reliability") >= 0 && metrics.at("reliability") <= 100);
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QString("tpatcher"));
        QTemporaryDir dir;
        for (const char* name : {"r.csv", "r.json", "r.md"}) {
            QVERIFY(ReportExport::write(dir.filePath(name), dialog.reports()));
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().contains("tpatcher"));
        }
    }
};

QTEST_MAIN(TestBenchmarkDialog)
#include "TestBenchmarkDialog.moc"
