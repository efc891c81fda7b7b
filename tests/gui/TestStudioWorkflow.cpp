// The whole path of issue 7 on the demo model, through the real window: open a
// sample and ask, apply a UniKE edit and see the answer change, the locality
// table, undo/redo, toggling, the spaces, saving and reopening the session, and a
// corrupt image that changes nothing. The slots run in order on one window.
#include "QueuedSignalSpy.h"
#include "ask/AskPanel.h"
#include "check/CheckPanel.h"
#include "check/ProbeTableModel.h"
#include "common/ErrorBanner.h"
#include "correct/CorrectPanel.h"
#include "correct/HyperParamsEditor.h"
#include "correct/LossPlot.h"
#include "history/HistoryPanel.h"
#include "image/ImagePanel.h"
#include "main/MainWindow.h"
#include "session/SessionController.h"
#include "settings/StudioSettings.h"
#include "spaces/ScatterPlot.h"
#include "spaces/SpacesPanel.h"
#include "worker/EngineWorker.h"

#include <unike/Error.h>

#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace unike::ui;

namespace {
constexpr int kWaitMs = 60000;
const char* const kTarget = "blue";
} // namespace

class TestStudioWorkflow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<QSignalSpy> failures_;
    QTemporaryDir temp_;
    QString originalAnswer_;

    EngineWorker* worker() const { return window_->worker(); }
    AskPanel* ask() const { return window_->askPanel(); }

    // Waits for `spy` or a failure of `job`; returns the failure, empty when none.
    QList<QVariant> waitFor(QSignalSpy& spy, const QString& job) {
        QElapsedTimer clock;
        clock.start();
        while (spy.isEmpty() && clock.elapsed() < kWaitMs) {
            for (const QList<QVariant>& f : *failures_)
                if (f[0].toString() == job)
                    return f;
            QTest::qWait(20);
        }
        for (const QList<QVariant>& f : *failures_)
            if (f[0].toString() == job)
                return f;
        return {};
    }

    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!worker()->isBusy(), kWaitMs); }

    // Asks again and waits for the answer.
    QString freshAnswer() {
        QSignalSpy answered(ask(), &AskPanel::answered);
        ask()->ask();
        if (!answered.wait(kWaitMs))
            return "<no answer>";
        return ask()->answer();
    }

    bool applyEdit() {
        QueuedSignalSpy applied(worker(), &EngineWorker::editApplied);
        window_->correctPanel()->setTarget(kTarget);
        window_->correctPanel()->apply();
        return applied.waitFor(1, kWaitMs);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("UniKE-test");
        QCoreApplication::setApplicationName("TestStudioWorkflow");
        QVERIFY(temp_.isValid());
        window_ = std::make_unique<MainWindow>();
        window_->setConfirmClose(false);
        failures_ = std::make_unique<QSignalSpy>(worker(), &EngineWorker::failed);
        window_->show();
        QueuedSignalSpy loaded(worker(), &EngineWorker::modelLoaded);
        StudioSettings settings;
        settings.autosaveSeconds = 0;
        window_->startEngine(settings);
        QVERIFY(loaded.waitFor(1, kWaitMs));
        QCOMPARE(window_->modelName(), QString("demo"));
    }

    void opensASampleAndAsks() {
        QVERIFY(window_->imagePanel()->gallery()->count() >= 1);
        QSignalSpy changed(window_->imagePanel(), &ImagePanel::imageChanged);
        window_->imagePanel()->openSample(0);
        QVERIFY(changed.wait(kWaitMs));
        QVERIFY(window_->imagePanel()->hasImage());
        // Picking a sample fills in its question.
        QCOMPARE(ask()->question(), QString("What colour is the heart?"));
        originalAnswer_ = freshAnswer();
        QVERIFY(!originalAnswer_.isEmpty());
        QVERIFY2(originalAnswer_ != kTarget, qPrintable(originalAnswer_));
        auto* chips = ask()->findChild<QListWidget*>("TokenChips");
        QVERIFY(chips && chips->count() >= 1);
        QVERIFY(chips->item(0)->toolTip().contains("Top alternatives"));
        const double p = chips->item(0)->data(Qt::UserRole).toDouble();
        QVERIFY(p > 0.0 && p <= 1.0);
    }

    void applyingAnEditChangesTheAnswer() {
        QSignalSpy answered(ask(), &AskPanel::answered);
        QVERIFY(applyEdit());
        // The window records the edit on the undo stack and asks again by itself.
        QCOMPARE(window_->undoStack()->count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), QString(kTarget), kWaitMs);
        QCOMPARE(window_->liveEdits(), 1);
        QCOMPARE(window_->historyPanel()->tree()->topLevelItemCount(), 1);
        QVERIFY(window_->correctPanel()->lossPlot()->pointCount("loss") >= 1);
        QVERIFY(window_->isWindowModified());
    }

    void localityTableFills() {
        QSignalSpy defaults(worker(), &EngineWorker::defaultProbesReady);
        window_->checkPanel()->loadDefaultProbes();
        QList<QVariant> failure = waitFor(defaults, "probes");
        QVERIFY2(failure.isEmpty(), qPrintable(failure.value(3).toString()));
        QVERIFY(window_->checkPanel()->localityModel()->rowCount() > 0);

        QSignalSpy checked(window_->checkPanel(), &CheckPanel::checked);
        window_->checkPanel()->runCheck();
        failure = waitFor(checked, "check");
        QVERIFY2(failure.isEmpty(), qPrintable(failure.value(3).toString()));
        ProbeTableModel* model = window_->checkPanel()->localityModel();
        QVERIFY(model->isChecked());
        QVERIFY(model->rowCount() > 0);
        const QModelIndex before = model->index(0, ProbeTableModel::BeforeColumn);
        QVERIFY(!model->data(before, Qt::DisplayRole).toString().isEmpty());
        QVERIFY(model->data(model->index(0, ProbeTableModel::MetricColumn), Qt::DisplayRole)
                    .toString()
                    .contains("Loc"));
        QVERIFY(window_->checkPanel()->tLocality() >= 0 || window_->checkPanel()->mLocality() >= 0);
        // The edit itself is a generality row that now hits the target.
        ProbeTableModel* generality = window_->checkPanel()->generalityModel();
        QVERIFY(generality->rowCount() >= 1);
        QVERIFY(generality->data(generality->index(0, 0), ProbeTableModel::HitRole).toBool());
        // "Changed only" hides the unchanged rows.
        window_->checkPanel()->setChangedOnly(true);
        int changed = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            changed += model->data(model->index(r, 0), ProbeTableModel::ChangedRole).toBool();
        QCOMPARE(window_->checkPanel()->localityView()->model()->rowCount(), changed);
        window_->checkPanel()->setChangedOnly(false);
    }

    void undoBringsTheOriginalAnswerBackAndRedoReappliesIt() {
        waitIdle();
        window_->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), originalAnswer_, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window_->liveEdits(), 0, kWaitMs);
        QCOMPARE(window_->historyPanel()->tree()->topLevelItemCount(), 0);
        QVERIFY(!window_->isWindowModified());

        failures_->clear();
        window_->undoStack()->redo();
        waitIdle();
        QVERIFY(failures_->isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), QString(kTarget), kWaitMs);
        QCOMPARE(window_->liveEdits(), 1);
    }

    void togglingTheEditSwitchesTheAnswer() {
        waitIdle();
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), QString(kTarget), kWaitMs);
        QTreeWidget* tree = window_->historyPanel()->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        const int commands = window_->undoStack()->count();
        tree->topLevelItem(0)->setCheckState(0, Qt::Unchecked); // as a click would
        QCOMPARE(window_->undoStack()->count(), commands + 1);
        QTRY_COMPARE_WITH_TIMEOUT(window_->liveEdits(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), originalAnswer_, kWaitMs);
        QCOMPARE(tree->topLevelItem(0)->checkState(0), Qt::Unchecked);
        window_->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(window_->liveEdits(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), QString(kTarget), kWaitMs);
    }

    void renamingIsUndoable() {
        waitIdle();
        QTreeWidget* tree = window_->historyPanel()->tree();
        const QString old = tree->topLevelItem(0)->text(0);
        tree->topLevelItem(0)->setText(0, "heart is blue");
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItem(0)->text(0), QString("heart is blue"),
                                  kWaitMs);
        window_->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItem(0)->text(0), old, kWaitMs);
    }

    void computesTheSpaces() {
        waitIdle();
        SpacesPanel* spaces = window_->spacesPanel();
        QSignalSpy computed(spaces, &SpacesPanel::computed);
        spaces->computePca();
        QList<QVariant> failure = waitFor(computed, "spaces");
        QVERIFY2(failure.isEmpty(), qPrintable(failure.value(3).toString()));
        const int n = spaces->semanticPlot()->points().size();
        QVERIFY(n >= 4);
        QCOMPARE(spaces->truthfulnessPlot()->points().size(), n);
        // Linked selection.
        spaces->semanticPlot()->setSelected(1);
        QCOMPARE(spaces->truthfulnessPlot()->selected(), 1);
        // t-SNE animates through snapshots.
        computed.clear();
        spaces->setIterations(100);
        spaces->computeTsne();
        QTRY_VERIFY_WITH_TIMEOUT(computed.count() >= 2, kWaitMs);
        QVERIFY(spaces->tsneFrames() > 0);
        const QString csv = temp_.filePath("spaces.csv");
        QVERIFY(spaces->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 1 + 2 * n);
    }

    void savesAndReopensTheSession() {
        waitIdle();
        const QString path = temp_.filePath("workflow.unike-session");
        window_->correctPanel()->setRephrasings({"Which colour does the heart have?"});
        QSignalSpy saved(window_->session(), &SessionController::saved);
        window_->saveSessionFile(path);
        QList<QVariant> failure = waitFor(saved, "save");
        QVERIFY2(failure.isEmpty(), qPrintable(failure.value(3).toString()));
        QVERIFY(window_->undoStack()->isClean());
        QVERIFY(!window_->isWindowModified());
        QVERIFY(window_->windowTitle().contains("workflow.unike-session"));

        // Change things, then reopen: the edits and the Studio's state come back.
        window_->correctPanel()->setTarget("something else");
        window_->correctPanel()->setRephrasings({});
        QSignalSpy opened(window_->session(), &SessionController::opened);
        window_->openSessionFile(path);
        failure = waitFor(opened, "open");
        QVERIFY2(failure.isEmpty(), qPrintable(failure.value(3).toString()));
        QCOMPARE(window_->correctPanel()->target(), QString(kTarget));
        QCOMPARE(window_->correctPanel()->rephrasings(),
                 QStringList({"Which colour does the heart have?"}));
        QCOMPARE(window_->undoStack()->count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(window_->liveEdits(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(ask()->answer(), QString(kTarget), kWaitMs);
    }

    void aCorruptImageShowsAnErrorAndChangesNothing() {
        waitIdle();
        const QString broken = temp_.filePath("broken.png");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\nthis is not really a png");
        file.close();
        const QString nameBefore = window_->imagePanel()->currentName();
        const int commands = window_->undoStack()->count();
        const int live = window_->liveEdits();
        QSignalSpy rejected(window_->imagePanel(), &ImagePanel::imageRejected);
        window_->imagePanel()->openFile(broken);
        QVERIFY(rejected.wait(kWaitMs));
        QVERIFY(window_->errorBanner()->isVisible());
        QVERIFY(window_->errorBanner()->text().contains("broken.png"));
        QCOMPARE(window_->imagePanel()->currentName(), nameBefore);
        QCOMPARE(window_->undoStack()->count(), commands);
        QCOMPARE(window_->liveEdits(), live);
        // The window still works: the same question gets the same answer.
        const QString answer = ask()->answer();
        QCOMPARE(freshAnswer(), answer);
    }

    void emptyTargetAndCancelChangeNothing() {
        waitIdle();
        const int commands = window_->undoStack()->count();
        QSignalSpy rejected(window_->correctPanel(), &CorrectPanel::inputRejected);
        window_->correctPanel()->setTarget("  ");
        window_->correctPanel()->apply();
        QCOMPARE(rejected.count(), 1);

        // An edit that would not stop by itself, cancelled halfway.
        window_->correctPanel()->setTarget("green");
        window_->correctPanel()->hyperParams()->setOverridesText(
            "max_steps=100000\nstop_loss=0\nlearning_rate=0.000001");
        failures_->clear();
        QSignalSpy scalars(worker(), &EngineWorker::scalarsReported);
        window_->correctPanel()->apply();
        QTRY_VERIFY_WITH_TIMEOUT(scalars.count() >= 3, kWaitMs);
        worker()->cancel();
        waitIdle();
        bool cancelled = false;
        for (const QList<QVariant>& f : *failures_)
            cancelled =
                cancelled || (f[0].toString() == "edit" &&
                              f[2].toInt() == static_cast<int>(unike::ErrorKind::Cancelled));
        QVERIFY(cancelled);
        QCOMPARE(window_->undoStack()->count(), commands);
        window_->correctPanel()->hyperParams()->setOverridesText({});
    }

    // File > Open Demo Model switches to the LLaVA demo: a new, empty session on a model of
    // the other family, which answers the same sample.
    void switchesToTheLlavaDemo() {
        QAction* llava = nullptr;
        for (QAction* action : window_->findChildren<QAction*>())
            if (action->text() == "LLaVA (CLIP + LLaMA) demo")
                llava = action;
        QVERIFY(llava && llava->isEnabled());
        QueuedSignalSpy loaded(worker(), &EngineWorker::modelLoaded);
        llava->trigger();
        QVERIFY(loaded.waitFor(1, kWaitMs));
        const auto info = loaded[0].at(0).value<unike::ModelInfo>();
        QCOMPARE(QString::fromStdString(info.family), QString("llava"));
        QCOMPARE(window_->modelName(), QString("demo-llava"));
        QCOMPARE(window_->undoStack()->count(), 0);
        window_->imagePanel()->openSample(0);
        QVERIFY(!freshAnswer().isEmpty());
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioWorkflow)
#include "TestStudioWorkflow.moc"
