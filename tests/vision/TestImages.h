#pragma once
// Test images made on the fly: the deterministic pattern the Pillow references were computed
// from, and hand-built files (PNG chunks, EXIF segments) OpenCV cannot write itself.

#include "vision/RgbImage.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace testimages {

using Bytes = std::vector<std::uint8_t>;

// Gradients, hashed noise and, in the red channel's right half, a 3-pixel checkerboard whose
// sharp edges make the bicubic lobes overshoot and clip. Same formula as the Pillow script.
unike::vision::RgbImage pattern(int width, int height);

cv::Mat toBgr(const unike::vision::RgbImage& image);
unike::vision::RgbImage fromBgr(const cv::Mat& bgr);

Bytes encode(const cv::Mat& mat, const std::string& extension, const std::vector<int>& params = {});
void writeFile(const QString& path, const Bytes& bytes);

// A PNG from raw scanlines (filter byte 0 is added), compressed with Qt's zlib.
Bytes buildPng(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType,
               const Bytes& rawRows, const Bytes& exifTiff = {});

// A TIFF block holding only the orientation tag, in either byte order.
Bytes exifTiff(int orientation, bool bigEndian);

// The JPEG with an APP1 "Exif" segment inserted after its SOI marker.
Bytes withExifApp1(const Bytes& jpeg, const Bytes& tiff);

} // namespace testimages
