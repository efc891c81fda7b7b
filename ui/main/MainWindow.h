#pragma once
// The Studio's main window: the image in the centre, the workbench panels in
// docks around it (Ask, Correct, Edit History, Check, Spaces, Log), the menus,
// the toolbar and the status bar. It owns the engine's worker thread and the one
// undo stack: every change to the session is a command on it, and the window's
// modified mark follows its clean state. The layout is saved and can be reset.

#include "session/StudioState.h"
#include "settings/StudioSettings.h"

#include <unike/ModelTypes.h>

#include <QMainWindow>
#include <QMap>

class QDockWidget;
class QLabel;
class QUndoStack;

namespace unike::ui {

class AskPanel;
class CheckPanel;
class CorrectPanel;
class DeviceStatus;
class EngineHost;
class EngineWorker;
class ErrorBanner;
class HistoryPanel;
class ImagePanel;
class LogView;
class SessionController;
class SpacesPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    QUndoStack* undoStack() const { return undoStack_; }
    QDockWidget* dock(const QString& objectName) const { return docks_.value(objectName); }
    QStringList dockNames() const { return docks_.keys(); }
    EngineWorker* worker() const;
    ImagePanel* imagePanel() const { return image_; }
    AskPanel* askPanel() const { return ask_; }
    CorrectPanel* correctPanel() const { return correct_; }
    HistoryPanel* historyPanel() const { return history_; }
    CheckPanel* checkPanel() const { return check_; }
    SpacesPanel* spacesPanel() const { return spaces_; }
    SessionController* session() const { return session_; }
    ErrorBanner* errorBanner() const { return banner_; }
    QString modelName() const { return modelName_; }
    int liveEdits() const { return liveEdits_; }
    // Ask before closing with unsaved work (off in tests).
    void setConfirmClose(bool confirm) { confirmClose_ = confirm; }

    StudioState studioState() const;
    void applyStudioState(const StudioState& state);

public slots:
    void resetLayout();
    // Loads the model the settings name (the demo model when empty).
    void startEngine(const StudioSettings& settings);
    // Asks first when unsaved edits would go with the current session.
    void openModelFolder(const QString& folder);
    void openSessionFile(const QString& path);
    void saveSessionFile(const QString& path);
    void offerRecovery();
    void showTour();
    void showBenchmark();
    void showSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* addPanel(const QString& objectName, const QString& title, QWidget* content,
                          Qt::DockWidgetArea area);
    // True when there is nothing unsaved to lose, or the person agrees to lose it.
    bool confirmNewSession();
    void loadModelFolder(const QString& folder, const QString& device, const QString& dtype);
    void createDocks();
    void createActions();
    void createStatusBar();
    void connectEngine();
    void restoreLayout();
    void saveLayout() const;
    void showAbout();
    void showError(const QString& job, int kind, const QString& message);
    void showNotice(const QString& message);
    void onEditsChanged();
    bool saveInteractively(bool saveAs);
    void updateTitle();

    EngineHost* host_ = nullptr;
    QUndoStack* undoStack_ = nullptr;
    ImagePanel* image_ = nullptr;
    AskPanel* ask_ = nullptr;
    CorrectPanel* correct_ = nullptr;
    HistoryPanel* history_ = nullptr;
    CheckPanel* check_ = nullptr;
    SpacesPanel* spaces_ = nullptr;
    LogView* logView_ = nullptr;
    ErrorBanner* banner_ = nullptr;
    SessionController* session_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    DeviceStatus* deviceLabel_ = nullptr;
    QLabel* editsLabel_ = nullptr;
    QMap<QString, QDockWidget*> docks_;
    QByteArray defaultState_;
    StudioSettings settings_;
    QString modelName_;
    int liveEdits_ = 0;
    bool confirmClose_ = true;
    bool closeAfterSave_ = false;
};

} // namespace unike::ui
