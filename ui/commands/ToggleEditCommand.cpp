#include "ToggleEditCommand.h"

#include "worker/EngineWorker.h"

namespace unike::ui {

ToggleEditCommand::ToggleEditCommand(EngineWorker* worker, int id, const QString& name,
                                     bool enabled)
    : worker_(worker)
    , id_(id)
    , enabled_(enabled) {
    setText(enabled ? QObject::tr("Switch on “%1”").arg(name)
                    : QObject::tr("Switch off “%1”").arg(name));
}

void ToggleEditCommand::undo() {
    worker_->setEditEnabled(id_, !enabled_);
}

void ToggleEditCommand::redo() {
    worker_->setEditEnabled(id_, enabled_);
}

} // namespace unike::ui
