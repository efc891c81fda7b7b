#pragma once
// The settings of Hugging Face's BlipImageProcessor, as stored in a checkpoint's
// preprocessor_config.json. Missing fields take transformers' defaults.

#include "vision/PilResampler.h"

#include <array>
#include <filesystem>
#include <string>

namespace unike::vision {

struct ImageProcessorConfig {
    bool doResize = true;
    int height = 384; // size.height: transformers' default for BLIP
    int width = 384;  // size.width
    ResampleFilter resample = ResampleFilter::Bicubic;
    bool doRescale = true;
    double rescaleFactor = 1.0 / 255.0;
    bool doNormalize = true;
    std::array<double, 3> imageMean = {0.48145466, 0.4578275, 0.40821073}; // OpenAI CLIP
    std::array<double, 3> imageStd = {0.26862954, 0.26130258, 0.27577711};
    bool doConvertRgb = true;

    // Throws unike::Error(File) for malformed JSON, InvalidInput for a bad value, both
    // naming `sourceName` and the field. Unknown fields are ignored, as transformers does.
    static ImageProcessorConfig fromJson(const std::string& text,
                                         const std::string& sourceName = "the image config");
    static ImageProcessorConfig fromFile(const std::filesystem::path& path);

    // preprocessor_config.json text that transformers reads back to the same settings.
    std::string toJson() const;

    // Throws InvalidInput when a value cannot work (size <= 0, std <= 0, ...).
    void validate(const std::string& sourceName = "the image config") const;
};

} // namespace unike::vision
