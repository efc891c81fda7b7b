#include "vision/ImageHeader.h"

#include <unike/Error.h>

#include <algorithm>
#include <cstring>

namespace unike::vision {
namespace {

std::uint32_t be16(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 8) | p[1];
}
std::uint32_t be32(const std::uint8_t* p) {
    return (be16(p) << 16) | be16(p + 2);
}
std::uint32_t le16(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8);
}
std::uint32_t le24(const std::uint8_t* p) {
    return le16(p) | (std::uint32_t(p[2]) << 16);
}
std::uint32_t le32(const std::uint8_t* p) {
    return le16(p) | (le16(p + 2) << 16);
}

bool hasMagic(const std::uint8_t* data, std::size_t size, std::size_t at, const char* magic) {
    const std::size_t n = std::strlen(magic);
    return size >= at + n && std::memcmp(data + at, magic, n) == 0;
}

[[noreturn]] void damaged(const std::string& name, const char* format, const std::string& what) {
    throw Error(ErrorKind::File, name + " is not a readable " + format + " image: " + what +
                                     ". The file is damaged or cut short; save or download it "
                                     "again.");
}

// Names formats people commonly try, so the refusal can say what the file actually is.
const char* foreignFormatName(const std::uint8_t* d, std::size_t n) {
    if (hasMagic(d, n, 0, "GIF87a") || hasMagic(d, n, 0, "GIF89a"))
        return "GIF";
    if (hasMagic(d, n, 0, "II*") || hasMagic(d, n, 0, "MM"))
        return n >= 4 && (d[2] == 42 || d[3] == 42) ? "TIFF" : nullptr;
    if (hasMagic(d, n, 4, "ftypheic") || hasMagic(d, n, 4, "ftypheix") ||
        hasMagic(d, n, 4, "ftypmif1") || hasMagic(d, n, 4, "ftyphevc"))
        return "HEIC";
    if (hasMagic(d, n, 4, "ftypavif"))
        return "AVIF";
    if (hasMagic(d, n, 0, "%PDF"))
        return "PDF";
    if (hasMagic(d, n, 0, "<svg") || hasMagic(d, n, 0, "<?xml"))
        return "SVG or XML";
    if (hasMagic(d, n, 0, "8BPS"))
        return "Photoshop";
    if (n >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 1 && d[3] == 0)
        return "ICO";
    if ((n >= 12 && hasMagic(d, n, 4, "jP  ")) || (n >= 4 && be32(d) == 0xFF4FFF51))
        return "JPEG 2000";
    return nullptr;
}

// Text (ASCII or UTF-8, no control bytes but whitespace) in the first 512 bytes: a file
// named .png that holds a note or an error page, which people should hear called text.
bool looksLikeText(const std::uint8_t* d, std::size_t n) {
    if (n == 0)
        return false;
    for (std::size_t i = 0; i < std::min<std::size_t>(n, 512); ++i)
        if ((d[i] < 0x20 && d[i] != '\t' && d[i] != '\n' && d[i] != '\r') || d[i] == 0x7F)
            return false;
    return true;
}

[[noreturn]] void unknownFormat(const std::uint8_t* data, std::size_t size,
                                const std::string& name) {
    const char* foreign = foreignFormatName(data, size);
    const std::string what = foreign ? std::string("is a ") + foreign + " file"
                             : looksLikeText(data, size)
                                 ? std::string("is a text file, not an image")
                                 : std::string("is not an image this program reads");
    throw Error(ErrorKind::File, name + " " + what +
                                     "; only PNG, JPEG, BMP and WebP images are supported. "
                                     "Convert it to PNG or JPEG and try again.");
}

ImageHeader readPng(const std::uint8_t* d, std::size_t n, const std::string& name) {
    if (n < 24 || !hasMagic(d, n, 12, "IHDR"))
        damaged(name, "PNG", "its IHDR header is missing or cut short");
    ImageHeader h;
    h.format = ImageFormat::Png;
    h.width = be32(d + 16);
    h.height = be32(d + 20);
    // Walk the chunks (skipping their data) to see that the file reaches IEND.
    std::size_t pos = 8;
    h.truncated = true;
    while (pos + 8 <= n) {
        const std::uint64_t length = be32(d + pos);
        const bool end = hasMagic(d, n, pos + 4, "IEND");
        pos += 12 + length;
        if (pos > n)
            break;
        if (end) {
            h.truncated = false;
            break;
        }
    }
    return h;
}

