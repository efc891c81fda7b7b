#pragma once
// An 8-bit RGB image in memory: the one pixel format the vision pipeline works in, so
// decoding, resizing and display never have to agree on more than this.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace unike::vision {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // row-major, interleaved R, G, B; width * height * 3 bytes

    RgbImage() = default;
    RgbImage(int w, int h)
        : width(w)
        , height(h)
        , pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3) {}

    bool empty() const { return width <= 0 || height <= 0; }
    std::size_t offset(int x, int y) const {
        return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                static_cast<std::size_t>(x)) *
               3;
    }
    const std::uint8_t* pixel(int x, int y) const { return pixels.data() + offset(x, y); }
    std::uint8_t* pixel(int x, int y) { return pixels.data() + offset(x, y); }
};

} // namespace unike::vision
