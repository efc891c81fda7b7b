#include "EngineHost.h"

#include "worker/EngineWorker.h"

namespace unike::ui {

EngineHost::EngineHost(QObject* parent)
    : QObject(parent)
    , worker_(new EngineWorker) {
    thread_.setObjectName("EngineWorker");
    worker_->moveToThread(&thread_);
    // The worker is deleted on its own thread, after its last job.
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

EngineHost::~EngineHost() {
    worker_->cancel();
    thread_.quit();
    thread_.wait();
}

} // namespace unike::ui
