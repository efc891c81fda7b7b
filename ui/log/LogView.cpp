#include "LogView.h"

#include <unike/Logging.h>

#include <QPointer>

namespace unike::ui {

LogView::LogView(QWidget* parent)
    : QPlainTextEdit(parent) {
    setObjectName("LogView");
    setReadOnly(true);
    setMaximumBlockCount(5000);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &LogView::lineArrived, this, &LogView::appendLine, Qt::QueuedConnection);
}

void LogView::attachToEngineLog() {
    // The sink outlives no window: a guarded pointer drops lines after close.
    QPointer<LogView> guard(this);
    unike::addLogCallback(
        [guard](unike::LogLevel level, const std::string& line) {
            if (guard)
                emit guard->lineArrived(static_cast<int>(level), QString::fromStdString(line));
        },
        unike::LogLevel::Info);
}

void LogView::appendLine(int level, const QString& line) {
    if (level >= static_cast<int>(unike::LogLevel::Error))
        appendHtml(QString("<span style='color:#c0392b'>%1</span>").arg(line.toHtmlEscaped()));
    else if (level == static_cast<int>(unike::LogLevel::Warn))
        appendHtml(QString("<span style='color:#b9770e'>%1</span>").arg(line.toHtmlEscaped()));
    else
        appendPlainText(line);
}

} // namespace unike::ui
