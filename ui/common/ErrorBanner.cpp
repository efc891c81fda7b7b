#include "ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace unike::ui {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , label_(new QLabel)
    , icon_(new QLabel) {
    setObjectName("ErrorBanner");
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_->setAccessibleName(tr("Error message"));
    auto* close = new QToolButton;
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    close->setToolTip(tr("Dismiss this message"));
    close->setAccessibleName(tr("Dismiss error"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(icon_);
    layout->addWidget(label_, 1);
    layout->addWidget(close);
    hide();
}

void ErrorBanner::setTone(bool error) {
    // Translucent tints read on light and dark palettes alike.
    setStyleSheet(error ? "#ErrorBanner { background: rgba(192, 57, 43, 40); border: 1px solid "
                          "rgba(192, 57, 43, 160); border-radius: 4px; }"
                        : "#ErrorBanner { background: rgba(52, 120, 220, 30); border: 1px solid "
                          "rgba(52, 120, 220, 140); border-radius: 4px; }");
    icon_->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation)
            .pixmap(20, 20));
}

void ErrorBanner::showNotice(const QString& message) {
    setTone(false);
    label_->setText(message.toHtmlEscaped());
    show();
}

void ErrorBanner::showError(const QString& title, const QString& message) {
    setTone(true);
    label_->setText(QString("<b>%1</b> %2").arg(title.toHtmlEscaped(), message.toHtmlEscaped()));
    show();
}

QString ErrorBanner::text() const {
    return label_->text();
}

} // namespace unike::ui
