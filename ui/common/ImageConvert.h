#pragma once
// Conversions between the engine's interleaved RGB buffers and Qt images.

#include <QImage>

#include <cstdint>
#include <vector>

namespace unike::ui {

// A deep copy of an interleaved 8-bit RGB buffer; a null image when the sizes disagree.
QImage imageFromRgb(const std::vector<uint8_t>& rgb, int width, int height);
// PNG-encoded bytes of an image (pasted or dropped images reach the engine this way).
std::vector<uint8_t> pngBytes(const QImage& image);

} // namespace unike::ui
