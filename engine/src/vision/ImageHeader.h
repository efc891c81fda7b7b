#pragma once
// Reads an image's format and dimensions from its first bytes, by hand, so that a file
// claiming to be huge (a decompression bomb) is refused before any pixel is decoded.

#include <cstddef>
#include <cstdint>
#include <string>

namespace unike::vision {

enum class ImageFormat { Png, Jpeg, Bmp, WebP };

const char* imageFormatName(ImageFormat format) noexcept;

struct ImageHeader {
    ImageFormat format = ImageFormat::Png;
    std::int64_t width = 0;
    std::int64_t height = 0;
    bool animated = false;  // an animated WebP: no single frame to use
    bool truncated = false; // the container ends before its own structure says it should
};

// Throws unike::Error(File) naming `name` when the data is not PNG, JPEG, BMP or WebP, or is
// too damaged to give its dimensions. Never decodes pixels.
ImageHeader readImageHeader(const std::uint8_t* data, std::size_t size, const std::string& name);

} // namespace unike::vision
