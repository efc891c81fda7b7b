// The Studio's smaller parts, without a model: session state, exports, the
// hyperparameter parser, token chips, the probe table and its filter, settings.
#include "ask/TokenChipView.h"
#include "benchmark/ReportExport.h"
#include "check/ChangedOnlyFilter.h"
#include "check/ProbeTableModel.h"
#include "correct/HyperParamsEditor.h"
#include "main/DeviceStatus.h"
#include "session/SessionController.h"
#include "session/StudioState.h"
#include "settings/StudioSettings.h"
#include "spaces/ScatterPlot.h"

#include <unike/Runtime.h>

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace unike::ui;

class TestStudioParts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("UniKE-test");
        QCoreApplication::setApplicationName("TestStudioParts");
    }

    void studioStateRoundTrips() {
        StudioState state;
        state.imagePath = "/tmp/a.png";
        state.question = "What colour is the heart?";
        state.target = "blue";
        state.rephrasings = {"Which colour is the heart?", "The heart's colour?"};
        state.extraImages = {"/tmp/b.png"};
        state.method = "tpatcher";
        state.hyperParamsJson = "{\"max_steps\": 10}";
        state.overrides = "seed=3";
        const StudioState back = StudioState::fromJson(state.toJson());
        QCOMPARE(back.imagePath, state.imagePath);
        QCOMPARE(back.question, state.question);
        QCOMPARE(back.target, state.target);
        QCOMPARE(back.rephrasings, state.rephrasings);
        QCOMPARE(back.extraImages, state.extraImages);
        QCOMPARE(back.method, state.method);
        QCOMPARE(back.hyperParamsJson, state.hyperParamsJson);
        QCOMPARE(back.overrides, state.overrides);
        QCOMPARE(StudioState::fromJson("not json").method, QString("unike"));
    }

    void hyperParameterLinesParse() {
        HyperParamsEditor editor;
        editor.setOverridesText("max_steps = 20\n# a comment\n\nlearning_rate=0.1");
        QString error;
        const auto pairs = editor.overrides(&error);
        QVERIFY(error.isEmpty());
        QCOMPARE(pairs.size(), size_t(2));
        QCOMPARE(QString::fromStdString(pairs[0].first), QString("max_steps"));
        QCOMPARE(QString::fromStdString(pairs[0].second), QString("20"));
        editor.setOverridesText("oops");
        QVERIFY(editor.overrides(&error).empty());
        QVERIFY(error.contains("oops"));
    }

    void tokenChipsShowProbabilitiesAndAlternatives() {
        unike::TokenProbability token;
        token.text = " yellow";
        token.probability = 0.75;
        token.alternatives = {{1, " yellow", 0.75}, {2, " blue", 0.2}};
        TokenChipView view;
        view.setTokens({token, token});
        QCOMPARE(view.count(), 2);
        QVERIFY(view.item(0)->text().contains("yellow"));
        QVERIFY(view.item(0)->text().contains("75%"));
        QVERIFY(view.item(0)->toolTip().contains("blue"));
        QVERIFY(view.item(0)->toolTip().contains("20.0%"));
        // A confident model's alternatives are far below 0.1 %; they must not all read 0.0%.
        token.alternatives = {{1, " yellow", 0.99996}, {2, " blue", 3e-5}, {3, " red", 1e-9}};
        const QString tip = TokenChipView::describe(token);
        QVERIFY2(tip.contains("0.003%") && tip.contains("&lt; 0.0001%") && !tip.contains(">0.0%"),
                 qPrintable(tip));
    }

    void probeTableHighlightsAndFiltersChangedRows() {
        ProbeTableModel model(ProbeTableModel::Kind::Locality);
        OutcomeList outcomes(3);
        for (size_t i = 0; i < outcomes.size(); ++i) {
            outcomes[i].probe.kind = "t-locality";
            outcomes[i].probe.question = "q" + std::to_string(i);
            outcomes[i].before = "a";
            outcomes[i].after = i == 1 ? "b" : "a";
            outcomes[i].changed = i == 1;
        }
        model.setOutcomes(outcomes);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(
            model.data(model.index(1, ProbeTableModel::VerdictColumn), Qt::DisplayRole).toString(),
            QString("changed"));
        QVERIFY(model.data(model.index(1, 0), Qt::BackgroundRole).isValid());
        QVERIFY(!model.data(model.index(0, 0), Qt::BackgroundRole).isValid());
        QVERIFY(!model.data(model.index(0, 0), Qt::ToolTipRole).toString().isEmpty());
        ChangedOnlyFilter filter(ProbeTableModel::ChangedRole, true);
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 3);
        filter.setEnabled(true);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.data(filter.index(0, 0)).toString(), QString("q1"));
    }

    void reportsExportToThreeFormats() {
        unike::EvalReport report;
        report.labels = {{"method", "unike"}, {"task", "vqa"}, {"protocol", "one-step"}};
        report.metrics = {{"reliability", 100.0}, {"t_locality", 97.5}};
        const std::vector<unike::EvalReport> reports = {report};
        QVERIFY(ReportExport::csv(reports).contains("unike,vqa,one-step,100.00"));
        QVERIFY(ReportExport::markdown(reports).startsWith("| method"));
        QVERIFY(ReportExport::markdown(reports).contains("97.50"));
        QVERIFY(ReportExport::json(reports).trimmed().startsWith("["));
        QTemporaryDir dir;
        QVERIFY(ReportExport::write(dir.filePath("r.md"), reports));
        QFile file(dir.filePath("r.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("| unike"));
    }

    void aRecoveryNoteMeansACrashedRun() {
        const QString folder = SessionController::recoveryFolder();
        QVERIFY(QDir().mkpath(folder));
        SessionController::discardRecovery();
        QVERIFY(SessionController::pendingRecovery().isEmpty());
        const QString autosave = folder + "/autosave.unike-session";
        QFile session(autosave);
        QVERIFY(session.open(QIODevice::WriteOnly));
        session.write("x");
        session.close();
        QFile note(folder + "/recovery.json");
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write(QString("{\"autosave\": \"%1\"}").arg(autosave).toUtf8());
        note.close();
        QCOMPARE(SessionController::pendingRecovery(), autosave);
        SessionController::discardRecovery(); // what a clean exit does
        QVERIFY(SessionController::pendingRecovery().isEmpty());
        QVERIFY(!QFile::exists(autosave));
    }

    void scatterPlotFindsPointsAndMovesThem() {
        ScatterPlot plot("semantic");
        plot.resize(400, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVector<ScatterPoint> points(4);
        for (int i = 0; i < 4; ++i) {
            points[i].x = i;
            points[i].y = i % 2;
            points[i].group = i < 2 ? "edit" : "t-locality";
            points[i].phase = i % 2 ? "after" : "before";
            points[i].pair = i % 2 ? i - 1 : i + 1;
        }
        plot.setPoints(points);
        plot.setArrowsVisible(true);
        plot.plot()->replot();
        const QPoint pixel(int(plot.plot()->xAxis->coordToPixel(2)),
                           int(plot.plot()->yAxis->coordToPixel(0)));
        QCOMPARE(plot.pointAt(pixel), 2);
        QSignalSpy selected(&plot, &ScatterPlot::selectionChanged);
        plot.setSelected(2);
        QCOMPARE(selected.count(), 1);
        plot.setCoordinates({0, 0, 1, 1, 5, 5, 6, 6}); // a t-SNE snapshot
        QCOMPARE(plot.points()[2].x, 5.0);
        QVERIFY(plot.savePng(QDir::temp().filePath("unike-scatter-test.png"), 200, 150));
    }

    // The device field names device and dtype, and adds GPU memory only where the
    // driver reports it.
    void deviceStatusShowsGpuMemoryWhereThereIsOne() {
        DeviceStatus status;
        status.setDevice("cpu", "float32");
        QCOMPARE(status.text(), QString("Device: cpu, float32"));
        QVERIFY(status.memoryText().isEmpty());
        status.setDevice("cuda:0", "float16");
        QVERIFY(status.text().startsWith("Device: cuda:0, float16"));
        QCOMPARE(status.memoryText().isEmpty(), !unike::gpuMemory(0).available);
        QCOMPARE(status.text().contains("GiB"), unike::gpuMemory(0).available);
        QVERIFY(!unike::gpuMemory(-1).available);
    }

    void settingsHaveDefaultsAndPersist() {
        StudioSettings defaults = StudioSettings::load();
        QCOMPARE(defaults.device, QString("auto"));
        QCOMPARE(defaults.threads, 0);
        defaults.device = "cpu";
        defaults.threads = 1;
        defaults.save();
        const StudioSettings back = StudioSettings::load();
        QCOMPARE(back.device, QString("cpu"));
        QCOMPARE(back.threads, 1);
        StudioSettings().save();
    }
};

QTEST_MAIN(TestStudioParts)
#include "TestStudioParts.moc"
