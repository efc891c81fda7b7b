#include "edit/EditHyperParams.h"

#include "core/JsonText.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>

namespace unike::edit {
namespace {

using Setter = std::function<void(EditHyperParams&, const nlohmann::json&)>;

template <typename T>
Setter field(T EditHyperParams::*member) {
    return [member](EditHyperParams& p, const nlohmann::json& v) { p.*member = v.get<T>(); };
}

const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> table = {
        {"edit_layers", field(&EditHyperParams::editLayers)},
        {"layers", field(&EditHyperParams::layers)},
        {"neurons_per_edit", field(&EditHyperParams::neuronsPerEdit)},
        {"max_steps", field(&EditHyperParams::maxSteps)},
        {"learning_rate", field(&EditHyperParams::learningRate)},
        {"activation_margin", field(&EditHyperParams::activationMargin)},
        {"lambda_activation", field(&EditHyperParams::lambdaActivation)},
        {"lambda_memory", field(&EditHyperParams::lambdaMemory)},
        {"memory_margin1", field(&EditHyperParams::memoryMargin1)},
        {"memory_margin2", field(&EditHyperParams::memoryMargin2)},
        {"stop_at_accuracy", field(&EditHyperParams::stopAtAccuracy)},
        {"stop_loss", field(&EditHyperParams::stopLoss)},
        {"min_steps", field(&EditHyperParams::minSteps)},
        {"gate_neurons", field(&EditHyperParams::gateNeurons)},
        {"train_end_of_text", field(&EditHyperParams::trainEndOfText)},
        {"gate_threshold", field(&EditHyperParams::gateThreshold)},
        {"gate_temperature", field(&EditHyperParams::gateTemperature)},
        {"train_on_rephrasings", field(&EditHyperParams::trainOnRephrasings)},
        {"bank_top_k", field(&EditHyperParams::bankTopK)},
        {"fixed_alpha", field(&EditHyperParams::fixedAlpha)},
        {"beta", field(&EditHyperParams::beta)},
        {"ft_steps", field(&EditHyperParams::ftSteps)},
        {"ft_learning_rate", field(&EditHyperParams::ftLearningRate)},
        {"ike_demonstrations", field(&EditHyperParams::ikeDemonstrations)},
        {"seed", field(&EditHyperParams::seed)},
        {"knowledge_rope",
         [](EditHyperParams& p, const nlohmann::json& v) {
             const std::string mode = v.get<std::string>();
             if (mode != "query-position" && mode != "zero" && mode != "none")
                 throw Error(ErrorKind::InvalidInput,
                             "knowledge_rope must be query-position, zero or none, not '" + mode +
                                 "'");
             p.knowledgeRope = mode;
         }},
        {"alpha_mode",
         [](EditHyperParams& p, const nlohmann::json& v) {
             const std::string mode = v.get<std::string>();
             if (mode == "gated")
                 p.alphaMode = AlphaMode::Gated;
             else if (mode == "paper")
                 p.alphaMode = AlphaMode::PaperCosine;
             else if (mode == "fixed")
                 p.alphaMode = AlphaMode::Fixed;
             else
                 throw Error(ErrorKind::InvalidInput,
                             "alpha_mode must be gated, paper or fixed, not '" + mode + "'");
         }},
    };
    return table;
}

void applyOne(EditHyperParams& params, const std::string& key, const nlohmann::json& value,
              const std::string& where) {
    auto it = setters().find(key);
    if (it == setters().end()) {
        std::string known;
        for (const auto& entry : setters())
            known += (known.empty() ? "" : ", ") + entry.first;
        throw Error(ErrorKind::InvalidInput,
                    where + ": unknown hyperparameter '" + key + "'; known: " + known);
    }
    try {
        it->second(params, value);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorKind::InvalidInput, where + ": hyperparameter '" + key +
                                                 "' has a value of the wrong type (" +
                                                 value.dump() + ")");
    }
}

} // namespace

