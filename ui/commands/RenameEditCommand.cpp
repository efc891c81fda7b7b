#include "RenameEditCommand.h"

#include "worker/EngineWorker.h"

namespace unike::ui {

RenameEditCommand::RenameEditCommand(EngineWorker* worker, int id, const QString& oldName,
                                     const QString& newName)
    : worker_(worker)
    , id_(id)
    , oldName_(oldName)
    , newName_(newName) {
    setText(QObject::tr("Rename “%1” to “%2”").arg(oldName, newName));
}

void RenameEditCommand::undo() {
    worker_->renameEdit(id_, oldName_);
}

void RenameEditCommand::redo() {
    worker_->renameEdit(id_, newName_);
}

} // namespace unike::ui
