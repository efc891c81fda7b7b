#include "vision/ImageGeometry.h"

#include <unike/Error.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace unike::vision {
namespace {

// Python's a // 2, which rounds towards minus infinity, unlike C++'s a / 2.
int floorHalf(int a) {
    return a >= 0 ? a / 2 : -((1 - a) / 2);
}

void requireImage(const RgbImage& image, const char* what) {
    if (image.empty() || image.pixels.size() != image.offset(0, image.height))
        throw Error(ErrorKind::InvalidInput,
                    std::string("cannot ") + what + " an empty or malformed image (" +
                        std::to_string(image.width) + " x " + std::to_string(image.height) + ")");
}

// Copies `image` into `out` with its top-left corner at (left, top), clipped to `out`.
void paste(const RgbImage& image, RgbImage& out, int left, int top) {
    const int x0 = std::max(0, left);
    const int x1 = std::min(out.width, left + image.width);
    if (x1 <= x0)
        return;
    for (int y = std::max(0, top); y < std::min(out.height, top + image.height); ++y)
        std::memcpy(out.pixel(x0, y), image.pixel(x0 - left, y - top),
                    static_cast<std::size_t>(x1 - x0) * 3);
}

} // namespace

ImageSize shortestEdgeSize(int width, int height, int shortestEdge) {
    if (width < 1 || height < 1 || shortestEdge < 1)
        throw Error(ErrorKind::InvalidInput,
                    "cannot resize a " + std::to_string(width) + " x " + std::to_string(height) +
                        " image to a shortest edge of " + std::to_string(shortestEdge));
    const bool portrait = width <= height;
    const std::int64_t shortSide = portrait ? width : height;
    const std::int64_t longSide = portrait ? height : width;
    // Python: int(size * long / short). The product is exact, the true division rounds once,
    // int() truncates; the same in doubles for any realistic side.
    const double exact = static_cast<double>(shortestEdge * longSide) / shortSide;
    const int newLong = static_cast<int>(exact);
    return portrait ? ImageSize{shortestEdge, newLong} : ImageSize{newLong, shortestEdge};
}

RgbImage padToSquare(const RgbImage& image, const std::array<std::uint8_t, 3>& fill) {
    requireImage(image, "pad");
    if (image.width == image.height)
        return image;
    const int side = std::max(image.width, image.height);
    RgbImage out(side, side);
    for (std::size_t i = 0; i < out.pixels.size(); i += 3)
        std::copy(fill.begin(), fill.end(), out.pixels.begin() + static_cast<std::ptrdiff_t>(i));
    // expand2square pastes at (0, (w - h) // 2) or ((h - w) // 2, 0); both differences are >= 0.
    paste(image, out, (side - image.width) / 2, (side - image.height) / 2);
    return out;
}

RgbImage centerCrop(const RgbImage& image, int width, int height) {
    requireImage(image, "crop");
    if (width < 1 || height < 1)
        throw Error(ErrorKind::InvalidInput, "cannot crop an image to " + std::to_string(width) +
                                                 " x " + std::to_string(height) + " pixels");
    // Output (x, y) shows input (x + left, y + top). Where the input is smaller, transformers
    // pads with zeros, placing the image at ceil((crop - side) / 2), which is exactly -top.
    const int left = floorHalf(image.width - width);
    const int top = floorHalf(image.height - height);
    RgbImage out(width, height); // zero-filled: black, like np.zeros_like
    paste(image, out, -left, -top);
    return out;
}

} // namespace unike::vision
