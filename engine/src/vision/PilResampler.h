#pragma once
// Pillow's Image.resize, reimplemented for 8-bit RGB so the model sees the same pixels as
// with Hugging Face's BlipImageProcessor. Like Pillow it antialiases when downscaling (the
// filter's support widens with the scale), uses 22-bit fixed-point weights, and rounds and
// clips to uint8 between its horizontal and vertical passes. OpenCV's INTER_CUBIC does none
// of this and lands up to 21 grey levels away.

#include "vision/RgbImage.h"

namespace unike::vision {

// Pillow's numbering, as stored in preprocessor_config.json's "resample".
enum class ResampleFilter {
    Nearest = 0,
    Lanczos = 1,
    Bilinear = 2,
    Bicubic = 3,
    Box = 4,
    Hamming = 5,
};

const char* resampleFilterName(ResampleFilter filter) noexcept;

class PilResampler {
public:
    // Nearest is not a convolution in Pillow and is not offered: throws Unsupported.
    explicit PilResampler(ResampleFilter filter = ResampleFilter::Bicubic);

    ResampleFilter filter() const { return filter_; }

    // Throws InvalidInput for an empty image or a non-positive size.
    RgbImage resize(const RgbImage& image, int width, int height) const;

private:
    ResampleFilter filter_;
};

} // namespace unike::vision
