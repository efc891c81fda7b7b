#include "MainWindow.h"

#include "ask/AskPanel.h"
#include "check/CheckPanel.h"
#include "commands/ApplyEditCommand.h"
#include "commands/RemoveEditCommand.h"
#include "commands/RenameEditCommand.h"
#include "commands/ToggleEditCommand.h"
#include "common/ErrorBanner.h"
#include "correct/CorrectPanel.h"
#include "correct/HyperParamsEditor.h"
#include "history/HistoryPanel.h"
#include "image/ImagePanel.h"
#include "log/LogView.h"
#include "main/DeviceStatus.h"
#include "main/JobStatus.h"
#include "session/SessionController.h"
#include "spaces/SpacesPanel.h"
#include "worker/EngineHost.h"
#include "worker/EngineWorker.h"

#include <unike/Error.h>
#include <unike/Logging.h>

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

// Q_INIT_RESOURCE must be called outside a namespace.
static void initStudioResources() {
    Q_INIT_RESOURCE(studio);
}

namespace unike::ui {
namespace {
// Bump when the set of docks changes, so stale saved layouts are ignored.
constexpr int kLayoutVersion = 2;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , host_(new EngineHost(this))
    , undoStack_(new QUndoStack(this))
    , settings_(StudioSettings::load()) {
    initStudioResources();
    setObjectName("MainWindow");
    setWindowIcon(QIcon(":/studio/unike-studio.svg"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    resize(1400, 900);

    EngineWorker* w = host_->worker();
    image_ = new ImagePanel(w);
    banner_ = new ErrorBanner;
    auto* centre = new QWidget;
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(4, 4, 4, 4);
    centreLayout->addWidget(banner_);
    centreLayout->addWidget(image_, 1);
    setCentralWidget(centre);
    auto* paste = new QShortcut(QKeySequence::Paste, image_);
    paste->setContext(Qt::WidgetWithChildrenShortcut);
    connect(paste, &QShortcut::activated, image_, &ImagePanel::pasteFromClipboard);

    session_ = new SessionController(w, undoStack_, this);
    session_->setStateSource([this] { return studioState(); });
    session_->setStateSink([this](const StudioState& state) { applyStudioState(state); });

    createDocks();
    createActions();
    createStatusBar();
    connectEngine();
    defaultState_ = saveState(kLayoutVersion);
    restoreLayout();
    updateTitle();

    connect(undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
    connect(session_, &SessionController::pathChanged, this, &MainWindow::updateTitle);
    connect(session_, &SessionController::saved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        if (closeAfterSave_)
            close();
    });
    connect(session_, &SessionController::opened, this, [this](const QString& path) {
        statusBar()->showMessage(path.isEmpty() ? tr("Recovered the autosaved session")
                                                : tr("Opened %1").arg(path),
                                 5000);
    });
}

MainWindow::~MainWindow() = default;

EngineWorker* MainWindow::worker() const {
    return host_->worker();
}

QDockWidget* MainWindow::addPanel(const QString& objectName, const QString& title, QWidget* content,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setAccessibleName(title);
    addDockWidget(area, dock);
    docks_.insert(objectName, dock);
    return dock;
}

void MainWindow::createDocks() {
    EngineWorker* w = worker();
    ask_ = new AskPanel(w);
    correct_ = new CorrectPanel(w);
    history_ = new HistoryPanel;
    check_ = new CheckPanel(w);
    spaces_ = new SpacesPanel(w);
    logView_ = new LogView;
    auto* askDock = addPanel("AskDock", tr("Ask"), ask_, Qt::RightDockWidgetArea);
    auto* correctDock = addPanel("CorrectDock", tr("Correct"), correct_, Qt::RightDockWidgetArea);
    tabifyDockWidget(askDock, correctDock);
    askDock->raise();
    addPanel("HistoryDock", tr("Edit History"), history_, Qt::LeftDockWidgetArea);
    auto* checkDock = addPanel("CheckDock", tr("Check"), check_, Qt::BottomDockWidgetArea);
    auto* spacesDock = addPanel("SpacesDock", tr("Spaces"), spaces_, Qt::BottomDockWidgetArea);
    auto* logDock = addPanel("LogDock", tr("Log"), logView_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(checkDock, spacesDock);
    tabifyDockWidget(spacesDock, logDock);
    checkDock->raise();
    resizeDocks({askDock}, {460}, Qt::Horizontal);

    check_->setGeneralitySource([this] { return correct_->generalityProbes(); });
    check_->setGenerationSource([this] { return ask_->generation(); });
}

void MainWindow::createStatusBar() {
    modelLabel_ = new QLabel(tr("Model: none"));
    modelLabel_->setObjectName("ModelLabel");
    deviceLabel_ = new DeviceStatus(this);
    editsLabel_ = new QLabel(tr("Live edits: 0"));
    editsLabel_->setObjectName("LiveEditsLabel");
    editsLabel_->setToolTip(tr("Edits that change the model's answers now"));
    statusBar()->addPermanentWidget(new JobStatus(worker()));
    statusBar()->addPermanentWidget(modelLabel_);
    statusBar()->addPermanentWidget(deviceLabel_);
    statusBar()->addPermanentWidget(editsLabel_);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::connectEngine() {
    EngineWorker* w = worker();
    connect(w, &EngineWorker::failed, this,
            [this](const QString& job, int, int kind, const QString& message) {
                showError(job, kind, message);
            });
    connect(w, &EngineWorker::modelLoaded, this, [this](const unike::ModelInfo& info) {
        modelName_ = QString::fromStdString(info.name);
        modelLabel_->setText(tr("Model: %1, %2 (%3 M parameters)")
                                 .arg(modelName_, QString::fromStdString(info.architecture))
                                 .arg(static_cast<double>(info.parameters) / 1e6, 0, 'f', 2));
        modelLabel_->setToolTip(tr("%1\nFamily: %2, tokenizer: %3, %4 decoder layers")
                                    .arg(QString::fromStdString(info.folder),
                                         QString::fromStdString(info.family),
                                         QString::fromStdString(info.tokenizer))
                                    .arg(info.decoderLayers));
        deviceLabel_->setDevice(QString::fromStdString(info.device),
                                QString::fromStdString(info.dtype));
        undoStack_->clear(); // a new model starts without edits
        check_->loadDefaultProbes();
        statusBar()->showMessage(
            tr("Loaded %1 in %2 s").arg(modelName_).arg(info.loadSeconds, 0, 'f', 2), 5000);
        // The weights loaded but cannot be trusted: say so where it is seen, not only in the log.
        if (!info.warnings.empty())
            banner_->showError(tr("The weights are damaged."),
                               QString::fromStdString(info.warnings.front()));
    });
    connect(w, &EngineWorker::editApplied, this, [this](const unike::EditSummary& edit) {
        undoStack_->push(new ApplyEditCommand(worker(), edit));
    });
    connect(w, &EngineWorker::editsChanged, this, [this](const EditList& edits) {
        history_->setEdits(edits);
        onEditsChanged();
    });
    connect(w, &EngineWorker::prepared, this, [this](const unike::PreparationInfo& info) {
        showNotice(tr("Model prepared (%1 triplets, %2 s)").arg(info.triplets).arg(info.seconds));
    });

    connect(image_, &ImagePanel::imageChanged, this,
            [this](const QString& name, const QString& question) {
                ask_->setImage(image_->currentImage());
                check_->setCurrentImage(image_->currentImage());
                if (!question.isEmpty())
                    ask_->setQuestion(question);
                banner_->hide();
                statusBar()->showMessage(tr("Opened %1").arg(name), 4000);
            });
    connect(image_, &ImagePanel::imageRejected, this,
            [this](const QString& name, const QString& message) {
                banner_->showError(tr("Could not open %1:").arg(name), message);
                unike::logMessage(unike::LogLevel::Warn, "could not open " + name.toStdString() +
                                                             ": " + message.toStdString());
            });
    connect(ask_, &AskPanel::answered, this, [this](const QString& question, const QString&) {
        correct_->setSubject(image_->currentImage(), question);
    });
    connect(ask_, &AskPanel::inputRejected, this, &MainWindow::showNotice);
    connect(correct_, &CorrectPanel::inputRejected, this, &MainWindow::showNotice);
    connect(spaces_, &SpacesPanel::sampleChosen, this,
            [this](const QString& imagePath, const QString& question) {
                if (!imagePath.isEmpty())
                    image_->openFile(imagePath, question);
                else
                    ask_->setQuestion(question);
                dock("AskDock")->raise();
            });

    connect(history_, &HistoryPanel::toggleRequested, this,
            [this](int id, const QString& name, bool on) {
                undoStack_->push(new ToggleEditCommand(worker(), id, name, on));
            });
    connect(history_, &HistoryPanel::renameRequested, this,
            [this](int id, const QString& oldName, const QString& newName) {
                undoStack_->push(new RenameEditCommand(worker(), id, oldName, newName));
            });
    connect(history_, &HistoryPanel::removeRequested, this, [this](int id, const QString& name) {
        undoStack_->push(new RemoveEditCommand(worker(), id, name));
    });
}

void MainWindow::onEditsChanged() {
    liveEdits_ = history_->liveCount();
    editsLabel_->setText(tr("Live edits: %1").arg(liveEdits_));
    // What is live is always visible: the answer follows the edits.
    ask_->reask();
}

void MainWindow::startEngine(const StudioSettings& settings) {
    settings_ = settings;
    correct_->hyperParams()->setJson(settings.defaultHyperParams);
    session_->setAutosaveInterval(settings.autosaveSeconds);
    worker()->configure(settings.threads);
    unike::ModelLoadParams params;
    params.folder = settings.modelFolder.toStdString();
    params.device = settings.device.toStdString();
    params.dtype = settings.dtype.toStdString();
    worker()->loadModel(params);
}

bool MainWindow::confirmNewSession() {
    // Another model starts a new, empty session: say so before unsaved edits go.
    return !confirmClose_ || undoStack_->isClean() ||
           QMessageBox::question(this, tr("Open Another Model"),
                                 tr("The session's edits are not saved and the new model starts "
                                    "without them. Open the model anyway?"),
                                 QMessageBox::Open | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Open;
}

void MainWindow::openModelFolder(const QString& folder) {
    if (confirmNewSession())
        loadModelFolder(folder, settings_.device, settings_.dtype);
}

void MainWindow::loadModelFolder(const QString& folder, const QString& device,
                                 const QString& dtype) {
    unike::ModelLoadParams params;
    params.folder = folder.toStdString();
    params.device = device.toStdString();
    params.dtype = dtype.toStdString();
    worker()->loadModel(params);
}

void MainWindow::openSessionFile(const QString& path) {
    session_->open(path);
}

void MainWindow::saveSessionFile(const QString& path) {
    session_->save(path);
}

StudioState MainWindow::studioState() const {
    StudioState s;
    s.imagePath = QString::fromStdString(image_->currentImage().path);
    s.question = ask_->question();
    s.target = correct_->target();
    s.rephrasings = correct_->rephrasings();
    s.extraImages = correct_->extraImages();
    s.method = correct_->method();
    s.hyperParamsJson = correct_->hyperParams()->json();
    s.overrides = correct_->hyperParams()->overridesText();
    return s;
}

void MainWindow::applyStudioState(const StudioState& s) {
    ask_->setQuestion(s.question);
    correct_->setTarget(s.target);
    correct_->setRephrasings(s.rephrasings);
    correct_->setExtraImages(s.extraImages);
    correct_->setMethod(s.method);
    correct_->hyperParams()->setJson(s.hyperParamsJson);
    correct_->hyperParams()->setOverridesText(s.overrides);
    if (!s.imagePath.isEmpty() && QFileInfo::exists(s.imagePath)) {
        image_->openFile(s.imagePath);
        unike::ImageInput image;
        image.path = s.imagePath.toStdString();
        ask_->setImage(image);
        correct_->setSubject(image, s.question);
    }
    if (!s.question.isEmpty())
        ask_->ask();
}

void MainWindow::showError(const QString& job, int kind, const QString& message) {
    if (job == "preview")
        return; // the image panel reports its own
    if (kind == static_cast<int>(unike::ErrorKind::Cancelled)) {
        statusBar()->showMessage(tr("Cancelled: nothing was changed."), 6000);
        unike::logMessage(unike::LogLevel::Info, "cancelled " + job.toStdString());
        return;
    }
    const QString what = JobStatus::describe(job);
    banner_->showError(tr("%1 failed:").arg(what), message);
    statusBar()->showMessage(tr("%1 failed: %2").arg(what, message), 10000);
    unike::logMessage(unike::LogLevel::Warn,
                      what.toStdString() + " failed: " + message.toStdString());
}

void MainWindow::showNotice(const QString& message) {
    banner_->showNotice(message);
    statusBar()->showMessage(message, 6000);
}

void MainWindow::updateTitle() {
    const QString path = session_->currentPath();
    setWindowTitle(path.isEmpty() ? tr("UniKE Studio[*]")
                                  : tr("%1[*] — UniKE Studio").arg(QFileInfo(path).fileName()));
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray(), kLayoutVersion);
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState(kLayoutVersion));
}

void MainWindow::resetLayout() {
    for (QDockWidget* dock : docks_) {
        dock->setFloating(false);
        dock->show();
    }
    restoreState(defaultState_, kLayoutVersion);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (confirmClose_ && !undoStack_->isClean() && !closeAfterSave_) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Edits"),
            tr("The session has changes that are not saved. Save them before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            event->ignore();
            if (saveInteractively(false))
                closeAfterSave_ = true; // closes once the worker has saved
            return;
        }
    }
    saveLayout();
    session_->discardRecovery();
    event->accept();
}

} // namespace unike::ui
