#include "vision/ImagePreprocessor.h"

#include "vision/ImageGeometry.h"

#include <unike/Error.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>

namespace unike::vision {
namespace {

// A shortest-edge resize of a thin strip asks for a very long side (1 x 4000 at 224 is
// 224 x 896000). transformers would try; we refuse before allocating gigabytes.
constexpr std::int64_t kMaxResizedPixels = std::int64_t(1) << 26;

ImageProcessorConfig validated(ImageProcessorConfig config) {
    config.validate();
    return config;
}

} // namespace

ImagePreprocessor::ImagePreprocessor(ImageProcessorConfig config)
    : config_(validated(std::move(config)))
    , resampler_(config_.resample) {}

RgbImage ImagePreprocessor::resize(const RgbImage& image) const {
    if (!config_.doResize)
        return image;
    if (config_.shortestEdge == 0)
        return resampler_.resize(image, config_.width, config_.height);
    const ImageSize size = shortestEdgeSize(image.width, image.height, config_.shortestEdge);
    if (std::int64_t(size.width) * size.height > kMaxResizedPixels)
        throw Error(ErrorKind::InvalidInput,
                    "a " + std::to_string(image.width) + " x " + std::to_string(image.height) +
                        " image is too elongated: its shortest edge at " +
                        std::to_string(config_.shortestEdge) + " pixels would make it " +
                        std::to_string(size.width) + " x " + std::to_string(size.height) +
                        ". Crop it to a less extreme shape first.");
    return resampler_.resize(image, size.width, size.height);
}

RgbImage ImagePreprocessor::modelImage(const RgbImage& image) const {
    // CLIPImageProcessor's order, after LLaVA's expand2square; BLIP only resizes.
    RgbImage result =
        config_.padToSquare ? resize(padToSquare(image, config_.padColour())) : resize(image);
    if (config_.doCenterCrop)
        result = centerCrop(result, config_.cropWidth, config_.cropHeight);
    return result;
}

PixelTensor ImagePreprocessor::toTensor(const RgbImage& image) const {
    if (image.empty() || image.pixels.size() != image.offset(0, image.height))
        throw Error(ErrorKind::InvalidInput, "cannot preprocess an empty or malformed image (" +
                                                 std::to_string(image.width) + " x " +
                                                 std::to_string(image.height) + ")");
    PixelTensor out;
    out.channels = 3;
    out.height = image.height;
    out.width = image.width;
    const std::size_t plane = static_cast<std::size_t>(image.width) * image.height;
    out.data.resize(plane * 3);
    // transformers rescales in float64 and stores float32, then normalises in float32 with
    // float32 mean and std; the same steps here give the same floats.
    std::array<float, 256> rescaled{};
    for (int v = 0; v < 256; ++v)
        rescaled[v] = config_.doRescale ? static_cast<float>(v * config_.rescaleFactor)
                                        : static_cast<float>(v);
    for (int c = 0; c < 3; ++c) {
        const float mean = static_cast<float>(config_.imageMean[c]);
        const float deviation = static_cast<float>(config_.imageStd[c]);
        std::array<float, 256> lookup{};
        for (int v = 0; v < 256; ++v)
            lookup[v] = config_.doNormalize ? (rescaled[v] - mean) / deviation : rescaled[v];
        float* dst = out.data.data() + plane * c;
        for (std::size_t i = 0; i < plane; ++i)
            dst[i] = lookup[image.pixels[i * 3 + c]];
    }
    return out;
}

PreprocessedImage ImagePreprocessor::preprocess(const RgbImage& image) const {
    PreprocessedImage result;
    result.resized = modelImage(image);
    result.pixels = toTensor(result.resized);
    return result;
}

} // namespace unike::vision
