#pragma once
// The settings of Hugging Face's BlipImageProcessor and CLIPImageProcessor, as stored in a
// checkpoint's preprocessor_config.json. Missing fields take transformers' defaults for the
// file's processor class. Keys we do not implement are refused by name, not ignored, so a
// checkpoint is never silently fed different pixels than transformers would give it.

#include "vision/PilResampler.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace unike::vision {

enum class ImageProcessorClass {
    Blip, // BlipImageProcessor: resize to height x width
    Clip, // CLIPImageProcessor: resize the shortest edge, then centre-crop
};

// transformers' class name, as written in "image_processor_type".
const char* imageProcessorClassName(ImageProcessorClass processorClass) noexcept;

struct ImageProcessorConfig {
    ImageProcessorClass processorClass = ImageProcessorClass::Blip;
    bool doResize = true;
    // size {"shortest_edge": N} (CLIP only) when > 0; otherwise size {"height", "width"}.
    int shortestEdge = 0;
    int height = 384; // size.height: transformers' default for BLIP
    int width = 384;  // size.width
    ResampleFilter resample = ResampleFilter::Bicubic;
    bool doCenterCrop = false; // CLIP only
    int cropHeight = 224;      // crop_size.height
    int cropWidth = 224;       // crop_size.width
    // The original LLaVA's expand2square, before every other step. transformers has no key
    // for it; we read LLaVA's own "image_aspect_ratio": "pad" (see ImageProcessorKeys.h).
    bool padToSquare = false;
    bool doRescale = true;
    double rescaleFactor = 1.0 / 255.0;
    bool doNormalize = true;
    std::array<double, 3> imageMean = {0.48145466, 0.4578275, 0.40821073}; // OpenAI CLIP
    std::array<double, 3> imageStd = {0.26862954, 0.26130258, 0.27577711};
    bool doConvertRgb = true;

    // transformers' defaults for each class. blip() equals a default-constructed config.
    static ImageProcessorConfig blip();
    static ImageProcessorConfig clip();

    // Throws unike::Error(File) for malformed JSON; Unsupported for an unknown processor
    // class, an unknown key or a value we do not implement; InvalidInput for a bad value.
    // Every message names `sourceName` and the key.
    static ImageProcessorConfig fromJson(const std::string& text,
                                         const std::string& sourceName = "the image config");
    static ImageProcessorConfig fromFile(const std::filesystem::path& path);

    // preprocessor_config.json text that fromJson reads back to the same settings (and that
    // transformers reads too, except padToSquare, which it ignores as LLaVA's own key).
    std::string toJson() const;

    // Throws InvalidInput when a value cannot work (size <= 0, std <= 0, a crop for BLIP...).
    void validate(const std::string& sourceName = "the image config") const;

    // The pixel tensor's side, or 0 where it follows the input image's shape.
    int outputHeight() const;
    int outputWidth() const;

    // expand2square's fill: int(mean * 255) per channel, truncated as LLaVA's Python does.
    std::array<std::uint8_t, 3> padColour() const;
};

} // namespace unike::vision
