// The worker thread on its own: results and errors come back as queued signals
// on the GUI thread, jobs run in order, and cancel() stops a running job.
#include "QueuedSignalSpy.h"
#include "worker/EngineHost.h"
#include "worker/EngineWorker.h"

#include <unike/Error.h>
#include <unike/Resources.h>

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace unike::ui;

class TestEngineWorker : public QObject {
    Q_OBJECT

private slots:
    void errorsComeBackAsSignalsWithoutAModel() {
        EngineHost host;
        QueuedSignalSpy failed(host.worker(), &EngineWorker::failed);
        unike::AskParams params;
        params.question = "What colour is the heart?";
        const int request = host.worker()->ask(params);
        QVERIFY(failed.waitFor());
        QCOMPARE(failed[0][0].toString(), QString("ask"));
        QCOMPARE(failed[0][1].toInt(), request);
        QVERIFY(!failed[0][3].toString().isEmpty());
    }

    void resultsArriveOnTheGuiThreadInOrder() {
        EngineHost host;
        EngineWorker* worker = host.worker();
        QVERIFY(worker->thread() != QThread::currentThread());
        QList<QString> order;
        bool onGuiThread = true;
        QObject context; // disconnects the lambda when the test returns
        connect(worker, &EngineWorker::jobFinished, &context, [&](const QString& job) {
            onGuiThread = onGuiThread && QThread::currentThread() == thread();
            order << job;
        });
        QueuedSignalSpy loaded(worker, &EngineWorker::modelLoaded);
        QueuedSignalSpy answered(worker, &EngineWorker::answered);
        worker->loadModel(unike::ModelLoadParams());
        unike::AskParams params;
        params.image.path =
            std::string(unike::resourcesDirectory()) + "/images/01_yellow_heart.png";
        params.question = "What colour is the heart?";
        params.scoreAnswer = "yellow";
        const int request = worker->ask(params);
        QVERIFY(answered.waitFor(1, 30000));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(answered[0][0].toInt(), request);
        const auto result = answered[0][1].value<unike::AskResult>();
        QVERIFY(!result.answer.empty());
        QVERIFY(!result.tokens.empty());
        QVERIFY(result.score.has_value());
        QTRY_COMPARE(order, QList<QString>({"load", "ask"}));
        QVERIFY(onGuiThread);
        QVERIFY(!worker->isBusy());
    }

    void cancelStopsARunningEdit() {
        EngineHost host;
        EngineWorker* worker = host.worker();
        QueuedSignalSpy failed(worker, &EngineWorker::failed);
        QueuedSignalSpy applied(worker, &EngineWorker::editApplied);
        QueuedSignalSpy scalars(worker, &EngineWorker::scalarsReported);
        worker->loadModel(unike::ModelLoadParams());
        unike::EditParams edit;
        edit.image.path = std::string(unike::resourcesDirectory()) + "/images/01_yellow_heart.png";
        edit.question = "What colour is the heart?";
        edit.target = "green";
        edit.overrides = {{"max_steps", "100000"}, {"stop_loss", "0"}, {"learning_rate", "1e-6"}};
        worker->applyEdit(edit);
        QTRY_VERIFY_WITH_TIMEOUT(scalars.count() >= 2, 30000);
        worker->cancel(); // from the GUI thread, while the job runs
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QCOMPARE(failed[0][0].toString(), QString("edit"));
        QCOMPARE(failed[0][2].toInt(), static_cast<int>(unike::ErrorKind::Cancelled));
        QCOMPARE(applied.count(), 0);
        // The scalars name the losses the Correct panel plots.
        const auto first = scalars[0][2].value<ScalarList>();
        QStringList names;
        for (const auto& [name, value] : first)
            names << QString::fromStdString(name);
        QVERIFY2(names.contains("loss") && names.contains("edit_loss"),
                 qPrintable(names.join(',')));
    }

    void aWrongModelFolderKeepsNoModelAndSaysWhy() {
        EngineHost host;
        QueuedSignalSpy failed(host.worker(), &EngineWorker::failed);
        unike::ModelLoadParams params;
        params.folder = QDir::tempPath().toStdString() + "/no-such-model-folder";
        host.worker()->loadModel(params);
        QVERIFY(failed.waitFor());
        QCOMPARE(failed[0][0].toString(), QString("load"));
        QVERIFY(failed[0][3].toString().contains("no-such-model-folder"));
    }
};

QTEST_MAIN(TestEngineWorker)
#include "TestEngineWorker.moc"
