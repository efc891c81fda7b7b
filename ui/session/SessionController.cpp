#include "SessionController.h"

#include "worker/EngineWorker.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace unike::ui {

SessionController::SessionController(EngineWorker* worker, QUndoStack* stack, QObject* parent)
    : QObject(parent)
    , worker_(worker)
    , stack_(stack)
    , timer_(new QTimer(this)) {
    connect(timer_, &QTimer::timeout, this, &SessionController::autosave);
    connect(worker_, &EngineWorker::sessionSaved, this, &SessionController::onSaved);
    connect(worker_, &EngineWorker::sessionLoaded, this, &SessionController::onLoaded);
}

void SessionController::setAutosaveInterval(int seconds) {
    if (seconds > 0)
        timer_->start(seconds * 1000);
    else
        timer_->stop();
}

bool SessionController::isModified() const {
    return !stack_->isClean();
}

QString SessionController::recoveryFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}

QString SessionController::autosavePath() {
    return recoveryFolder() + "/autosave.unike-session";
}

QString SessionController::pendingRecovery() {
    QFile note(recoveryFolder() + "/recovery.json");
    if (!note.open(QIODevice::ReadOnly))
        return {};
    const QString path =
        QJsonDocument::fromJson(note.readAll()).object().value("autosave").toString();
    return QFile::exists(path) ? path : QString();
}

void SessionController::save(const QString& path) {
    unike::SessionSaveParams params;
    params.path = path.toStdString();
    params.userJson = (source_ ? source_() : StudioState()).toJson().toStdString();
    savingTo_ = path;
    worker_->saveSession(params);
}

void SessionController::autosave() {
    if (!isModified() || worker_->isBusy())
        return;
    QDir().mkpath(recoveryFolder());
    unike::SessionSaveParams params;
    params.path = autosavePath().toStdString();
    params.userJson = (source_ ? source_() : StudioState()).toJson().toStdString();
    worker_->saveSession(params);
}

void SessionController::onSaved(const unike::SessionInfo& info) {
    const QString path = QString::fromStdString(info.path);
    if (path == autosavePath()) {
        // The note says where the autosave is and what it stands for.
        QJsonObject note;
        note["autosave"] = path;
        note["session"] = path_;
        note["time"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QSaveFile file(recoveryFolder() + "/recovery.json");
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(note).toJson());
            file.commit();
        }
        return;
    }
    path_ = path;
    stack_->setClean();
    emit pathChanged(path_);
    emit saved(path_);
}

void SessionController::open(const QString& path) {
    recovering_ = false;
    worker_->loadSession(path);
}

void SessionController::recover(const QString& autosave) {
    recovering_ = true;
    worker_->loadSession(autosave);
}

void SessionController::onLoaded(const unike::SessionInfo& info) {
    if (sink_)
        sink_(StudioState::fromJson(QString::fromStdString(info.userJson)));
    // The loaded edits are the new starting point: nothing to undo into.
    stack_->clear();
    if (recovering_) {
        // Recovered work is not saved anywhere yet.
        path_.clear();
        recovering_ = false;
        emit pathChanged(path_);
        emit opened(QString());
        return;
    }
    stack_->setClean();
    path_ = QString::fromStdString(info.path);
    emit pathChanged(path_);
    emit opened(path_);
}

void SessionController::discardRecovery() {
    QFile::remove(recoveryFolder() + "/recovery.json");
    QFile::remove(autosavePath());
}

} // namespace unike::ui
