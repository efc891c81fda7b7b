#include "vision/ExifOrientation.h"

#include <cstring>

namespace unike::vision {
namespace {

constexpr std::uint16_t kOrientationTag = 0x0112;

// Reads the orientation from a TIFF structure (the body of every EXIF block).
int orientationFromTiff(const std::uint8_t* d, std::size_t n) {
    if (n >= 6 && std::memcmp(d, "Exif\0\0", 6) == 0) { // some PNG/WebP writers keep the prefix
        d += 6;
        n -= 6;
    }
    if (n < 8)
        return 1;
    const bool little = d[0] == 'I' && d[1] == 'I';
    if (!little && !(d[0] == 'M' && d[1] == 'M'))
        return 1;
    auto u16 = [&](std::size_t at) -> std::uint32_t {
        return little ? d[at] | (d[at + 1] << 8) : (d[at] << 8) | d[at + 1];
    };
    auto u32 = [&](std::size_t at) -> std::uint32_t {
        return little ? u16(at) | (u16(at + 2) << 16) : (u16(at) << 16) | u16(at + 2);
    };
    if (u16(2) != 42)
        return 1;
    const std::size_t ifd = u32(4);
    if (ifd + 2 > n)
        return 1;
    const std::size_t count = u16(ifd);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + i * 12;
        if (entry + 12 > n)
            return 1;
        if (u16(entry) == kOrientationTag && u16(entry + 2) == 3) { // SHORT
            const int value = static_cast<int>(u16(entry + 8));
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

std::uint32_t be16(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 8) | p[1];
}
std::uint32_t be32(const std::uint8_t* p) {
    return (be16(p) << 16) | be16(p + 2);
}
std::uint32_t le32(const std::uint8_t* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24);
}

int fromJpeg(const std::uint8_t* d, std::size_t n) {
    std::size_t pos = 2;
    while (pos + 4 <= n && d[pos] == 0xFF) {
        const std::uint8_t marker = d[pos + 1];
        if (marker == 0xDA || marker == 0xD9)
            break; // EXIF lives in the header segments only
        const std::size_t length = be16(d + pos + 2);
        if (length < 2 || pos + 2 + length > n)
            break;
        if (marker == 0xE1 && length >= 8 && std::memcmp(d + pos + 4, "Exif\0\0", 6) == 0)
            return orientationFromTiff(d + pos + 10, length - 8);
        pos += 2 + length;
    }
    return 1;
}

int fromPng(const std::uint8_t* d, std::size_t n) {
    std::size_t pos = 8;
    while (pos + 8 <= n) {
        const std::size_t length = be32(d + pos);
        if (pos + 8 + length > n)
            break;
        if (std::memcmp(d + pos + 4, "eXIf", 4) == 0)
            return orientationFromTiff(d + pos + 8, length);
        if (std::memcmp(d + pos + 4, "IEND", 4) == 0)
            break;
        pos += 12 + length;
    }
    return 1;
}

int fromWebP(const std::uint8_t* d, std::size_t n) {
    std::size_t pos = 12;
    while (pos + 8 <= n) {
        const std::size_t length = le32(d + pos + 4);
        if (pos + 8 + length > n)
            break;
        if (std::memcmp(d + pos, "EXIF", 4) == 0)
            return orientationFromTiff(d + pos + 8, length);
        pos += 8 + length + (length & 1); // chunks are padded to even sizes
    }
    return 1;
}

} // namespace

int readExifOrientation(const std::uint8_t* data, std::size_t size, ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg:
        return fromJpeg(data, size);
    case ImageFormat::Png:
        return fromPng(data, size);
    case ImageFormat::WebP:
        return fromWebP(data, size);
    case ImageFormat::Bmp:
        return 1;
    }
    return 1;
}

RgbImage applyExifOrientation(const RgbImage& image, int orientation) {
    if (orientation < 2 || orientation > 8)
        return image;
    const int w = image.width;
    const int h = image.height;
    const bool swapsAxes = orientation >= 5;
    RgbImage out(swapsAxes ? h : w, swapsAxes ? w : h);
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sx = x;
            int sy = y;
            switch (orientation) {
            case 2: // mirrored
                sx = w - 1 - x;
                break;
            case 3: // upside down
                sx = w - 1 - x;
                sy = h - 1 - y;
                break;
            case 4: // mirrored upside down
                sy = h - 1 - y;
                break;
            case 5: // transposed
                sx = y;
                sy = x;
                break;
            case 6: // stored turned left: turn it 90 degrees clockwise
                sx = y;
                sy = h - 1 - x;
                break;
            case 7: // transversed
                sx = w - 1 - y;
                sy = h - 1 - x;
                break;
            case 8: // stored turned right: turn it 90 degrees counter-clockwise
                sx = w - 1 - y;
                sy = x;
                break;
            }
            std::memcpy(out.pixel(x, y), image.pixel(sx, sy), 3);
        }
    }
    return out;
}

} // namespace unike::vision
