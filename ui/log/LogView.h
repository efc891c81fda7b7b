#pragma once
// The log dock: shows the engine's log lines. Lines arrive from any thread through
// a queued signal, so the engine's logging never touches widgets directly.

#include <QPlainTextEdit>

namespace unike::ui {

class LogView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit LogView(QWidget* parent = nullptr);

    // Registers this view as a sink of the engine's log. Call once.
    void attachToEngineLog();

signals:
    void lineArrived(int level, const QString& line);

private slots:
    void appendLine(int level, const QString& line);
};

} // namespace unike::ui
