#include "world/PngFile.h"

#include <unike/Error.h>

#include <opencv2/imgcodecs.hpp>

#include <fstream>

namespace unike::world {

std::vector<std::uint8_t> encodePng(const vision::RgbImage& image) {
    cv::Mat bgr(image.height, image.width, CV_8UC3);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(p[2], p[1], p[0]);
        }
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".png", bgr, bytes))
        throw Error(ErrorKind::Internal, "OpenCV could not encode a PNG");
    return bytes;
}

void writePng(const std::filesystem::path& path, const vision::RgbImage& image) {
    const std::vector<std::uint8_t> bytes = encodePng(image);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    out.close();
    if (!out)
        throw Error(ErrorKind::File, "cannot write the image " + path.string() +
                                         "; check that the folder is writable and has free space");
}

} // namespace unike::world
