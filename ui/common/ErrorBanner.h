#pragma once
// An inline, dismissable banner for engine errors. Unlike a message box it never
// blocks the window, so the session stays usable while the message is read.

#include <QFrame>

class QLabel;

namespace unike::ui {

class ErrorBanner : public QFrame {
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showError(const QString& title, const QString& message);
    // A hint rather than a failure (an empty field, nothing to suggest).
    void showNotice(const QString& message);
    QString text() const;

private:
    void setTone(bool error);

    QLabel* label_ = nullptr;
    QLabel* icon_ = nullptr;
};

} // namespace unike::ui
