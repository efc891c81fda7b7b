#pragma once
// The Studio's main window: the menus, the toolbar, the status bar and the dock
// layout that the workbench panels fill. The layout is saved between runs and
// can be reset.

#include <QMainWindow>
#include <QMap>

class QDockWidget;
class QUndoStack;
class QLabel;

namespace unike::ui {

class LogView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    QUndoStack* undoStack() const { return undoStack_; }
    QDockWidget* dock(const QString& objectName) const { return docks_.value(objectName); }
    QStringList dockNames() const { return docks_.keys(); }

public slots:
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* addPanel(const QString& objectName, const QString& title, QWidget* content,
                          Qt::DockWidgetArea area);
    void createDocks();
    void createActions();
    void createStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void showAbout();

    QUndoStack* undoStack_ = nullptr;
    LogView* logView_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QLabel* deviceLabel_ = nullptr;
    QLabel* editsLabel_ = nullptr;
    QMap<QString, QDockWidget*> docks_;
    QByteArray defaultState_;
};

} // namespace unike::ui
