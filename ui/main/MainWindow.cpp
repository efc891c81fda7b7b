#include "MainWindow.h"

#include "log/LogView.h"
#include "main/PlaceholderPanel.h"

#include <unike/Version.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

namespace unike::ui {
namespace {
// Bump when the set of docks changes, so stale saved layouts are ignored.
constexpr int kLayoutVersion = 1;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , undoStack_(new QUndoStack(this)) {
    setObjectName("MainWindow");
    setWindowTitle("UniKE Studio[*]");
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    resize(1400, 900);

    setCentralWidget(new PlaceholderPanel(
        "Image", "Open an image (File > Open Image, drag and drop, or paste) to ask about it."));
    createDocks();
    createActions();
    createStatusBar();
    defaultState_ = saveState(kLayoutVersion);
    restoreLayout();

    connect(undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanel(const QString& objectName, const QString& title, QWidget* content,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    addDockWidget(area, dock);
    docks_.insert(objectName, dock);
    return dock;
}

void MainWindow::createDocks() {
    auto* ask = addPanel("AskDock", tr("Ask"),
                         new PlaceholderPanel(tr("Ask"), tr("Ask a question about the image and "
                                                            "see the answer with token "
                                                            "probabilities.")),
                         Qt::RightDockWidgetArea);
    auto* correct =
        addPanel("CorrectDock", tr("Correct"),
                 new PlaceholderPanel(tr("Correct"), tr("Write the correct answer and apply a "
                                                        "UniKE edit, with live loss curves.")),
                 Qt::RightDockWidgetArea);
    tabifyDockWidget(ask, correct);
    ask->raise();

    addPanel("HistoryDock", tr("Edit History"),
             new PlaceholderPanel(tr("Edit History"),
                                  tr("Applied edits: switch each on or off, rename, remove.")),
             Qt::LeftDockWidgetArea);

    auto* check =
        addPanel("CheckDock", tr("Check"),
                 new PlaceholderPanel(tr("Check"), tr("Generality and locality probes, before and "
                                                      "after, side by side.")),
                 Qt::BottomDockWidgetArea);
    auto* spaces = addPanel(
        "SpacesDock", tr("Spaces"),
        new PlaceholderPanel(tr("Spaces"), tr("Semantic and truthfulness spaces (t-SNE).")),
        Qt::BottomDockWidgetArea);
    logView_ = new LogView;
    auto* log = addPanel("LogDock", tr("Log"), logView_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(check, spaces);
    tabifyDockWidget(spaces, log);
    check->raise();
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openImage = file->addAction(tr("&Open Image..."));
    openImage->setShortcut(QKeySequence::Open);
    openImage->setEnabled(false); // wired when the Image panel lands
    QAction* openModel = file->addAction(tr("Open &Model..."));
    openModel->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undoStack_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undoStack_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : docks_)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* cancel = run->addAction(tr("&Cancel Job"));
    cancel->setShortcut(Qt::Key_Escape);
    cancel->setEnabled(false);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About UniKE Studio"), this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("MainToolBar");
    toolbar->addAction(openImage);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
}

void MainWindow::createStatusBar() {
    modelLabel_ = new QLabel(tr("Model: none"));
    deviceLabel_ = new QLabel(tr("Device: CPU"));
    editsLabel_ = new QLabel(tr("Live edits: 0"));
    statusBar()->addPermanentWidget(modelLabel_);
    statusBar()->addPermanentWidget(deviceLabel_);
    statusBar()->addPermanentWidget(editsLabel_);
    statusBar()->showMessage(tr("Ready"));
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
    saveLayout();
    event->accept();
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
