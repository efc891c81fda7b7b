#pragma once
// PNG encoding of world images. The encoder's output depends only on the pixels, so the same
// benchmark seed gives byte-identical image files.

#include "vision/RgbImage.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace unike::world {

std::vector<std::uint8_t> encodePng(const vision::RgbImage& image);
// Throws Error(File) naming the path when it cannot be written.
void writePng(const std::filesystem::path& path, const vision::RgbImage& image);

} // namespace unike::world
