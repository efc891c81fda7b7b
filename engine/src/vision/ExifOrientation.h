#pragma once
// EXIF orientation, read from the file's own bytes and applied by hand. Hugging Face loads
// images with ImageOps.exif_transpose, so a phone photo stored sideways must be turned
// upright here too; OpenCV's IMREAD_UNCHANGED (needed for alpha and 16 bits) ignores it.

#include "vision/ImageHeader.h"
#include "vision/RgbImage.h"

#include <cstddef>
#include <cstdint>

namespace unike::vision {

// The EXIF orientation tag (1..8) of a JPEG (APP1), PNG (eXIf) or WebP (EXIF chunk);
// 1, "as stored", when there is none or it cannot be read.
int readExifOrientation(const std::uint8_t* data, std::size_t size, ImageFormat format);

// Turns the image upright, as PIL's exif_transpose does for the same tag.
RgbImage applyExifOrientation(const RgbImage& image, int orientation);

} // namespace unike::vision
