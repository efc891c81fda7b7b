#pragma once
// The status bar's job area: what the worker is doing, its progress and a
// Cancel button. Hidden when the worker is idle.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace unike::ui {

class EngineWorker;

class JobStatus : public QWidget {
    Q_OBJECT

public:
    explicit JobStatus(EngineWorker* worker, QWidget* parent = nullptr);

    static QString describe(const QString& job);

private:
    EngineWorker* worker_ = nullptr;
    QLabel* label_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QToolButton* cancel_ = nullptr;
};

} // namespace unike::ui
