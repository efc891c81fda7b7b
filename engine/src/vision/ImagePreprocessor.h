#pragma once
// BlipImageProcessor and CLIPImageProcessor in C++: RGB -> (LLaVA's pad to square) ->
// Pillow-exact resize -> (centre crop) -> rescale -> normalise -> float CHW, the pixel_values
// the vision encoder takes. Torch-free: the model wraps the floats itself.

#include "vision/ImageProcessorConfig.h"
#include "vision/PilResampler.h"
#include "vision/RgbImage.h"

#include <cstddef>
#include <vector>

namespace unike::vision {

struct PixelTensor {
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> data; // channel-major: data[(c * height + y) * width + x]

    float at(int c, int y, int x) const {
        return data[(static_cast<std::size_t>(c) * height + y) * width + x];
    }
};

struct PreprocessedImage {
    RgbImage resized;   // what the model sees (padded, resized, cropped), for display
    PixelTensor pixels; // the model's input
};

class ImagePreprocessor {
public:
    // Validates the config; throws InvalidInput when it cannot work.
    explicit ImagePreprocessor(ImageProcessorConfig config = {});

    const ImageProcessorConfig& config() const { return config_; }

    PreprocessedImage preprocess(const RgbImage& image) const;

    // Every step before the floats: pad, resize, crop. What the model sees, for display.
    RgbImage modelImage(const RgbImage& image) const;

    // The resize step alone (a copy when do_resize is off): to height x width, or the
    // shortest edge to N. For CLIP it is not yet what the model sees; see modelImage.
    RgbImage resize(const RgbImage& image) const;

    // The rescale and normalise steps alone, on an already resized image.
    PixelTensor toTensor(const RgbImage& image) const;

private:
    ImageProcessorConfig config_;
    PilResampler resampler_;
};

} // namespace unike::vision
