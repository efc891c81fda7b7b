#include "io/ModelType.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

namespace unike::io {

std::string readModelType(const std::string& jsonText, const std::string& sourceName,
                          const std::string& supported) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(jsonText);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::File, sourceName + " is not valid JSON (" + e.what() +
                                         "); re-download the model's config.json");
    }
    if (!root.is_object())
        throw Error(ErrorKind::File, sourceName + " is not a JSON object, so it is not a model "
                                                  "config; re-download the model's config.json");
    auto type = root.find("model_type");
    if (type == root.end() || !type->is_string())
        throw Error(ErrorKind::Unsupported, sourceName +
                                                " has no \"model_type\", so UniKE cannot tell "
                                                "which model it describes; " +
                                                supported);
    return type->get<std::string>();
}

} // namespace unike::io
