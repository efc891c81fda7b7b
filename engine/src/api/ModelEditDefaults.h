#pragma once
// A model folder's own editing defaults, read from its optional edit_hparams.json, as EasyEdit
// keeps one hparams file per method and model: {"unike": {"gate_threshold": 0.7}, ...}. They
// sit between a method's defaults and the user's settings, so a model can ship the values
// chosen on its validation benchmark while everything a person sets still wins.

#include <map>
#include <string>

namespace unike {

class ModelEditDefaults {
public:
    static constexpr const char* kFileName = "edit_hparams.json";

    ModelEditDefaults() = default;
    // Reads `folder`/edit_hparams.json; none there means no defaults. Throws Error(File) for
    // a file that is not a JSON object of method objects, an unknown method, or a setting
    // that the method's hyperparameters refuse, naming the method and the key.
    static ModelEditDefaults readFolder(const std::string& folder);
    static ModelEditDefaults parse(const std::string& jsonText, const std::string& sourceName);

    // The method's settings as a JSON object text; "" when the folder sets none for it.
    std::string forMethod(const std::string& method) const;
    bool empty() const { return byMethod_.empty(); }
    // "unike: gate_threshold=0.7, min_steps=2", for logs and model details.
    std::string summary() const;

private:
    std::map<std::string, std::string> byMethod_; // method -> JSON object text
};

} // namespace unike
