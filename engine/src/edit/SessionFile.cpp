#include "edit/SessionFile.h"

#include "core/JsonText.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "model/TensorConversions.h"
#include "text/JsonFiles.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace unike::edit {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormat = "unike-session";

std::string layerKey(int editId, const std::string& part, int layer, const std::string& what) {
    return "edit" + std::to_string(editId) + "." + part + "." + std::to_string(layer) + "." + what;
}

json parseJsonOrNull(const std::string& text) {
    if (text.empty())
        return nullptr;
    return parseJsonOrDiscarded(text);
}

json describePatch(const EditPatch& p, io::SafetensorsWriter& writer) {
    json entry = {{"id", p.id},
                  {"name", p.name},
                  {"method", p.method},
                  {"enabled", p.enabled},
                  {"prompt", p.prompt},
                  {"target", p.target},
                  {"hyperparameters", parseJsonOrNull(p.hyperParamsJson)},
                  {"image_hash", p.imageHash},
                  {"seconds", p.seconds},
                  {"steps", p.steps},
                  {"created_at", p.createdAt},
                  {"added_norm", p.addedNorm()},
                  {"gated", p.gated},
                  {"demonstration", p.demonstration}};
    json layers = json::array();
    for (const auto& [layer, n] : p.neurons) {
        layers.push_back(layer);
        model::addFloat32Tensor(writer, layerKey(p.id, "neurons", layer, "keys"), n.keys);
        model::addFloat32Tensor(writer, layerKey(p.id, "neurons", layer, "bias"), n.bias);
        model::addFloat32Tensor(writer, layerKey(p.id, "neurons", layer, "values"), n.values);
        if (n.upKeys.defined()) // gated FFNs only, so BLIP-2 sessions stay as they were
            model::addFloat32Tensor(writer, layerKey(p.id, "neurons", layer, "up"), n.upKeys);
    }
    entry["layers"] = layers;
    json keyLayers = json::array(), bankLayers = json::array();
    for (const auto& [layer, key] : p.keys) {
        keyLayers.push_back(layer);
        model::addFloat32Tensor(writer, layerKey(p.id, "key", layer, "h_sem"), key);
    }
    for (const auto& [layer, value] : p.bankValues) {
        bankLayers.push_back(layer);
        model::addFloat32Tensor(writer, layerKey(p.id, "bank", layer, "h_pos"), value);
    }
    entry["key_layers"] = keyLayers;
    entry["bank_layers"] = bankLayers;
    if (p.zetaProjection.defined())
        model::addFloat32Tensor(writer, "edit" + std::to_string(p.id) + ".w_zeta",
                                p.zetaProjection);
    entry["has_w_zeta"] = p.zetaProjection.defined();
    json weights = json::array();
    int index = 0;
    for (const auto& [name, swap] : p.weightSwaps) {
        weights.push_back(name);
        const std::string base =
            "edit" + std::to_string(p.id) + ".weight" + std::to_string(index++);
        model::addFloat32Tensor(writer, base + ".before", swap.first);
        model::addFloat32Tensor(writer, base + ".after", swap.second);
    }
    entry["changed_weights"] = weights;
    return entry;
}

template <class T>
T field(const json& object, const char* key, const std::string& where) {
    if (!object.contains(key))
        throw Error(ErrorKind::File, where + " has no \"" + key + "\"");
    try {
        return object.at(key).get<T>();
    } catch (const json::exception&) {
        throw Error(ErrorKind::File, where + ": \"" + key + "\" has the wrong type");
    }
}

} // namespace

std::string sessionTensorsPath(const std::string& manifestPath) {
    return manifestPath + ".safetensors";
}

void writeSessionFile(const std::string& path, const SessionContents& session) {
    io::SafetensorsWriter writer;
    json edits = json::array();
    for (const auto& patch : session.patches)
        edits.push_back(describePatch(*patch, writer));
    json manifest = {{"format", kFormat},
                     {"version", kFormatVersion},
                     {"model", {{"hash", session.modelHash}, {"name", session.modelName}}},
                     {"tensors", fs::path(sessionTensorsPath(path)).filename().string()},
                     {"inference", parseJsonOrNull(session.inferenceJson)},
                     {"edits", edits},
                     {"user", parseJsonOrNull(session.userJson)}};
    writer.setMetadata("format", kFormat);
    writer.write(sessionTensorsPath(path));
    text::writeTextFile(path, manifest.dump(2) + "\n");
}

