#pragma once
// The geometric steps around the resize that CLIP-style processors add: LLaVA's pad to a
// square, transformers' shortest-edge output size and its centre crop. Each reproduces the
// Python it stands for to the pixel, including its integer rounding.

#include "vision/RgbImage.h"

#include <array>
#include <cstdint>

namespace unike::vision {

struct ImageSize {
    int width = 0;
    int height = 0;
};

// transformers' get_resize_output_image_size(default_to_square=False): the short side
// becomes `shortestEdge` and the long side int(shortestEdge * long / short), truncated.
ImageSize shortestEdgeSize(int width, int height, int shortestEdge);

// LLaVA's expand2square: the image on a square of `fill`, centred with the offset rounded
// down. A square image is returned as it is.
RgbImage padToSquare(const RgbImage& image, const std::array<std::uint8_t, 3>& fill);

// transformers' center_crop: the window starts at (side - crop) // 2 (floor division), and
// where the image is smaller than the crop the rest is black (zeros), as its padding is.
RgbImage centerCrop(const RgbImage& image, int width, int height);

} // namespace unike::vision
