#pragma once
// Owns the worker thread and the EngineWorker living on it. Destroying the host
// cancels the running job and joins the thread, so no model code outlives the window.

#include <QObject>
#include <QThread>

namespace unike::ui {

class EngineWorker;

class EngineHost : public QObject {
    Q_OBJECT

public:
    explicit EngineHost(QObject* parent = nullptr);
    ~EngineHost() override;

    EngineWorker* worker() const { return worker_; }

private:
    QThread thread_;
    EngineWorker* worker_ = nullptr;
};

} // namespace unike::ui
