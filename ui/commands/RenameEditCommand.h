#pragma once
// Renames one edit in the history.

#include <QUndoCommand>

namespace unike::ui {

class EngineWorker;

class RenameEditCommand : public QUndoCommand {
public:
    RenameEditCommand(EngineWorker* worker, int id, const QString& oldName, const QString& newName);

    void undo() override;
    void redo() override;

private:
    EngineWorker* worker_;
    int id_;
    QString oldName_;
    QString newName_;
};

} // namespace unike::ui
