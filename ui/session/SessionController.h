#pragma once
// Saving and opening sessions. The engine writes the edits; the Studio's own
// state (StudioState) travels as the session's user JSON. The undo stack's clean
// state is the saved state. Autosave writes a copy beside a recovery note
// (QSaveFile, so both are atomic); a clean exit deletes them, so finding them at
// start means the last run crashed and its work can be recovered.

#include "session/StudioState.h"

#include <unike/PrepareTypes.h>

#include <QObject>
#include <QString>

#include <functional>

class QTimer;
class QUndoStack;

namespace unike::ui {

class EngineWorker;

class SessionController : public QObject {
    Q_OBJECT

public:
    SessionController(EngineWorker* worker, QUndoStack* stack, QObject* parent = nullptr);

    void setStateSource(std::function<StudioState()> source) { source_ = std::move(source); }
    void setStateSink(std::function<void(const StudioState&)> sink) { sink_ = std::move(sink); }
    void setAutosaveInterval(int seconds);

    QString currentPath() const { return path_; }
    bool isModified() const;
    // The recovery note's folder; a test can point it elsewhere.
    static QString recoveryFolder();
    // The autosaved session of a crashed run, or "" when there is none.
    static QString pendingRecovery();

public slots:
    void save(const QString& path);
    void open(const QString& path);
    void autosave();
    void recover(const QString& autosavePath);

public:
    // A clean exit: the autosave and its note are no longer needed.
    static void discardRecovery();

signals:
    void saved(const QString& path);
    void opened(const QString& path);
    void pathChanged(const QString& path);

private:
    void onSaved(const unike::SessionInfo& info);
    void onLoaded(const unike::SessionInfo& info);
    static QString autosavePath();

    EngineWorker* worker_ = nullptr;
    QUndoStack* stack_ = nullptr;
    QTimer* timer_ = nullptr;
    std::function<StudioState()> source_;
    std::function<void(const StudioState&)> sink_;
    QString path_;
    QString savingTo_;
    bool recovering_ = false;
};

} // namespace unike::ui
