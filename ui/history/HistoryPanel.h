#pragma once
// The edit history: every edit of the session with a checkbox (live or not), its
// name (double-click to rename), method and target, and a details view of its
// provenance. The panel only asks for changes; the window turns each request into
// an undo command, and the worker's edit list is what the panel shows.

#include "worker/EngineTypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace unike::ui {

class HistoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    void setEdits(const EditList& edits);
    QTreeWidget* tree() const { return tree_; }
    int liveCount() const;
    int editCount() const;

public slots:
    void renameCurrent();
    void removeCurrent();

signals:
    void toggleRequested(int id, const QString& name, bool enabled);
    void renameRequested(int id, const QString& oldName, const QString& newName);
    void removeRequested(int id, const QString& name);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    void showDetails();

    QTreeWidget* tree_ = nullptr;
    QTextBrowser* details_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* renameButton_ = nullptr;
    QPushButton* removeButton_ = nullptr;
    EditList edits_;
    bool filling_ = false;
};

} // namespace unike::ui
