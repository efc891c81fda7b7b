#include "StudioBenchmark.h"

#include "ask/AskPanel.h"
#include "correct/CorrectPanel.h"
#include "correct/HyperParamsEditor.h"
#include "image/ImagePanel.h"
#include "image/SampleGallery.h"
#include "main/MainWindow.h"
#include "spaces/SpacesPanel.h"
#include "worker/EngineWorker.h"

#include <QTimer>

namespace unike::ui {
namespace {
enum Stage { Loading, Opening, FirstAsk, Editing, Tsne, Finished };
constexpr int kHeartbeatMs = 10;
} // namespace

StudioBenchmark::StudioBenchmark(MainWindow* window, const QElapsedTimer& sinceLaunch,
                                 QObject* parent)
    : QObject(parent)
    , window_(window)
    , sinceLaunch_(sinceLaunch)
    , heartbeat_(new QTimer(this)) {
    heartbeat_->setInterval(kHeartbeatMs);
    heartbeat_->setTimerType(Qt::PreciseTimer);
    connect(heartbeat_, &QTimer::timeout, this, &StudioBenchmark::beat);
    EngineWorker* w = window_->worker();
    connect(w, &EngineWorker::modelLoaded, this, [this] {
        if (stage_ != Loading)
            return;
        results_["model_loaded_ms"] = static_cast<double>(sinceLaunch_.elapsed());
        stage_ = Opening;
        window_->imagePanel()->openSample(0);
    });
    connect(window_->imagePanel(), &ImagePanel::imageChanged, this, [this] {
        if (stage_ != Opening)
            return;
        stage_ = FirstAsk;
        window_->askPanel()->ask();
    });
    connect(window_->askPanel(), &AskPanel::answered, this, [this] {
        if (stage_ != FirstAsk)
            return;
        results_["launch_to_first_answer_ms"] = static_cast<double>(sinceLaunch_.elapsed());
        results_["first_answer"] = window_->askPanel()->answer();
        stage_ = Editing;
        beginPhase("edit");
        window_->correctPanel()->setTarget("blue");
        // A fixed, long edit (200 steps), so the stall measure covers real training.
        window_->correctPanel()->hyperParams()->setOverridesText("max_steps=200\nstop_loss=0");
        window_->correctPanel()->apply();
    });
    connect(w, &EngineWorker::jobFinished, this, [this](const QString& job) {
        if (stage_ == Editing && job == "edit") {
            endPhase();
            stage_ = Tsne;
            beginPhase("tsne");
            window_->spacesPanel()->setIterations(500);
            window_->spacesPanel()->computeTsne();
        } else if (stage_ == Tsne && job == "spaces") {
            endPhase();
            finish();
        }
    });
    connect(w, &EngineWorker::failed, this,
            [this](const QString& job, int, int, const QString& message) {
                results_["error_" + job] = message;
                // Without a model, an image or an answer there is nothing more to measure.
                if (job == "load" || job == "preview" || job == "ask")
                    finish();
            });
}

void StudioBenchmark::start() {
    QTimer::singleShot(300000, this, [this] {
        if (stage_ != Finished) {
            results_["error"] = "timed out";
            finish();
        }
    });
}

void StudioBenchmark::beat() {
    const double gap = static_cast<double>(sinceBeat_.nsecsElapsed()) / 1e6;
    sinceBeat_.restart();
    maxStall_ = std::max(maxStall_, gap - kHeartbeatMs);
}

void StudioBenchmark::beginPhase(const QString& name) {
    phase_ = name;
    maxStall_ = 0;
    phaseClock_.start();
    sinceBeat_.start();
    heartbeat_->start();
}

void StudioBenchmark::endPhase() {
    heartbeat_->stop();
    results_["max_stall_ms_" + phase_] = maxStall_;
    results_["duration_ms_" + phase_] = static_cast<double>(phaseClock_.elapsed());
}

void StudioBenchmark::finish() {
    if (stage_ == Finished)
        return;
    stage_ = Finished;
    heartbeat_->stop();
    results_["heartbeat_ms"] = kHeartbeatMs;
    results_["target_first_answer_ms"] = 3000;
    results_["target_max_stall_ms"] = 100;
    emit finished();
}

} // namespace unike::ui
