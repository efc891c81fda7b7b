#pragma once
// `unike-studio --bench`: the Studio's responsiveness, printed as JSON.
//  - launch_to_first_answer_ms: from the process start to the first answer of the
//    demo model about a sample image (target <= 3000);
//  - max_stall_ms_edit / max_stall_ms_tsne: the longest gap between ticks of a
//    10 ms QTimer heartbeat on the GUI thread while an edit, then a t-SNE run,
//    work on the worker thread (target <= 100).

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

class QTimer;

namespace unike::ui {

class MainWindow;

class StudioBenchmark : public QObject {
    Q_OBJECT

public:
    // `sinceLaunch` was started at the top of main().
    StudioBenchmark(MainWindow* window, const QElapsedTimer& sinceLaunch,
                    QObject* parent = nullptr);

    void start();
    QJsonObject results() const { return results_; }

signals:
    void finished();

private:
    void beat();
    void beginPhase(const QString& name);
    void endPhase();
    void finish();

    MainWindow* window_;
    QElapsedTimer sinceLaunch_;
    QTimer* heartbeat_ = nullptr;
    QElapsedTimer sinceBeat_;
    QElapsedTimer phaseClock_;
    QString phase_;
    double maxStall_ = 0;
    int stage_ = 0;
    QJsonObject results_;
};

} // namespace unike::ui
