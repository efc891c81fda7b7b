#include <unike/Error.h>
#include <unike/Progress.h>

#include <QtTest>

#include <thread>

class TestProgress : public QObject {
    Q_OBJECT

private slots:
    void reportsFractionsAndMessages() {
        std::vector<unike::ProgressEvent> events;
        unike::Progress progress([&](const unike::ProgressEvent& e) { events.push_back(e); });
        progress.report(0.25, "loading");
        progress.reportScalars(3, {{"loss", 1.5}, {"alpha", 0.9}});
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].fraction, 0.25);
        QCOMPARE(QString::fromStdString(events[0].message), QString("loading"));
        QCOMPARE(events[1].step, 3L);
        QCOMPARE(events[1].fraction, 0.25); // scalars keep the last fraction
        QCOMPARE(events[1].scalars.at(1).second, 0.9);
    }

    void subRangeMapsFractionsAndSharesCancel() {
        double last = -1;
        unike::Progress progress([&](const unike::ProgressEvent& e) { last = e.fraction; });
        unike::Progress second = progress.subRange(0.5, 1.0);
        second.report(0.5);
        QCOMPARE(last, 0.75);
        unike::Progress nested = second.subRange(0.0, 0.5);
        nested.report(1.0);
        QCOMPARE(last, 0.75);
        nested.report(2.0); // clamped
        QCOMPARE(last, 0.75);
        QVERIFY(!progress.isCancelled());
        nested.cancel();
        QVERIFY(progress.isCancelled());
    }

    void cancelFromAnotherThreadStopsWork() {
        unike::Progress progress;
        std::thread canceller([&] { progress.cancel(); });
        canceller.join();
        try {
            progress.throwIfCancelled("the edit");
            QFAIL("expected a cancellation error");
        } catch (const unike::Error& e) {
            QVERIFY(e.isCancellation());
            QVERIFY(QString(e.what()).contains("the edit was cancelled"));
        }
    }

    void errorCarriesKind() {
        const unike::Error error(unike::ErrorKind::File, "cannot read x.png: file is empty");
        QCOMPARE(error.kind(), unike::ErrorKind::File);
        QVERIFY(!error.isCancellation());
        QCOMPARE(QString(unike::errorKindName(error.kind())), QString("file error"));
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "TestProgress.moc"
