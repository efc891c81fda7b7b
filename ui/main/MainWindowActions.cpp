// MainWindow's menus, toolbar and the dialogs they open. Kept apart from the
// window's layout and engine wiring (MainWindow.cpp) so each file stays small.
#include "MainWindow.h"
#include "ask/AskPanel.h"
#include "benchmark/BenchmarkDialog.h"
#include "check/CheckPanel.h"
#include "correct/CorrectPanel.h"
#include "image/ImagePanel.h"
#include "image/SampleGallery.h"
#include "session/SessionController.h"
#include "settings/SettingsDialog.h"
#include "spaces/SpacesPanel.h"
#include "tour/GuidedTour.h"
#include "worker/EngineWorker.h"

#include <unike/Resources.h>
#include <unike/Version.h>

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

namespace unike::ui {
namespace {
const char* const kSessionFilter = "UniKE sessions (*.unike-session);;All files (*)";
}

void MainWindow::createActions() {
    QStyle* s = style();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openImage = file->addAction(s->standardIcon(QStyle::SP_DialogOpenButton),
                                         tr("&Open Image…"), image_, &ImagePanel::openDialog);
    openImage->setShortcut(QKeySequence::Open);
    openImage->setToolTip(tr("Open an image to ask about (Ctrl+O)"));
    QAction* paste = file->addAction(tr("&Paste Image"), image_, &ImagePanel::pasteFromClipboard);
    paste->setShortcut(QKeySequence("Ctrl+Shift+V"));
    QAction* openModel = file->addAction(tr("Open &Model Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Model Folder"),
                                                              settings_.modelFolder);
        if (!dir.isEmpty())
            openModelFolder(dir);
    });
    openModel->setToolTip(tr("A Hugging Face folder of BLIP-2 (OPT), LLaVA-1.5 or LLaMA "
                             "(config.json, weights, tokenizer)"));
    // The shipped demo models, one per family, all trained on the same world.
    QMenu* demos = file->addMenu(tr("Open &Demo Model"));
    demos->setToolTipsVisible(true);
    for (const unike::DemoModel& demo : unike::demoModels()) {
        QAction* action = demos->addAction(
            QString::fromStdString(demo.name), this,
            [this, folder = QString::fromStdString(demo.folder)] { openModelFolder(folder); });
        action->setEnabled(!demo.folder.empty());
        action->setToolTip(demo.folder.empty() ? tr("Not part of this installation")
                                               : QString::fromStdString(demo.folder));
    }
    file->addSeparator();
    QAction* openSession = file->addAction(tr("Open &Session…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Session"), {}, tr(kSessionFilter));
        if (!path.isEmpty())
            openSessionFile(path);
    });
    openSession->setShortcut(QKeySequence("Ctrl+Shift+O"));
    QAction* save =
        file->addAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Session"), this,
                        [this] { saveInteractively(false); });
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs =
        file->addAction(tr("Save Session &As…"), this, [this] { saveInteractively(true); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* preferences = file->addAction(tr("S&ettings…"), this, &MainWindow::showSettings);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undoStack_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    QAction* redo = undoStack_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : docks_)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* askAction =
        run->addAction(s->standardIcon(QStyle::SP_MediaPlay), tr("&Ask"), ask_, &AskPanel::ask);
    askAction->setToolTip(tr("Ask the question about the image"));
    QAction* apply = run->addAction(s->standardIcon(QStyle::SP_DialogApplyButton),
                                    tr("Apply &Edit"), correct_, &CorrectPanel::apply);
    apply->setShortcut(QKeySequence("Ctrl+E"));
    apply->setToolTip(tr("Train the edit that gives the target answer (Ctrl+E)"));
    QAction* checkAction = run->addAction(tr("Run &Check"), check_, &CheckPanel::runCheck);
    checkAction->setShortcut(QKeySequence("Ctrl+K"));
    run->addAction(tr("Spaces: &PCA Preview"), spaces_, &SpacesPanel::computePca);
    run->addAction(tr("Spaces: Run &t-SNE"), spaces_, &SpacesPanel::computeTsne);
    run->addSeparator();
    QAction* bench = run->addAction(tr("&Benchmark…"), this, &MainWindow::showBenchmark);
    bench->setShortcut(QKeySequence("Ctrl+B"));
    run->addAction(tr("&Prepare Model…"), this, [this] {
        if (QMessageBox::question(this, tr("Prepare Model"),
                                  tr("Build the knowledge bank and the semantic and truthfulness "
                                     "encoders for this model? This can take minutes; the "
                                     "result is cached.")) == QMessageBox::Yes)
            worker()->prepare(unike::PrepareParams());
    });
    run->addSeparator();
    QAction* cancel = run->addAction(s->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel Job"),
                                     this, [this] { worker()->cancel(); });
    cancel->setShortcut(Qt::Key_Escape);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Guided &Tour"), this, &MainWindow::showTour);
    help->addAction(tr("&About UniKE Studio"), this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("MainToolBar");
    toolbar->addAction(openImage);
    toolbar->addAction(save);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    toolbar->addAction(askAction);
    toolbar->addAction(apply);
    toolbar->addAction(cancel);
}

bool MainWindow::saveInteractively(bool saveAs) {
    QString path = session_->currentPath();
    if (saveAs || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save Session"), "session.unike-session",
                                            tr(kSessionFilter));
        if (path.isEmpty())
            return false;
    }
    session_->save(path);
    return true;
}

