#include "ApplyEditCommand.h"

#include "worker/EngineWorker.h"

namespace unike::ui {

ApplyEditCommand::ApplyEditCommand(EngineWorker* worker, const unike::EditSummary& edit)
    : worker_(worker)
    , id_(edit.id) {
    setText(QObject::tr("Apply edit “%1”").arg(QString::fromStdString(edit.name)));
}

void ApplyEditCommand::undo() {
    worker_->removeEdit(id_);
    applied_ = false;
}

void ApplyEditCommand::redo() {
    if (applied_)
        return;
    worker_->restoreEdit(id_);
    applied_ = true;
}

} // namespace unike::ui
