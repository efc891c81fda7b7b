#include "vision/ImageProcessorConfig.h"

#include "vision/ConfigValueError.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace unike::vision {
namespace {

using nlohmann::json;

bool sideOk(int side) {
    return side >= 1 && side <= kMaxConfigSide;
}

std::string sides(int height, int width) {
    return std::to_string(height) + " x " + std::to_string(width);
}

// What expand2square computes, before any clamping: Python's int(mean * 255).
int truncatedColour(double mean) {
    return static_cast<int>(mean * 255);
}

} // namespace

const char* imageProcessorClassName(ImageProcessorClass processorClass) noexcept {
    switch (processorClass) {
    case ImageProcessorClass::Blip:
        return "BlipImageProcessor";
    case ImageProcessorClass::Clip:
        return "CLIPImageProcessor";
    }
    return "unknown";
}

ImageProcessorConfig ImageProcessorConfig::blip() {
    return {};
}

ImageProcessorConfig ImageProcessorConfig::clip() {
    // CLIPImageProcessor.__init__'s defaults; mean, std, rescaling and RGB match BLIP's.
    ImageProcessorConfig config;
    config.processorClass = ImageProcessorClass::Clip;
    config.shortestEdge = 224;
    config.height = config.width = 224; // unused while shortestEdge is set
    config.doCenterCrop = true;
    config.cropHeight = config.cropWidth = 224;
    return config;
}

ImageProcessorConfig ImageProcessorConfig::fromFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::File, "Cannot open the image processor config '" + path.string() +
                                         "'. Check that the model folder contains "
                                         "preprocessor_config.json.");
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), "'" + path.string() + "'");
}

std::string ImageProcessorConfig::toJson() const {
    json root = {
        {"image_processor_type", imageProcessorClassName(processorClass)},
        {"do_resize", doResize},
        {"resample", static_cast<int>(resample)},
        {"do_rescale", doRescale},
        {"rescale_factor", rescaleFactor},
        {"do_normalize", doNormalize},
        {"image_mean", imageMean},
        {"image_std", imageStd},
        {"do_convert_rgb", doConvertRgb},
    };
    if (shortestEdge > 0)
        root["size"] = {{"shortest_edge", shortestEdge}};
    else
        root["size"] = {{"height", height}, {"width", width}};
    if (processorClass == ImageProcessorClass::Clip) {
        root["do_center_crop"] = doCenterCrop;
        root["crop_size"] = {{"height", cropHeight}, {"width", cropWidth}};
    }
    if (padToSquare) // only when set, so BLIP files stay as transformers writes them
        root["image_aspect_ratio"] = "pad";
    return root.dump(2) + "\n";
}

void ImageProcessorConfig::validate(const std::string& sourceName) const {
    const std::string range = "between 1 and " + std::to_string(kMaxConfigSide);
    if (shortestEdge < 0 || shortestEdge > kMaxConfigSide)
        throwBadConfigValue(sourceName, "size.shortest_edge",
                            "must be " + range + ", not " + std::to_string(shortestEdge));
    if (shortestEdge == 0 && (!sideOk(height) || !sideOk(width)))
        throwBadConfigValue(sourceName, "size",
                            "must be " + range + " pixels a side, not " + sides(height, width));
    if (processorClass == ImageProcessorClass::Blip && shortestEdge > 0)
        throwBadConfigValue(sourceName, "size",
                            "must be {\"height\": H, \"width\": W} for a BLIP image processor, "
                            "which has no shortest_edge");
    if (processorClass == ImageProcessorClass::Blip && doCenterCrop)
        throwBadConfigValue(sourceName, "do_center_crop",
                            "is set, but BlipImageProcessor has no centre crop");
    if (doCenterCrop && (!sideOk(cropHeight) || !sideOk(cropWidth)))
        throwBadConfigValue(sourceName, "crop_size",
                            "must be " + range + " pixels a side, not " +
                                sides(cropHeight, cropWidth));
    if (static_cast<int>(resample) < 0 || static_cast<int>(resample) > 5)
        throwBadConfigValue(sourceName, "resample", "must be one of Pillow's filters 0 to 5");
    if (resample == ResampleFilter::Nearest)
        throwBadConfigValue(sourceName, "resample",
                            "is 0 (nearest), which is not supported; use 3 (bicubic) as BLIP "
                            "and CLIP do");
    if (!std::isfinite(rescaleFactor) || rescaleFactor <= 0)
        throwBadConfigValue(sourceName, "rescale_factor",
                            "must be a positive number such as 1/255");
    for (int c = 0; c < 3; ++c) {
        if (!std::isfinite(imageMean[c]))
            throwBadConfigValue(sourceName, "image_mean", "must hold finite numbers");
        if (!std::isfinite(imageStd[c]) || imageStd[c] <= 0)
            throwBadConfigValue(sourceName, "image_std",
                                "must hold positive numbers (it divides every pixel), not " +
                                    std::to_string(imageStd[c]));
        if (padToSquare &&
            (truncatedColour(imageMean[c]) < 0 || truncatedColour(imageMean[c]) > 255))
            throwBadConfigValue(sourceName, "image_mean",
                                "must lie in [0, 1] to pad with the mean colour "
                                "(\"image_aspect_ratio\": \"pad\"), not " +
                                    std::to_string(imageMean[c]));
    }
}

int ImageProcessorConfig::outputHeight() const {
    if (doCenterCrop)
        return cropHeight;
    if (!doResize)
        return 0;
    if (shortestEdge == 0)
        return height;
    return padToSquare ? shortestEdge : 0; // a padded square keeps its shape
}

int ImageProcessorConfig::outputWidth() const {
    if (doCenterCrop)
        return cropWidth;
    if (!doResize)
        return 0;
    if (shortestEdge == 0)
        return width;
    return padToSquare ? shortestEdge : 0;
}

std::array<std::uint8_t, 3> ImageProcessorConfig::padColour() const {
    std::array<std::uint8_t, 3> colour{};
    for (int c = 0; c < 3; ++c)
        colour[c] = static_cast<std::uint8_t>(std::clamp(truncatedColour(imageMean[c]), 0, 255));
    return colour;
}

} // namespace unike::vision
