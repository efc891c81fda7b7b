#include "vision/ImageDecoder.h"

#include "vision/ExifOrientation.h"
#include "vision/ImageHeader.h"

#include <unike/Error.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <limits>
#include <system_error>

namespace unike::vision {
namespace {

// OpenCV's own ceiling for one side (CV_IO_MAX_IMAGE_WIDTH); beyond it imdecode refuses.
constexpr std::int64_t kMaxSide = std::int64_t(1) << 20;

std::string capitalised(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

std::string megabytes(double bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
    return buffer;
}

std::string megapixels(double pixels) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f megapixels", pixels / 1e6);
    return buffer;
}

// PIL's convert("RGB"): grey is copied to R, G and B and alpha is dropped, not composited.
// 16-bit samples keep their high byte, as PIL does for 16-bit colour PNGs. (For 16-bit grey
// Pillow 9.4 clips instead, turning everything above 255 white; that quirk is not copied.)
template <typename Sample>
RgbImage toRgb(const cv::Mat& mat, int shift) {
    RgbImage out(mat.cols, mat.rows);
    const int channels = mat.channels();
    for (int y = 0; y < mat.rows; ++y) {
        const Sample* row = mat.ptr<Sample>(y);
        std::uint8_t* dst = out.pixel(0, y);
        for (int x = 0; x < mat.cols; ++x, dst += 3) {
            const Sample* px = row + static_cast<std::ptrdiff_t>(x) * channels;
            if (channels <= 2) { // grey, or grey + alpha
                dst[0] = dst[1] = dst[2] = static_cast<std::uint8_t>(px[0] >> shift);
            } else { // OpenCV's order is BGR(A)
                dst[0] = static_cast<std::uint8_t>(px[2] >> shift);
                dst[1] = static_cast<std::uint8_t>(px[1] >> shift);
                dst[2] = static_cast<std::uint8_t>(px[0] >> shift);
            }
        }
    }
    return out;
}

} // namespace

ImageDecoder::ImageDecoder(ImageLimits limits)
    : limits_(limits) {}

std::int64_t ImageDecoder::maxBytes() const {
    // cv::imdecode takes an int-sized buffer, whatever the configured limit.
    return std::min<std::int64_t>(limits_.maxFileBytes, std::numeric_limits<int>::max());
}

void ImageDecoder::refuseFileSize(const std::string& name, double bytes) const {
    throw Error(ErrorKind::InvalidInput,
                name + " is " + megabytes(bytes) + ", over the " + megabytes(double(maxBytes())) +
                    " limit for images. Save a smaller copy (for example as JPEG) and use that.");
}

RgbImage ImageDecoder::decodeFile(const std::filesystem::path& path) const {
    const std::string name = "Image '" + path.string() + "'";
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throw Error(ErrorKind::File, "Cannot open image '" + path.string() +
                                         "': there is no such file. Check the path, or pick "
                                         "another image.");
    if (std::filesystem::is_directory(status))
        throw Error(ErrorKind::File,
                    "'" + path.string() + "' is a folder, not an image. Pick an image file.");
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec)
        throw Error(ErrorKind::File, "Cannot read image '" + path.string() + "': " + ec.message() +
                                         ". Check that the file is readable.");
    if (size > static_cast<std::uintmax_t>(maxBytes()))
        refuseFileSize(name, double(size));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::File, "Cannot read image '" + path.string() +
                                         "': it cannot be opened (permission denied?). Check "
                                         "the file's permissions.");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size()))
        throw Error(ErrorKind::File, "Cannot read image '" + path.string() +
                                         "': reading it stopped early. Check the disk, or copy "
                                         "the file somewhere else and try again.");
    return decodeBytes(bytes.data(), bytes.size(), name);
}

RgbImage ImageDecoder::decodeBytes(const std::uint8_t* data, std::size_t size,
                                   const std::string& sourceName) const {
    const std::string name = capitalised(sourceName);
    if (size == 0 || data == nullptr)
        throw Error(ErrorKind::File, name + " is empty (0 bytes), so there is no picture in it. "
                                            "Pick another file, or save the image again.");
    if (static_cast<std::uint64_t>(size) > static_cast<std::uint64_t>(maxBytes()))
        refuseFileSize(name, double(size));
    const ImageHeader header = readImageHeader(data, size, name);
    const char* format = imageFormatName(header.format);
    const std::string dims = std::to_string(header.width) + " x " + std::to_string(header.height);
    if (header.width <= 0 || header.height <= 0)
        throw Error(ErrorKind::File, name + " claims to be " + dims +
                                         " pixels, so there is no picture in it. The file is "
                                         "damaged; save it again.");
    // Checked before decoding, so a small file claiming a huge image is never expanded.
    const double pixels = double(header.width) * double(header.height);
    if (pixels > double(limits_.maxPixels))
        throw Error(ErrorKind::InvalidInput,
                    name + " is " + dims + " pixels (" + megapixels(pixels) + "), over the " +
                        megapixels(double(limits_.maxPixels)) +
                        " limit. Scale it down in an image editor and try again.");
    if (header.width > kMaxSide || header.height > kMaxSide)
        throw Error(ErrorKind::InvalidInput,
                    name + " is " + dims + " pixels, over the limit of " +
                        std::to_string(kMaxSide) +
                        " pixels a side. Crop or scale it down and try again.");
    if (header.animated)
        throw Error(ErrorKind::File, name + " is an animated WebP, which is not supported. "
                                            "Save one frame as PNG or JPEG and use that.");
    if (header.truncated)
        throw Error(ErrorKind::File, name + " is cut short: its " + format +
                                         " data ends before the image does (an interrupted "
                                         "download or copy?). Download or save it again.");

    // IMREAD_UNCHANGED keeps 16-bit samples and alpha so that we convert them like PIL, and
    // leaves EXIF orientation to us (IMREAD_COLOR would apply it itself).
    cv::Mat mat;
    const std::string undecodable = name + " looks like a " + std::string(format) + " image of " +
                                    dims + " pixels, but its pixel data cannot be decoded";
    try {
        const cv::Mat buffer(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(data));
        mat = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(ErrorKind::File, undecodable + " (" + e.err +
                                         "). The file is damaged; save or download it again.");
    }
    if (mat.empty())
        throw Error(ErrorKind::File,
                    undecodable + ". The file is damaged; save or download it again.");
    if (mat.cols != header.width || mat.rows != header.height)
        throw Error(ErrorKind::File, name + "'s header says " + dims + " pixels but its data is " +
                                         std::to_string(mat.cols) + " x " +
                                         std::to_string(mat.rows) +
                                         ". The file is damaged; save it again.");
    if (mat.channels() < 1 || mat.channels() > 4 || (mat.depth() != CV_8U && mat.depth() != CV_16U))
        throw Error(ErrorKind::Unsupported,
                    name + " uses a pixel layout this program does not read (" +
                        std::to_string(mat.channels()) + " channels of depth " +
                        std::to_string(mat.depth()) + "). Save it as an 8-bit RGB PNG or JPEG.");

    RgbImage image =
        mat.depth() == CV_16U ? toRgb<std::uint16_t>(mat, 8) : toRgb<std::uint8_t>(mat, 0);
    return applyExifOrientation(image, readExifOrientation(data, size, header.format));
}

} // namespace unike::vision
