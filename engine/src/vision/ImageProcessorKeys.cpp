#include "vision/ImageProcessorKeys.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace unike::vision {
namespace {

using nlohmann::json;

const char* const kSupportedClasses = "BlipImageProcessor and CLIPImageProcessor";

// The keys that name the class; readProcessorClass reads them.
const char* const kClassKeys[] = {"image_processor_type", "feature_extractor_type"};

// The keys both classes read (fromJson). image_aspect_ratio is LLaVA's, not transformers'.
const char* const kCommonKeys[] = {
    "do_resize",    "size",       "resample",  "do_rescale",     "rescale_factor",
    "do_normalize", "image_mean", "image_std", "do_convert_rgb", "image_aspect_ratio",
};

// What CLIPImageProcessor reads on top. BlipImageProcessor has no crop, so there they are
// refused: transformers would store and ignore them, which hides a wrong processor class.
const char* const kClipKeys[] = {"do_center_crop", "crop_size"};

// Keys that never change the pixels, whatever their value. The files transformers published
// for Salesforce/blip2-opt-2.7b and llava-hf/llava-1.5-7b-hf add only processor_class to the
// keys read; the rest come from other transformers versions and from LlavaProcessor's own
// processor_config.json, which some tools merge into this file.
const char* const kNoOpKeys[] = {
    "processor_class",                // the processor that wraps this one (Blip2Processor...)
    "_valid_processor_keys",          // preprocess()'s argument names, saved by some versions
    "image_seq_length",               // image tokens the text side inserts (BLIP-2)
    "num_query_tokens",               // the same, as older Blip2Processors name it
    "image_token",                    // LlavaProcessor: the placeholder's text
    "patch_size",                     // LlavaProcessor: counts image tokens
    "vision_feature_select_strategy", // LlavaProcessor: counts image tokens
    "num_additional_image_tokens",    // LlavaProcessor: counts image tokens (CLS)
};

// Keys that are no-ops only at transformers' default (or null); any other value would change
// the pixels and is not implemented.
struct DefaultOnlyKey {
    const char* key;
    bool noOpValue;
    const char* whatElseDoes;
};
const DefaultOnlyKey kDefaultOnlyKeys[] = {
    {"do_pad", false, "pads images to a common size"},
    {"use_square_size", false, "resizes Kosmos-2 style to a square of the shortest edge"},
};

template <std::size_t N>
bool listed(const char* const (&keys)[N], const std::string& key) {
    return std::any_of(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; });
}

[[noreturn]] void unsupported(const std::string& source, const std::string& message) {
    throw Error(ErrorKind::Unsupported, "In " + source + ", " + message);
}

ImageProcessorClass classNamed(const std::string& name, const std::string& key,
                               const std::string& source) {
    if (name == "BlipImageProcessor")
        return ImageProcessorClass::Blip;
    if (name == "CLIPImageProcessor")
        return ImageProcessorClass::Clip;
    std::string hint;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, "Fast") == 0)
        hint = " The Fast processors resize with torchvision, not Pillow, and give other pixels;"
               " the slow class of the same name gives the pixels this build computes.";
    unsupported(source, "\"" + key + "\" is \"" + name +
                            "\", an image processor this build does not implement. Supported: " +
                            kSupportedClasses + "." + hint);
}

} // namespace

ImageProcessorClass readProcessorClass(const json& root, const std::string& source) {
    for (const char* key : kClassKeys) {
        const auto it = root.find(key);
        if (it == root.end() || it->is_null())
            continue;
        if (!it->is_string())
            throw Error(ErrorKind::InvalidInput, "In " + source + ", \"" + key +
                                                     "\" must be a class name such as "
                                                     "\"CLIPImageProcessor\", not " +
                                                     it->dump() + ".");
        std::string name = it->get<std::string>();
        const std::string legacy = "FeatureExtractor";
        const auto at = name.find(legacy);
        if (std::string(key) == "feature_extractor_type" && at != std::string::npos)
            name.replace(at, legacy.size(), "ImageProcessor");
        return classNamed(name, key, source);
    }
    return ImageProcessorClass::Blip;
}

void checkKeys(const json& root, ImageProcessorClass processorClass, const std::string& source) {
    const char* className = imageProcessorClassName(processorClass);
    for (const auto& [key, value] : root.items()) {
        if (listed(kClassKeys, key) || listed(kCommonKeys, key) || listed(kNoOpKeys, key))
            continue;
        if (processorClass == ImageProcessorClass::Clip && listed(kClipKeys, key))
            continue;
        // A named copy: C++17 lambdas cannot capture structured bindings (clang refuses).
        const std::string& name = key;
        const auto fixed = std::find_if(std::begin(kDefaultOnlyKeys), std::end(kDefaultOnlyKeys),
                                        [&](const DefaultOnlyKey& k) { return name == k.key; });
        if (fixed != std::end(kDefaultOnlyKeys)) {
            if (value.is_null() || (value.is_boolean() && value.get<bool>() == fixed->noOpValue))
                continue;
            unsupported(source, "\"" + key + "\": " + value.dump() + " " + fixed->whatElseDoes +
                                    ", which this build does not implement. Set it to " +
                                    (fixed->noOpValue ? "true" : "false") +
                                    " or delete it if the model does not need it.");
        }
        unsupported(source, "the key \"" + key + "\" is not one " + className +
                                " reads, and this build does not know it to be harmless. "
                                "Delete it if it does not change how images are processed; "
                                "otherwise this model's preprocessing is not supported.");
    }
}

} // namespace unike::vision
