#include "ScreenshotRunner.h"

#include "ask/AskPanel.h"
#include "check/CheckPanel.h"
#include "check/ProbeTableModel.h"
#include "correct/CorrectPanel.h"
#include "correct/HyperParamsEditor.h"
#include "image/ImagePanel.h"
#include "image/SampleGallery.h"
#include "main/MainWindow.h"
#include "spaces/SpacesPanel.h"
#include "worker/EngineWorker.h"

#include <QDockWidget>
#include <QTimer>

namespace unike::ui {
namespace {
enum Step { WaitModel, WaitImage, WaitAnswer, WaitEdit, WaitReask, WaitCheck, WaitSpaces, Done };
}

ScreenshotRunner::ScreenshotRunner(MainWindow* window, const QString& folder, QObject* parent)
    : QObject(parent)
    , window_(window)
    , folder_(folder) {
    EngineWorker* w = window_->worker();
    connect(w, &EngineWorker::modelLoaded, this, [this] {
        if (step_ == WaitModel)
            step(WaitImage);
    });
    connect(window_->imagePanel(), &ImagePanel::imageChanged, this, [this] {
        if (step_ == WaitImage)
            step(WaitAnswer);
    });
    connect(window_->askPanel(), &AskPanel::answered, this, [this] {
        if (step_ == WaitAnswer)
            step(WaitEdit);
        else if (step_ == WaitReask)
            step(WaitCheck);
    });
    connect(w, &EngineWorker::scalarsReported, this, [this](const QString& job, long stepIndex) {
        // Mid-run: the loss curves have a few points but the edit is not done.
        if (job == "edit" && stepIndex >= 10 && !editShot_) {
            editShot_ = true;
            shoot("02-editing");
        }
    });
    connect(w, &EngineWorker::editApplied, this, [this] {
        if (step_ == WaitEdit)
            step(WaitReask);
    });
    connect(window_->checkPanel(), &CheckPanel::checked, this, [this] {
        if (step_ == WaitCheck)
            step(WaitSpaces);
    });
    connect(window_->spacesPanel(), &SpacesPanel::computed, this, [this] {
        if (step_ == WaitSpaces && window_->spacesPanel()->tsneFrames() > 0)
            step(Done);
    });
    connect(w, &EngineWorker::failed, this,
            [this](const QString& job, int, int, const QString& message) {
                skipped_ << job + ": " + message;
                if (step_ == WaitCheck && job == "check")
                    step(WaitSpaces);
                else if (step_ == WaitSpaces && job == "spaces")
                    step(Done);
                else if (step_ == WaitEdit && job == "edit")
                    step(WaitCheck);
                else if (job == "load" || job == "preview" || job == "ask")
                    step(Done);
            });
}

void ScreenshotRunner::start() {
    folder_.mkpath(".");
    // A hard limit, so a stuck engine never hangs a build.
    QTimer::singleShot(180000, this, [this] {
        if (step_ != Done) {
            skipped_ << "timed out";
            step(Done);
        }
    });
}

void ScreenshotRunner::shoot(const QString& name) {
    const QString path = folder_.filePath(name + ".png");
    if (window_->grab().save(path))
        written_ << path;
    else
        skipped_ << "could not write " + path;
}

void ScreenshotRunner::step(int next) {
    const int previous = step_;
    step_ = next;
    switch (next) {
    case WaitImage: {
        const QList<SampleImage> samples = SampleGallery::load();
        window_->imagePanel()->openSample(samples.size() > 5 ? 5 : 0);
        break;
    }
    case WaitAnswer:
        window_->askPanel()->setScoreAnswer("vairler");
        window_->askPanel()->ask();
        break;
    case WaitEdit:
        shoot("01-ask");
        window_->dock("CorrectDock")->raise();
        window_->correctPanel()->setTarget("vairler");
        // A gentler rate than the default, so the picture shows curves, not two points.
        window_->correctPanel()->hyperParams()->setOverridesText(
            "learning_rate=0.003\nstop_loss=0.005");
        window_->correctPanel()->hyperParams()->setExpanded(true);
        window_->correctPanel()->suggest();
        window_->correctPanel()->apply();
        break;
    case WaitReask:
        break;
    case WaitCheck:
        if (previous == WaitReask) {
            shoot("03-edited");
            window_->dock("AskDock")->raise();
            shoot("04-answer-after-edit");
        }
        window_->dock("CheckDock")->raise();
        window_->checkPanel()->runCheck();
        break;
    case WaitSpaces:
        if (previous == WaitCheck && window_->checkPanel()->localityModel()->rowCount() > 0)
            shoot("05-check");
        window_->dock("SpacesDock")->raise();
        window_->spacesPanel()->setIterations(300);
        window_->spacesPanel()->computeTsne();
        break;
    case Done:
        if (previous == WaitSpaces && window_->spacesPanel()->hasData())
            shoot("06-spaces");
        emit finished(!written_.isEmpty());
        break;
    default:
        break;
    }
}

} // namespace unike::ui
