#include "ImageView.h"

#include <QPainter>

namespace unike::ui {

ImageView::ImageView(const QString& caption, QWidget* parent)
    : QWidget(parent)
    , caption_(caption) {
    setMinimumSize(120, 120);
    setAccessibleName(caption);
}

void ImageView::setImage(const QImage& image, const QString& detail) {
    image_ = image;
    detail_ = detail;
    setToolTip(detail.isEmpty() ? caption_ : caption_ + ": " + detail);
    update();
}

void ImageView::setPlaceholder(const QString& text) {
    placeholder_ = text;
    update();
}

void ImageView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRect captionRect(0, 0, width(), fontMetrics().height() + 6);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(captionRect, Qt::AlignCenter,
                     detail_.isEmpty() ? caption_ : caption_ + "  (" + detail_ + ")");
    const QRect area = rect().adjusted(6, captionRect.height(), -6, -6);
    if (image_.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawRect(area.adjusted(0, 0, -1, -1));
        painter.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         placeholder_);
        return;
    }
    QSize size = image_.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.x() + (area.width() - size.width()) / 2,
                       area.y() + (area.height() - size.height()) / 2, size.width(), size.height());
    // Enlarging a tiny image smoothly only blurs it; show its pixels instead.
    const bool enlarging = size.width() >= 2 * image_.width();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !pixelated_ && !enlarging);
    painter.drawImage(target, image_);
}

} // namespace unike::ui
