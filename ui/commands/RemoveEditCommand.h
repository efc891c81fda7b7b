#pragma once
// Takes an edit out of the session; undo restores it in its place.

#include <QUndoCommand>

namespace unike::ui {

class EngineWorker;

class RemoveEditCommand : public QUndoCommand {
public:
    RemoveEditCommand(EngineWorker* worker, int id, const QString& name);

    void undo() override;
    void redo() override;

private:
    EngineWorker* worker_;
    int id_;
};

} // namespace unike::ui