void MainWindow::offerRecovery() {
    const QString autosave = SessionController::pendingRecovery();
    if (autosave.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Recover Session"),
                              tr("UniKE Studio did not close cleanly last time. Recover the "
                                 "autosaved session?")) == QMessageBox::Yes)
        session_->recover(autosave);
    else
        session_->discardRecovery();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(settings_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StudioSettings changed = dialog.settings();
    const bool reload = changed.modelFolder != settings_.modelFolder ||
                        changed.device != settings_.device || changed.dtype != settings_.dtype;
    if (reload && !confirmNewSession())
        return; // nothing changes, the settings included
    changed.save();
    settings_ = changed;
    session_->setAutosaveInterval(changed.autosaveSeconds);
    if (reload)
        loadModelFolder(changed.modelFolder, changed.device, changed.dtype);
}

void MainWindow::showBenchmark() {
    auto* dialog = new BenchmarkDialog(worker(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showTour() {
    const QList<SampleImage> samples = SampleGallery::load();
    // The creature's name is a fact of the demo world the model knows; the tour
    // teaches it a different one, as if the world had changed.
    const int sample = samples.size() > 5 ? 5 : 0;
    QVector<TourStep> steps = {
        {tr("Ask"),
         tr("Pick a sample image from the gallery under the image. Its question appears in "
            "<b>Ask</b>; press <b>Ask</b> and read the answer. Each token shows its probability; "
            "hover a token for the alternatives the model considered."),
         [this, samples, sample] {
             if (!samples.isEmpty())
                 image_->openSample(sample);
             dock("AskDock")->raise();
         }},
        {tr("A wrong answer"),
         tr("Suppose the answer is wrong, or the world has changed. Type an answer in the "
            "<i>score</i> box to see how likely the model finds it under teacher forcing."),
         [this] { ask_->ask(); }},
        {tr("Correct"),
         tr("Open <b>Correct</b>, type the answer the model should give, and add rephrasings "
            "(<b>Suggest</b> proposes some) to check that the edit generalises."),
         [this] {
             dock("CorrectDock")->raise();
             if (correct_->target().isEmpty())
                 correct_->setTarget("vairler");
             correct_->suggest();
         }},
        {tr("Apply the edit"),
         tr("Press <b>Apply Edit</b>. Watch the losses fall: the edit loss (does it say the "
            "target?), the activation and memory losses (does it stay out of other inputs?). "
            "Then the answer in <b>Ask</b> changes. <b>Undo</b> takes it back."),
         [this] { correct_->apply(); }},
        {tr("Check generality"),
         tr("In <b>Check</b>, the generality tab shows the rephrasings and other images: after "
            "the edit they should give the target too."),
         [this] {
             dock("CheckDock")->raise();
             check_->runCheck();
         }},
        {tr("Check locality"),
         tr("The locality tab lists unrelated questions. Their answers should be the same before "
            "and after; changed rows are highlighted. T-Loc and M-Loc sum it up."),
         [this] { dock("CheckDock")->raise(); }},
        {tr("Look at the spaces"),
         tr("<b>Spaces</b> shows the semantic and truthfulness spaces UniKE uses to decide when "
            "an edit applies. Run PCA for a preview, t-SNE for the full picture; arrows show how "
            "the edit moved each input."),
         [this] {
             dock("SpacesDock")->raise();
             spaces_->computePca();
         }},
    };
    auto* tour = new GuidedTour(steps, this);
    tour->setAttribute(Qt::WA_DeleteOnClose);
    tour->show();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About UniKE Studio"),
                       tr("<h3>UniKE Studio %1</h3>"
                          "<p>Edit the knowledge of multimodal LLMs with UniKE "
                          "(Pan et al., NeurIPS 2024), and check each edit's reliability, "
                          "generality and locality.</p>")
                           .arg(QString::fromUtf8(unike::versionString())));
}

} // namespace unike::ui