const char* alphaModeName(AlphaMode mode) {
    switch (mode) {
    case AlphaMode::Gated:
        return "gated";
    case AlphaMode::PaperCosine:
        return "paper";
    case AlphaMode::Fixed:
        return "fixed";
    }
    return "gated";
}

void EditHyperParams::set(const std::string& key, const std::string& value) {
    // Values parse as JSON when they can (numbers, true, [3,4]); else as a string.
    nlohmann::json parsed = parseJsonOrDiscarded(value);
    if (parsed.is_discarded())
        parsed = value;
    applyOne(*this, key, parsed, "--set " + key + "=" + value);
}

void EditHyperParams::applyJson(const std::string& jsonText, const std::string& sourceName) {
    nlohmann::json root = parseJsonOrDiscarded(jsonText);
    if (root.is_discarded() || !root.is_object())
        throw Error(ErrorKind::File, sourceName + " is not a JSON object of hyperparameters");
    for (const auto& [key, value] : root.items())
        applyOne(*this, key, value, sourceName);
}

std::string EditHyperParams::toJson() const {
    nlohmann::json out = {{"edit_layers", editLayers},
                          {"layers", layers},
                          {"neurons_per_edit", neuronsPerEdit},
                          {"max_steps", maxSteps},
                          {"learning_rate", learningRate},
                          {"activation_margin", activationMargin},
                          {"lambda_activation", lambdaActivation},
                          {"lambda_memory", lambdaMemory},
                          {"memory_margin1", memoryMargin1},
                          {"memory_margin2", memoryMargin2},
                          {"stop_at_accuracy", stopAtAccuracy},
                          {"stop_loss", stopLoss},
                          {"min_steps", minSteps},
                          {"gate_neurons", gateNeurons},
                          {"train_end_of_text", trainEndOfText},
                          {"gate_threshold", gateThreshold},
                          {"gate_temperature", gateTemperature},
                          {"train_on_rephrasings", trainOnRephrasings},
                          {"bank_top_k", bankTopK},
                          {"alpha_mode", alphaModeName(alphaMode)},
                          {"knowledge_rope", knowledgeRope},
                          {"fixed_alpha", fixedAlpha},
                          {"beta", beta},
                          {"ft_steps", ftSteps},
                          {"ft_learning_rate", ftLearningRate},
                          {"ike_demonstrations", ikeDemonstrations},
                          {"seed", seed}};
    return out.dump(2);
}

std::vector<int> EditHyperParams::resolvedLayers(int decoderLayers) const {
    if (!layers.empty())
        return layers;
    std::vector<int> out;
    for (int i = std::max(0, decoderLayers - editLayers); i < decoderLayers; ++i)
        out.push_back(i);
    return out;
}

void EditHyperParams::validate(int decoderLayers) const {
    auto bad = [](const std::string& what) { throw Error(ErrorKind::InvalidInput, what); };
    if (layers.empty() && (editLayers < 1 || editLayers > decoderLayers))
        bad("edit_layers must be between 1 and the model's " + std::to_string(decoderLayers) +
            " decoder layers");
    for (int layer : layers)
        if (layer < 0 || layer >= decoderLayers)
            bad("layer " + std::to_string(layer) + " does not exist; the model has " +
                std::to_string(decoderLayers) + " decoder layers");
    if (neuronsPerEdit < 1 || neuronsPerEdit > 4096)
        bad("neurons_per_edit must be between 1 and 4096");
    if (maxSteps < 1 || ftSteps < 1)
        bad("max_steps and ft_steps must be at least 1");
    if (minSteps < 0 || minSteps > maxSteps)
        bad("min_steps must be between 0 and max_steps");
    if (learningRate <= 0 || ftLearningRate <= 0)
        bad("learning rates must be positive");
    if (gateTemperature <= 0)
        bad("gate_temperature must be positive");
    if (bankTopK < 1)
        bad("bank_top_k must be at least 1");
    if (fixedAlpha < 0 || fixedAlpha > 1)
        bad("fixed_alpha must be between 0 and 1");
}

} // namespace unike::edit
