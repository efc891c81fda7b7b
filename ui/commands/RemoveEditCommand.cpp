#include "RemoveEditCommand.h"

#include "worker/EngineWorker.h"

namespace unike::ui {

RemoveEditCommand::RemoveEditCommand(EngineWorker* worker, int id, const QString& name)
    : worker_(worker)
    , id_(id) {
    setText(QObject::tr("Remove edit “%1”").arg(name));
}

void RemoveEditCommand::undo() {
    worker_->restoreEdit(id_);
}

void RemoveEditCommand::redo() {
    worker_->removeEdit(id_);
}

} // namespace unike::ui
