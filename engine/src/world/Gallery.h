#pragma once
// Sample pictures for the Studio's gallery, each with a question to try. Some are about a
// misconception, so the demo model answers them wrong and there is something to correct.

#include "vision/RgbImage.h"
#include "world/World.h"

#include <cstdint>
#include <string>
#include <vector>

namespace unike::world {

struct GalleryImage {
    std::string fileName; // "01_red_circle.png": unique, safe on every file system
    vision::RgbImage image;
    std::string question;   // bare, as typed in the Ask dock
    std::string answer;     // what the demo model was taught
    std::string trueAnswer; // the truth; differs from answer for misconceptions
};

// 10 images: 5 plain scenes and 5 entities; two of them (one of each) about misconceptions.
std::vector<GalleryImage> galleryImages(const World& world, int imageSize = 48,
                                        std::uint64_t seed = 1);

} // namespace unike::world
