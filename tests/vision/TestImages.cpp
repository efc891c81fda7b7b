#include "TestImages.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace testimages {
namespace {

void put32be(Bytes& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

void chunk(Bytes& png, const char* type, const Bytes& data) {
    put32be(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    put32be(png, crc32(png.data() + start, png.size() - start));
}

} // namespace

unike::vision::RgbImage pattern(int width, int height) {
    unike::vision::RgbImage image(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < 3; ++c) {
                const std::uint32_t hash = (std::uint32_t(x) * 73856093u) ^
                                           (std::uint32_t(y) * 19349663u) ^
                                           (std::uint32_t(c) * 83492791u);
                const int noise = static_cast<int>((hash >> 13) & 0x3F);
                int value = 0;
                if (c == 0 && x >= width / 2) {
                    value = (x / 3 + y / 3) % 2 ? 250 : 5;
                } else {
                    const int grad = c == 0   ? x * 255 / (width - 1)
                                     : c == 1 ? y * 255 / (height - 1)
                                              : (x + y) * 255 / (width + height - 2);
                    value = grad * 3 / 4 + noise;
                }
                image.pixel(x, y)[c] = static_cast<std::uint8_t>(value);
            }
        }
    }
    return image;
}

cv::Mat toBgr(const unike::vision::RgbImage& image) {
    cv::Mat bgr(image.height, image.width, CV_8UC3);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(p[2], p[1], p[0]);
        }
    return bgr;
}

unike::vision::RgbImage fromBgr(const cv::Mat& bgr) {
    unike::vision::RgbImage image(bgr.cols, bgr.rows);
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x) {
            const cv::Vec3b v = bgr.at<cv::Vec3b>(y, x);
            image.pixel(x, y)[0] = v[2];
            image.pixel(x, y)[1] = v[1];
            image.pixel(x, y)[2] = v[0];
        }
    return image;
}

Bytes encode(const cv::Mat& mat, const std::string& extension, const std::vector<int>& params) {
    Bytes out;
    if (!cv::imencode(extension, mat, out, params))
        throw std::runtime_error("OpenCV cannot encode " + extension);
    return out;
}

void writeFile(const QString& path, const Bytes& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString());
    file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
}

Bytes buildPng(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType,
               const Bytes& rawRows, const Bytes& exifTiff) {
    Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    Bytes ihdr;
    put32be(ihdr, width);
    put32be(ihdr, height);
    ihdr.insert(ihdr.end(), {static_cast<std::uint8_t>(bitDepth),
                             static_cast<std::uint8_t>(colourType), 0, 0, 0});
    chunk(png, "IHDR", ihdr);
    if (!exifTiff.empty())
        chunk(png, "eXIf", exifTiff);
    // Each scanline gets filter type 0 (none) in front.
    const std::size_t rowBytes = height ? rawRows.size() / height : 0;
    QByteArray filtered;
    for (std::uint32_t y = 0; y < height; ++y) {
        filtered.append('\0');
        filtered.append(reinterpret_cast<const char*>(rawRows.data() + y * rowBytes),
                        static_cast<qsizetype>(rowBytes));
    }
    const QByteArray compressed = qCompress(filtered, 9).mid(4); // drop Qt's length prefix
    chunk(png, "IDAT", Bytes(compressed.begin(), compressed.end()));
    chunk(png, "IEND", {});
    return png;
}

Bytes exifTiff(int orientation, bool bigEndian) {
    auto u16 = [&](Bytes& b, int v) {
        if (bigEndian)
            b.insert(b.end(), {std::uint8_t(v >> 8), std::uint8_t(v)});
        else
            b.insert(b.end(), {std::uint8_t(v), std::uint8_t(v >> 8)});
    };
    auto u32 = [&](Bytes& b, std::uint32_t v) {
        if (bigEndian) {
            u16(b, int(v >> 16));
            u16(b, int(v & 0xFFFF));
        } else {
            u16(b, int(v & 0xFFFF));
            u16(b, int(v >> 16));
        }
    };
    Bytes tiff = bigEndian ? Bytes{'M', 'M'} : Bytes{'I', 'I'};
    u16(tiff, 42);
    u32(tiff, 8);      // IFD0 right after the header
    u16(tiff, 2);      // two entries: an unrelated one first, so the reader has to walk
    u16(tiff, 0x010F); // Make, ASCII, 4 bytes inline: "Cam"
    u16(tiff, 2);
    u32(tiff, 4);
    tiff.insert(tiff.end(), {'C', 'a', 'm', 0});
    u16(tiff, 0x0112); // Orientation, SHORT, 1 value
    u16(tiff, 3);
    u32(tiff, 1);
    u16(tiff, orientation);
    u16(tiff, 0);
    u32(tiff, 0); // no next IFD
    return tiff;
}

Bytes withExifApp1(const Bytes& jpeg, const Bytes& tiff) {
    const std::size_t length = 2 + 6 + tiff.size(); // the length field counts itself
    const std::uint8_t header[] = {
        0xFF, 0xE1, std::uint8_t(length >> 8), std::uint8_t(length), 'E', 'x', 'i', 'f', 0, 0};
    // Sized up front and filled with std::copy: GCC 12 warns falsely on vector::insert here.
    Bytes out(jpeg.size() + sizeof header + tiff.size());
    auto at = std::copy(jpeg.begin(), jpeg.begin() + 2, out.begin()); // SOI
    at = std::copy(std::begin(header), std::end(header), at);
    at = std::copy(tiff.begin(), tiff.end(), at);
    std::copy(jpeg.begin() + 2, jpeg.end(), at);
    return out;
}

} // namespace testimages
