#pragma once
// Paints an image scaled to fit, centred, with a caption. Painting (rather than a
// QLabel's fixed pixmap) keeps it sharp on high-DPI screens at any size.

#include <QImage>
#include <QWidget>

namespace unike::ui {

class ImageView : public QWidget {
    Q_OBJECT

public:
    explicit ImageView(const QString& caption, QWidget* parent = nullptr);

    void setImage(const QImage& image, const QString& detail = {});
    void setPixelated(bool pixelated) { pixelated_ = pixelated; }
    void setPlaceholder(const QString& text);
    const QImage& image() const { return image_; }
    QSize sizeHint() const override { return {320, 280}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString caption_;
    QString detail_;
    QString placeholder_;
    QImage image_;
    bool pixelated_ = false;
};

} // namespace unike::ui
