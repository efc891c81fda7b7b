#pragma once
// Turns an image file, or image bytes from the clipboard or a drop, into 8-bit RGB pixels the
// way Hugging Face's loader sees them (PIL's exif_transpose, then convert("RGB")).
// Every refusal is a unike::Error whose message names the image and says what to do.

#include "vision/RgbImage.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace unike::vision {

struct ImageLimits {
    std::int64_t maxPixels = 40'000'000; // width * height, checked from the header
    std::int64_t maxFileBytes = 100LL * 1024 * 1024;
};

class ImageDecoder {
public:
    explicit ImageDecoder(ImageLimits limits = {});

    const ImageLimits& limits() const { return limits_; }

    // PNG, JPEG, BMP or WebP. Throws unike::Error: File when the file is missing, empty,
    // damaged or in another format; InvalidInput when it is over the limits.
    RgbImage decodeFile(const std::filesystem::path& path) const;

    // `sourceName` says where the bytes came from in messages, e.g. "the pasted image".
    RgbImage decodeBytes(const std::uint8_t* data, std::size_t size,
                         const std::string& sourceName = "the image") const;
    RgbImage decodeBytes(const std::vector<std::uint8_t>& bytes,
                         const std::string& sourceName = "the image") const {
        return decodeBytes(bytes.data(), bytes.size(), sourceName);
    }

private:
    std::int64_t maxBytes() const;
    [[noreturn]] void refuseFileSize(const std::string& name, double bytes) const;

    ImageLimits limits_;
};

} // namespace unike::vision
