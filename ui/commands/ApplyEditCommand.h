#pragma once
// Records an edit the worker has already trained. The first redo (on push) does
// nothing; undo takes the edit out (removeEdit) and redo puts it back
// (restoreEdit), so both are instant: the patch is never trained again.

#include <unike/EditTypes.h>

#include <QUndoCommand>

namespace unike::ui {

class EngineWorker;

class ApplyEditCommand : public QUndoCommand {
public:
    ApplyEditCommand(EngineWorker* worker, const unike::EditSummary& edit);

    void undo() override;
    void redo() override;
    int editId() const { return id_; }

private:
    EngineWorker* worker_;
    int id_;
    bool applied_ = true; // the worker applied it before the push
};

} // namespace unike::ui
