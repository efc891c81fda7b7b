#pragma once
// Switches one edit on or off.

#include <QUndoCommand>

namespace unike::ui {

class EngineWorker;

class ToggleEditCommand : public QUndoCommand {
public:
    ToggleEditCommand(EngineWorker* worker, int id, const QString& name, bool enabled);

    void undo() override;
    void redo() override;

private:
    EngineWorker* worker_;
    int id_;
    bool enabled_;
};

} // namespace unike::ui
