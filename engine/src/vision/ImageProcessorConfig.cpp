#include "vision/ImageProcessorConfig.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace unike::vision {
namespace {

using nlohmann::json;

// The largest output side accepted: far above any real vision encoder, low enough that a
// typo cannot ask for gigabytes.
constexpr int kMaxSide = 8192;

[[noreturn]] void badValue(const std::string& source, const std::string& field,
                           const std::string& what) {
    throw Error(ErrorKind::InvalidInput, "In " + source + ", \"" + field + "\" " + what +
                                             ". Fix that field or delete it to use the default.");
}

// A JSON null counts as absent, as Python's None does in transformers.
const json* field(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

void readBool(const json& object, const char* key, bool& out, const std::string& source) {
    if (const json* v = field(object, key)) {
        if (!v->is_boolean())
            badValue(source, key, "must be true or false, not " + v->dump());
        out = v->get<bool>();
    }
}

double number(const json& v, const std::string& key, const std::string& source) {
    if (!v.is_number())
        badValue(source, key, "must be a number, not " + v.dump());
    const double d = v.get<double>();
    if (!std::isfinite(d))
        badValue(source, key, "must be a finite number");
    return d;
}

int side(const json& v, const std::string& key, const std::string& source) {
    if (!v.is_number_integer() &&
        !(v.is_number() && std::floor(v.get<double>()) == v.get<double>()))
        badValue(source, key, "must be a whole number of pixels, not " + v.dump());
    const double d = v.get<double>();
    if (d < 1 || d > kMaxSide)
        badValue(source, key,
                 "must be between 1 and " + std::to_string(kMaxSide) + ", not " + v.dump());
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
        badValue(source, key, "must be a list of 3 numbers (R, G, B), not " + v->dump());
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = number((*v)[i], key, source);
}

void readSize(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "size");
    if (!v)
        return;
    if (v->is_number()) { // an int means a square, as get_size_dict(default_to_square=True)
        config.height = config.width = side(*v, "size", source);
        return;
    }
    if (!v->is_object() || !v->contains("height") || !v->contains("width"))
        badValue(source, "size",
                 "must be {\"height\": H, \"width\": W} for a BLIP image processor, not " +
                     v->dump());
    config.height = side(v->at("height"), "size.height", source);
    config.width = side(v->at("width"), "size.width", source);
}

void readResample(const json& object, ImageProcessorConfig& config, const std::string& source) {
    const json* v = field(object, "resample");
    if (!v)
        return;
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > 5)
        badValue(source, "resample",
                 "must be one of Pillow's filters 0 to 5 (3 is bicubic), not " + v->dump());
    config.resample = static_cast<ResampleFilter>(v->get<int>());
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
    }
    if (!root.is_object())
        throw Error(ErrorKind::File, sourceName +
                                         " must hold a JSON object of image settings, "
                                         "not " +
                                         std::string(root.type_name()) +
                                         ". Restore it from the model's original files.");
    ImageProcessorConfig config;
    readBool(root, "do_resize", config.doResize, sourceName);
    readSize(root, config, sourceName);
    readResample(root, config, sourceName);
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
        {"image_processor_type", "BlipImageProcessor"},
        {"do_resize", doResize},
        {"size", {{"height", height}, {"width", width}}},
        {"resample", static_cast<int>(resample)},
        {"do_rescale", doRescale},
        {"rescale_factor", rescaleFactor},
        {"do_normalize", doNormalize},
        {"image_mean", imageMean},
        {"image_std", imageStd},
        {"do_convert_rgb", doConvertRgb},
    };
    return root.dump(2) + "\n";
}

void ImageProcessorConfig::validate(const std::string& sourceName) const {
    if (height < 1 || height > kMaxSide || width < 1 || width > kMaxSide)
        badValue(sourceName, "size",
                 "must be between 1 and " + std::to_string(kMaxSide) + " pixels a side, not " +
                     std::to_string(height) + " x " + std::to_string(width));
    if (static_cast<int>(resample) < 0 || static_cast<int>(resample) > 5)
        badValue(sourceName, "resample", "must be one of Pillow's filters 0 to 5");
    if (resample == ResampleFilter::Nearest)
        badValue(sourceName, "resample",
                 "is 0 (nearest), which is not supported; use 3 (bicubic) as BLIP does");
    if (!std::isfinite(rescaleFactor) || rescaleFactor <= 0)
        badValue(sourceName, "rescale_factor", "must be a positive number such as 1/255");
    for (int c = 0; c < 3; ++c) {
        if (!std::isfinite(imageMean[c]))
            badValue(sourceName, "image_mean", "must hold finite numbers");
        if (!std::isfinite(imageStd[c]) || imageStd[c] <= 0)
            badValue(sourceName, "image_std",
                     "must hold positive numbers (it divides every pixel), not " +
                         std::to_string(imageStd[c]));
    }
}

} // namespace unike::vision
