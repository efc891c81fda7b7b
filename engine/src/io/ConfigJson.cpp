#include "io/ConfigJson.h"

#include "io/ModelConfig.h"

#include <algorithm>
#include <vector>

namespace unike::io {

using nlohmann::json;

json parseConfigObject(const std::string& text, const std::string& source) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        throw Error(ErrorKind::File, source + " is not valid JSON (" + e.what() +
                                         "); re-download the model's config.json");
    }
    if (!root.is_object())
        throw Error(ErrorKind::File, source + " is not a JSON object, so it is not a model "
                                              "config; re-download the model's config.json");
    return root;
}

std::string modelTypeOf(const json& root, const std::string& source, const std::string& supported) {
    auto type = root.find("model_type");
    if (type == root.end() || !type->is_string())
        throw Error(ErrorKind::Unsupported, source +
                                                " has no \"model_type\", so UniKE cannot tell "
                                                "which model it describes; " +
                                                supported);
    return type->get<std::string>();
}

const json& subConfig(const json& root, const char* key, const std::string& source) {
    static const json empty = json::object();
    auto it = root.find(key);
    if (it == root.end() || it->is_null())
        return empty;
    if (!it->is_object())
        throw Error(ErrorKind::File, source + ": " + key + " must be a JSON object, not " +
                                         it->dump() + "; fix config.json");
    return *it;
}

const json* ConfigFields::get(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
}

void ConfigFields::read(const char* key, int64_t& out) const {
    if (const json* v = get(key))
        out = integer(key, *v);
}

void ConfigFields::read(const char* key, std::optional<int64_t>& out) const {
    if (const json* v = get(key))
        out = integer(key, *v);
}

void ConfigFields::read(const char* key, double& out) const {
    if (const json* v = get(key)) {
        if (!v->is_number())
            throw bad(key, "a number", *v);
        out = v->get<double>();
    }
}

void ConfigFields::read(const char* key, bool& out) const {
    if (const json* v = get(key)) {
        if (!v->is_boolean())
            throw bad(key, "true or false", *v);
        out = v->get<bool>();
    }
}

void ConfigFields::read(const char* key, std::string& out) const {
    if (const json* v = get(key)) {
        if (!v->is_string())
            throw bad(key, "a string", *v);
        out = v->get<std::string>();
    }
}

void ConfigFields::read(const char* key, std::optional<std::string>& out) const {
    std::string value;
    read(key, value);
    if (has(key))
        out = value;
}

void ConfigFields::readFirst(const char* key, int64_t& out) const {
    const json* v = get(key);
    if (v && v->is_array()) {
        if (v->empty())
            throw bad(key, "an integer or a non-empty list of integers", *v);
        out = integer(key, v->front());
        return;
    }
    read(key, out);
}

void ConfigFields::readSquare(const char* key, int64_t& out, bool nonIntegerIsUnsupported) const {
    const json* v = get(key);
    if (v && v->is_array()) {
        if (v->size() != 2 || (nonIntegerIsUnsupported && !(*v)[0].is_number_integer()) ||
            (*v)[0] != (*v)[1])
            throw Error(ErrorKind::Unsupported,
                        source_ + ": " + name(key) + " is " + v->dump() +
                            "; UniKE supports only square sizes (one integer or [n, n])");
        out = nonIntegerIsUnsupported ? (*v)[0].get<int64_t>() : integer(key, (*v)[0]);
        return;
    }
    read(key, out);
}

Error ConfigFields::bad(const char* key, const char* expected, const json& value) const {
    return Error(ErrorKind::File, source_ + ": " + name(key) + " must be " + expected + ", not " +
                                      value.dump() + "; fix config.json");
}

int64_t ConfigFields::integer(const char* key, const json& v) const {
    if (!v.is_number_integer() ||
        (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)))
        throw bad(key, "an integer", v);
    return v.get<int64_t>();
}

void requirePositive(const std::string& source, const std::string& field, int64_t value) {
    if (value <= 0)
        throw Error(ErrorKind::Model, source + ": " + field + " must be positive, but it is " +
                                          std::to_string(value) + "; fix config.json");
}

void requirePositive(const std::string& source, const std::string& field, double value) {
    if (!(value > 0))
        throw Error(ErrorKind::Model, source + ": " + field + " must be positive, but it is " +
                                          json(value).dump() + "; fix config.json");
}

void requireDivides(const std::string& source, const std::string& big, int64_t bigValue,
                    const std::string& small, int64_t smallValue) {
    if (bigValue % smallValue != 0)
        throw Error(ErrorKind::Model, source + ": " + big + " " + std::to_string(bigValue) +
                                          " is not divisible by " + small + " " +
                                          std::to_string(smallValue) + "; fix config.json");
}

void requireActivation(const std::string& source, const std::string& field, const std::string& name,
                       bool allowQuickGelu) {
    std::vector<std::string> all = supportedActivations();
    if (allowQuickGelu)
        all.push_back("quick_gelu");
    if (std::find(all.begin(), all.end(), name) != all.end())
        return;
    std::string list;
    for (const std::string& a : all)
        list += (list.empty() ? "" : ", ") + a;
    throw Error(ErrorKind::Unsupported, source + ": " + field + " \"" + name +
                                            "\" is an unsupported activation; UniKE runs " + list);
}

void requirePatchFits(const std::string& source, const std::string& prefix, int64_t patchSize,
                      int64_t imageSize) {
    if (patchSize > imageSize)
        throw Error(ErrorKind::Model, source + ": " + prefix + "patch_size " +
                                          std::to_string(patchSize) +
                                          " is larger than image_size " +
                                          std::to_string(imageSize) + "; fix config.json");
}

std::string configText(const nlohmann::ordered_json& root) {
    return root.dump(2) + "\n";
}

} // namespace unike::io
