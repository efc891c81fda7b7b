#include "api/ModelEditDefaults.h"

#include "api/EditMethods.h"
#include "core/JsonText.h"
#include "text/JsonFiles.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace unike {
namespace fs = std::filesystem;

ModelEditDefaults ModelEditDefaults::readFolder(const std::string& folder) {
    const fs::path path = fs::path(folder) / kFileName;
    std::error_code error;
    if (!fs::exists(path, error))
        return {};
    return parse(text::readTextFile(path.string()), path.string());
}

ModelEditDefaults ModelEditDefaults::parse(const std::string& jsonText,
                                           const std::string& sourceName) {
    const nlohmann::json root = parseJsonOrDiscarded(jsonText);
    if (root.is_discarded() || !root.is_object())
        throw Error(ErrorKind::File, sourceName +
                                         " is not a JSON object of editing methods, such as "
                                         "{\"unike\": {\"gate_threshold\": 0.8}}");
    ModelEditDefaults defaults;
    for (const auto& [method, settings] : root.items()) {
        if (!settings.is_object())
            throw Error(ErrorKind::File,
                        sourceName + ": \"" + method + "\" must be an object of hyperparameters");
        // Checks the method and every key and value now, at load, not at the first edit.
        edit::EditHyperParams checked;
        try {
            editMethod(method).tune(checked);
        } catch (const Error& e) { // say which file names the method
            throw Error(ErrorKind::File, sourceName + ": " + e.what());
        }
        checked.applyJson(settings.dump(), sourceName + " (" + method + ")");
        defaults.byMethod_[method] = settings.dump();
    }
    return defaults;
}

std::string ModelEditDefaults::forMethod(const std::string& method) const {
    const auto found = byMethod_.find(method);
    return found == byMethod_.end() ? std::string() : found->second;
}

std::string ModelEditDefaults::summary() const {
    std::string out;
    for (const auto& [method, text] : byMethod_) {
        out += (out.empty() ? "" : "; ") + method + ":";
        const nlohmann::json settings = nlohmann::json::parse(text);
        bool first = true;
        for (const auto& [key, value] : settings.items()) {
            out += std::string(first ? " " : ", ") + key + "=" + value.dump();
            first = false;
        }
    }
    return out;
}

} // namespace unike
