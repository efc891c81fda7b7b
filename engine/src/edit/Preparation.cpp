#include "edit/Preparation.h"

#include "core/JsonText.h"
#include "edit/EditStack.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "model/TensorConversions.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

namespace unike::edit {
namespace {

std::string at(int layer, const std::string& what) {
    return "layer" + std::to_string(layer) + "." + what;
}

} // namespace

void Preparation::installInto(EditStack& stack) const {
    for (int layer : layers) {
        stack.setBank(layer, banks.at(layer));
        const SpaceEncoder encoder = semantic.at(layer);
        stack.setSemanticEncoder(
            layer, [encoder](const torch::Tensor& x) { return encoder(x).to(x.dtype()); });
    }
    stack.setZeta(zeta);
}

void Preparation::save(const std::string& path) const {
    std::map<std::string, torch::Tensor> tensors;
    for (int layer : layers) {
        tensors[at(layer, "bank.keys")] = banks.at(layer).keys;
        tensors[at(layer, "bank.values")] = banks.at(layer).values;
        semantic.at(layer).exportTo(tensors, at(layer, "enc_sem"));
        truth.at(layer).exportTo(tensors, at(layer, "enc_tru"));
        if (memory.count(layer))
            tensors[at(layer, "memory")] = memory.at(layer);
    }
    tensors["zeta"] = zeta;
    io::SafetensorsWriter writer;
    for (const auto& [name, tensor] : tensors)
        model::addFloat32Tensor(writer, name, tensor);
    const nlohmann::json meta = {{"version", kVersion},
                                 {"model_hash", modelHash},
                                 {"data_hash", dataHash},
                                 {"layers", layers},
                                 {"triplets", triplets},
                                 {"semantic_loss", semanticLoss},
                                 {"truth_loss", truthLoss},
                                 {"seconds", seconds},
                                 {"truth_accuracy", truthAccuracy},
                                 {"semantic_recall", semanticRecall}};
    writer.setMetadata("format", "unike-preparation");
    writer.setMetadata("provenance", meta.dump());
    writer.write(path);
}

Preparation Preparation::load(const std::string& path, torch::Device device,
                              torch::ScalarType dtype) {
    const io::SafetensorsFile file = io::SafetensorsFile::open(path);
    const auto& metadata = file.metadata();
    auto format = metadata.find("format");
    auto provenance = metadata.find("provenance");
    if (format == metadata.end() || format->second != "unike-preparation" ||
        provenance == metadata.end())
        throw Error(ErrorKind::File, "'" + path + "' is not a UniKE preparation artefact");
    const nlohmann::json meta = parseJsonOrDiscarded(provenance->second);
    if (meta.is_discarded() || !meta.is_object())
        throw Error(ErrorKind::File, "'" + path + "' has unreadable provenance; run prepare again");
    Preparation p;
    try {
        if (meta.at("version").get<int>() != kVersion)
            throw Error(ErrorKind::File, "'" + path + "' was prepared by another version (" +
                                             meta.at("version").dump() + "); run prepare again");
        p.modelHash = meta.at("model_hash").get<std::string>();
        p.dataHash = meta.at("data_hash").get<std::string>();
        p.layers = meta.at("layers").get<std::vector<int>>();
        p.triplets = meta.at("triplets").get<int>();
        p.semanticLoss = meta.at("semantic_loss").get<double>();
        p.truthLoss = meta.at("truth_loss").get<double>();
        p.seconds = meta.at("seconds").get<double>();
        p.truthAccuracy = meta.value("truth_accuracy", 0.0);
        p.semanticRecall = meta.value("semantic_recall", 0.0);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::File, "'" + path + "' has incomplete provenance (" + e.what() +
                                         "); run prepare again");
    }
    std::map<std::string, torch::Tensor> tensors;
    for (const io::TensorInfo& info : file.tensors())
        tensors[info.name] = model::readTensor(file, info).to(device, dtype);
    auto get = [&](const std::string& name) {
        auto it = tensors.find(name);
        if (it == tensors.end())
            throw Error(ErrorKind::File, "'" + path + "' lacks '" + name + "'; run prepare again");
        return it->second;
    };
    for (int layer : p.layers) {
        p.banks[layer] = {get(at(layer, "bank.keys")), get(at(layer, "bank.values"))};
        p.semantic[layer] = SpaceEncoder::importFrom(tensors, at(layer, "enc_sem"), true);
        p.truth[layer] = SpaceEncoder::importFrom(tensors, at(layer, "enc_tru"), false);
        if (tensors.count(at(layer, "memory")))
            p.memory[layer] = tensors.at(at(layer, "memory"));
    }
    p.zeta = get("zeta");
    return p;
}

} // namespace unike::edit
