#pragma once
// A signal spy for the engine worker's signals. QSignalSpy records in the emitting thread
// (the worker's) and its wait() sees only signals that come after it starts, so a fast
// failure emitted before wait() made a test time out. This spy receives the signals queued
// on the test's thread and waits for a count, however early they came.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTest>
#include <QVariant>

#include <type_traits>

class QueuedSignalSpy : public QObject {
public:
    template <class Sender, class... Args>
    QueuedSignalSpy(const Sender* sender, void (Sender::*signal)(Args...)) {
        connect(
            sender, signal, this,
            [this](Args... args) {
                calls_.append(QVariantList{QVariant::fromValue(std::decay_t<Args>(args))...});
            },
            Qt::QueuedConnection);
    }

    // True once `count` signals have arrived, waiting up to `timeoutMs` for them.
    bool waitFor(qsizetype count = 1, int timeoutMs = 10000) {
        QElapsedTimer timer;
        timer.start();
        while (calls_.size() < count && timer.elapsed() < timeoutMs)
            QTest::qWait(10);
        return calls_.size() >= count;
    }

    qsizetype count() const { return calls_.size(); }
    bool isEmpty() const { return calls_.isEmpty(); }
    const QVariantList& operator[](qsizetype index) const { return calls_.at(index); }

private:
    QList<QVariantList> calls_;
};