bool isJpegFrameMarker(std::uint8_t m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// After the first scan, looks for the end-of-image marker through the entropy-coded data,
// where 0xFF00 is a stuffed byte and 0xFFD0..D7 are restart markers.
bool jpegReachesEnd(const std::uint8_t* d, std::size_t n, std::size_t pos) {
    while (pos + 1 < n) {
        if (d[pos] != 0xFF) {
            ++pos;
            continue;
        }
        const std::uint8_t m = d[pos + 1];
        if (m == 0xD9)
            return true;
        if (m == 0x00 || m == 0xFF || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            pos += (m == 0xFF) ? 1 : 2;
            continue;
        }
        // A segment between scans (DHT, SOS of a progressive file...): skip it whole.
        if (pos + 4 > n)
            return false;
        pos += 2 + be16(d + pos + 2);
    }
    return false;
}

ImageHeader readJpeg(const std::uint8_t* d, std::size_t n, const std::string& name) {
    ImageHeader h;
    h.format = ImageFormat::Jpeg;
    bool haveFrame = false;
    std::size_t pos = 2;
    while (true) {
        if (pos >= n)
            damaged(name, "JPEG", "it ends before its image data");
        if (d[pos] != 0xFF)
            damaged(name, "JPEG", "expected a marker at byte " + std::to_string(pos));
        while (pos < n && d[pos] == 0xFF)
            ++pos;
        if (pos >= n)
            damaged(name, "JPEG", "it ends before its image data");
        const std::uint8_t m = d[pos++];
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7))
            continue; // markers without a length
        if (m == 0xD9)
            damaged(name, "JPEG", "it ends before its image data");
        if (pos + 2 > n)
            damaged(name, "JPEG", "it ends inside a header segment");
        const std::size_t length = be16(d + pos);
        if (length < 2)
            damaged(name, "JPEG", "a header segment has an impossible length");
        if (isJpegFrameMarker(m)) {
            if (pos + 7 > n)
                damaged(name, "JPEG", "its frame header is cut short");
            h.height = be16(d + pos + 3);
            h.width = be16(d + pos + 5);
            haveFrame = true;
        } else if (m == 0xDA) {
            if (!haveFrame)
                damaged(name, "JPEG", "its image data comes before its frame header");
            h.truncated = !jpegReachesEnd(d, n, pos + length);
            return h;
        }
        pos += length;
    }
}

ImageHeader readBmp(const std::uint8_t* d, std::size_t n, const std::string& name) {
    if (n < 26)
        damaged(name, "BMP", "its header is cut short");
    ImageHeader h;
    h.format = ImageFormat::Bmp;
    const std::uint32_t dibSize = le32(d + 14);
    std::uint32_t bitsPerPixel = 0;
    std::uint32_t compression = 0;
    if (dibSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
        h.width = le16(d + 18);
        h.height = le16(d + 20);
        bitsPerPixel = le16(d + 24);
    } else if (dibSize >= 16 && n >= 34) {
        h.width = static_cast<std::int32_t>(le32(d + 18));
        h.height = static_cast<std::int32_t>(le32(d + 22));
        bitsPerPixel = le16(d + 28);
        compression = dibSize >= 20 ? le32(d + 30) : 0;
    } else {
        damaged(name, "BMP", "its header has an unknown size");
    }
    if (h.width < 0)
        damaged(name, "BMP", "its header gives a negative width");
    if (h.height < 0)
        h.height = -h.height; // top-down rows
    // Uncompressed pixels have a known size: a shorter file was cut short.
    const bool uncompressed = compression == 0 || compression == 3 || compression == 6;
    const std::uint64_t offset = le32(d + 10);
    if (uncompressed && bitsPerPixel > 0 && h.height > 0) {
        const std::uint64_t stride = (std::uint64_t(h.width) * bitsPerPixel + 31) / 32 * 4;
        const std::uint64_t available = offset < n ? n - offset : 0;
        h.truncated = stride > 0 && std::uint64_t(h.height) > available / stride;
    }
    return h;
}

ImageHeader readWebP(const std::uint8_t* d, std::size_t n, const std::string& name) {
    if (n < 30)
        damaged(name, "WebP", "its header is cut short");
    ImageHeader h;
    h.format = ImageFormat::WebP;
    h.truncated = std::uint64_t(le32(d + 4)) + 8 > n;
    const std::uint8_t* p = d + 20; // the first chunk's payload
    if (hasMagic(d, n, 12, "VP8 ")) {
        if (p[3] != 0x9D || p[4] != 0x01 || p[5] != 0x2A)
            damaged(name, "WebP", "its VP8 frame header is invalid");
        h.width = le16(p + 6) & 0x3FFF;
        h.height = le16(p + 8) & 0x3FFF;
    } else if (hasMagic(d, n, 12, "VP8L")) {
        if (p[0] != 0x2F)
            damaged(name, "WebP", "its lossless header is invalid");
        const std::uint32_t bits = le32(p + 1);
        h.width = (bits & 0x3FFF) + 1;
        h.height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (hasMagic(d, n, 12, "VP8X")) {
        h.animated = (p[0] & 0x02) != 0;
        h.width = std::int64_t(le24(p + 4)) + 1;
        h.height = std::int64_t(le24(p + 7)) + 1;
    } else {
        damaged(name, "WebP", "its first chunk is not VP8, VP8L or VP8X");
    }
    return h;
}

} // namespace

const char* imageFormatName(ImageFormat format) noexcept {
    switch (format) {
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::WebP:
        return "WebP";
    }
    return "image";
}

ImageHeader readImageHeader(const std::uint8_t* data, std::size_t size, const std::string& name) {
    if (hasMagic(data, size, 0, "\x89PNG\r\n\x1a\n"))
        return readPng(data, size, name);
    if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return readJpeg(data, size, name);
    if (hasMagic(data, size, 0, "BM"))
        return readBmp(data, size, name);
    if (hasMagic(data, size, 0, "RIFF") && hasMagic(data, size, 8, "WEBP"))
        return readWebP(data, size, name);
    unknownFormat(data, size, name);
}

} // namespace unike::vision
