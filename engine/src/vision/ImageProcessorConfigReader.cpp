// ImageProcessorConfig::fromJson: preprocessor_config.json read the way transformers'
// get_size_dict and the processor's __init__ read it, per class.

#include "vision/ConfigValueError.h"
#include "vision/ImageProcessorConfig.h"
#include "vision/ImageProcessorKeys.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace unike::vision {
namespace {

using nlohmann::json;

// A JSON null counts as absent, as Python's None does in transformers.
const json* field(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

void readBool(const json& object, const char* key, bool& out, const std::string& source) {
    if (const json* v = field(object, key)) {
        if (!v->is_boolean())
            throwBadConfigValue(source, key, "must be true or false, not " + v->dump());
        out = v->get<bool>();
    }
}

double number(const json& v, const std::string& key, const std::string& source) {
    if (!v.is_number())
        throwBadConfigValue(source, key, "must be a number, not " + v.dump());
    const double d = v.get<double>();
    if (!std::isfinite(d))
        throwBadConfigValue(source, key, "must be a finite number");
    return d;
}

int side(const json& v, const std::string& key, const std::string& source) {
    if (!v.is_number_integer() &&
        !(v.is_number() && std::floor(v.get<double>()) == v.get<double>()))
        throwBadConfigValue(source, key, "must be a whole number of pixels, not " + v.dump());
    const double d = v.get<double>();
    if (d < 1 || d > kMaxConfigSide)
        throwBadConfigValue(source, key,
                            "must be between 1 and " + std::to_string(kMaxConfigSide) + ", not " +
                                v.dump());
    return static_cast<int>(d);
}

// A per-channel list of three, or one number for all channels (transformers allows both).
void readTriple(const json& object, const char* key, std::array<double, 3>& out,
                const std::string& source) {
    const json* v = field(object, key);
    if (!v)
        return;
    if (v->is_number()) {
        out.fill(number(*v, key, source));
        return;
    }
    if (!v->is_array() || v->size() != 3)
        throwBadConfigValue(source, key, "must be a list of 3 numbers (R, G, B), not " + v->dump());
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = number((*v)[i], key, source);
}

bool hasExactly(const json& object, std::initializer_list<const char*> keys) {
    if (object.size() != keys.size())
        return false;
    for (const char* key : keys)
        if (!object.contains(key))
            return false;
    return true;
}

// {"height", "width"} or a [height, width] list (get_size_dict's tuple form); false otherwise.
bool readHeightWidth(const json& v, const std::string& key, int& height, int& width,
                     const std::string& source) {
    if (v.is_array() && v.size() == 2) {
        height = side(v[0], key + "[0]", source);
        width = side(v[1], key + "[1]", source);
        return true;
    }
    if (!v.is_object() || !hasExactly(v, {"height", "width"}))
        return false;
    height = side(v.at("height"), key + ".height", source);
    width = side(v.at("width"), key + ".width", source);
    return true;
}

// An int is a square for BLIP and the shortest edge for CLIP: get_size_dict with
// default_to_square True and False respectively.
void readSize(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "size");
    if (!v)
        return;
    const bool clip = config.processorClass == ImageProcessorClass::Clip;
    if (v->is_number()) {
        const int n = side(*v, "size", source);
        config.shortestEdge = clip ? n : 0;
        config.height = config.width = n;
        return;
    }
    if (readHeightWidth(*v, "size", config.height, config.width, source)) {
        config.shortestEdge = 0;
        return;
    }
    if (!clip)
        throwBadConfigValue(source, "size",
                            "must be {\"height\": H, \"width\": W} for a BLIP image processor, "
                            "not " +
                                v->dump());
    if (v->is_object() && v->contains("shortest_edge") && v->contains("longest_edge"))
        throw Error(ErrorKind::Unsupported,
                    "In " + source +
                        ", \"size\" has a \"longest_edge\", which CLIPImageProcessor ignores "
                        "and this build does not implement. Delete it.");
    if (!v->is_object() || !hasExactly(*v, {"shortest_edge"}))
        throwBadConfigValue(source, "size",
                            "must be {\"shortest_edge\": N} or {\"height\": H, \"width\": W}, "
                            "not " +
                                v->dump());
    config.shortestEdge = side(v->at("shortest_edge"), "size.shortest_edge", source);
}

// CLIP only (checkKeys refuses it for BLIP). An int is a square.
void readCropSize(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "crop_size");
    if (!v)
        return;
    if (v->is_number()) {
        config.cropHeight = config.cropWidth = side(*v, "crop_size", source);
        return;
    }
    if (!readHeightWidth(*v, "crop_size", config.cropHeight, config.cropWidth, source))
        throwBadConfigValue(source, "crop_size",
                            "must be {\"height\": H, \"width\": W} or one number, not " +
                                v->dump());
}

void readResample(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "resample");
    if (!v)
        return;
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > 5)
        throwBadConfigValue(source, "resample",
                            "must be one of Pillow's filters 0 to 5 (3 is bicubic), not " +
                                v->dump());
    config.resample = static_cast<ResampleFilter>(v->get<int>());
}

// LLaVA's own setting (its model config's image_aspect_ratio), which its process_images
// applies before the image processor: "pad" is expand2square; anything else but "anyres"
// means no padding there. We accept "pad" and "square" (LLaVA's training default).
void readAspectRatio(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "image_aspect_ratio");
    if (!v)
        return;
    if (!v->is_string())
        throwBadConfigValue(source, "image_aspect_ratio",
                            "must be \"pad\" or \"square\", not " + v->dump());
    const std::string mode = v->get<std::string>();
    if (mode != "pad" && mode != "square")
        throw Error(ErrorKind::Unsupported,
                    "In " + source + ", \"image_aspect_ratio\" is \"" + mode +
                        "\", which this build does not implement. Supported: \"pad\" (LLaVA's "
                        "expand2square) and \"square\" (no padding).");
    config.padToSquare = mode == "pad";
}

} // namespace

ImageProcessorConfig ImageProcessorConfig::fromJson(const std::string& text,
                                                    const std::string& sourceName) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorKind::File, sourceName + " is not valid JSON (" + e.what() +
                                         "). Restore it from the model's original files.");
    } catch (const nlohmann::json::exception& e) { // a number too large to hold
        throw Error(ErrorKind::File, sourceName + " is not valid JSON: " + e.what());
    }
    if (!root.is_object())
        throw Error(ErrorKind::File, sourceName +
                                         " must hold a JSON object of image settings, "
                                         "not " +
                                         std::string(root.type_name()) +
                                         ". Restore it from the model's original files.");
    const ImageProcessorClass processorClass = readProcessorClass(root, sourceName);
    checkKeys(root, processorClass, sourceName);
    ImageProcessorConfig config = processorClass == ImageProcessorClass::Clip ? clip() : blip();
    readBool(root, "do_resize", config.doResize, sourceName);
    readSize(root, config, sourceName);
    readResample(root, config, sourceName);
    readBool(root, "do_center_crop", config.doCenterCrop, sourceName);
    readCropSize(root, config, sourceName);
    readAspectRatio(root, config, sourceName);
    readBool(root, "do_rescale", config.doRescale, sourceName);
    if (const json* v = field(root, "rescale_factor"))
        config.rescaleFactor = number(*v, "rescale_factor", sourceName);
    readBool(root, "do_normalize", config.doNormalize, sourceName);
    readTriple(root, "image_mean", config.imageMean, sourceName);
    readTriple(root, "image_std", config.imageStd, sourceName);
    readBool(root, "do_convert_rgb", config.doConvertRgb, sourceName);
    config.validate(sourceName);
    return config;
}

} // namespace unike::vision
