#include "ImageConvert.h"

#include <QBuffer>

namespace unike::ui {

QImage imageFromRgb(const std::vector<uint8_t>& rgb, int width, int height) {
    if (width <= 0 || height <= 0 || rgb.size() < static_cast<size_t>(width) * height * 3)
        return {};
    return QImage(rgb.data(), width, height, width * 3, QImage::Format_RGB888).copy();
}

std::vector<uint8_t> pngBytes(const QImage& image) {
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return std::vector<uint8_t>(data.begin(), data.end());
}

} // namespace unike::ui