SessionContents readSessionFile(const std::string& path, torch::Device device,
                                torch::ScalarType dtype) {
    const json manifest = text::readJsonFile(path);
    const std::string where = "the session file '" + path + "'";
    if (!manifest.is_object())
        throw Error(ErrorKind::File, where + " is not a JSON object; is it a UniKE session?");
    if (manifest.value("format", "") != kFormat)
        throw Error(ErrorKind::File,
                    where + " is not a UniKE session (no \"format\": \"" + kFormat + "\")");
    if (field<int>(manifest, "version", where) > kFormatVersion)
        throw Error(ErrorKind::Unsupported,
                    where + " was written by a newer UniKE Studio; update to open it");

    SessionContents session;
    const json& model = manifest.at("model");
    session.modelHash = field<std::string>(model, "hash", where + "'s model");
    session.modelName = model.value("name", "");
    if (!manifest.at("inference").is_null())
        session.inferenceJson = manifest.at("inference").dump();
    if (manifest.contains("user") && !manifest.at("user").is_null())
        session.userJson = manifest.at("user").dump();

    const std::string tensorsPath = sessionTensorsPath(path);
    const io::SafetensorsFile file = io::SafetensorsFile::open(tensorsPath);
    auto tensor = [&](const std::string& name) {
        const io::TensorInfo* info = file.find(name);
        if (!info)
            throw Error(ErrorKind::File, "the session's tensors '" + tensorsPath + "' lack '" +
                                             name + "'; the two files do not belong together");
        return model::readTensor(file, *info).to(device, dtype);
    };
    for (const json& e : field<json>(manifest, "edits", where)) {
        auto p = std::make_shared<EditPatch>();
        const std::string at = where + "'s edit";
        p->id = field<int>(e, "id", at);
        p->name = field<std::string>(e, "name", at);
        p->method = field<std::string>(e, "method", at);
        p->enabled = field<bool>(e, "enabled", at);
        p->prompt = e.value("prompt", "");
        p->target = e.value("target", "");
        if (e.contains("hyperparameters") && !e.at("hyperparameters").is_null())
            p->hyperParamsJson = e.at("hyperparameters").dump();
        p->imageHash = e.value("image_hash", "");
        p->seconds = e.value("seconds", 0.0);
        p->steps = e.value("steps", 0);
        p->createdAt = e.value("created_at", "");
        p->gated = e.value("gated", false);
        p->demonstration = e.value("demonstration", "");
        for (int layer : field<std::vector<int>>(e, "layers", at)) {
            LayerNeurons& n = p->neurons[layer];
            n.keys = tensor(layerKey(p->id, "neurons", layer, "keys"));
            n.bias = tensor(layerKey(p->id, "neurons", layer, "bias"));
            n.values = tensor(layerKey(p->id, "neurons", layer, "values"));
            if (file.find(layerKey(p->id, "neurons", layer, "up")))
                n.upKeys = tensor(layerKey(p->id, "neurons", layer, "up"));
        }
        for (int layer : e.value("key_layers", std::vector<int>()))
            p->keys[layer] = tensor(layerKey(p->id, "key", layer, "h_sem"));
        for (int layer : e.value("bank_layers", std::vector<int>()))
            p->bankValues[layer] = tensor(layerKey(p->id, "bank", layer, "h_pos"));
        if (e.value("has_w_zeta", false))
            p->zetaProjection = tensor("edit" + std::to_string(p->id) + ".w_zeta");
        int index = 0;
        for (const std::string& name : e.value("changed_weights", std::vector<std::string>())) {
            const std::string base =
                "edit" + std::to_string(p->id) + ".weight" + std::to_string(index++);
            p->weightSwaps[name] = {tensor(base + ".before"), tensor(base + ".after")};
        }
        session.patches.push_back(std::move(p));
    }
    return session;
}

} // namespace unike::edit
