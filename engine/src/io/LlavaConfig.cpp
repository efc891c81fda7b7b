#include "io/LlavaConfig.h"

#include "io/ConfigJson.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

namespace unike::io {
namespace {

using nlohmann::json;

// transformers builds a sub-config from CONFIG_MAPPING[model_type]; any type but the one
// this engine implements would be another architecture.
void requireSubType(const json& sub, const std::string& field, const char* expected,
                    const char* what, const std::string& source) {
    auto it = sub.find("model_type");
    if (it == sub.end() || it->is_null() || *it == expected)
        return;
    throw Error(ErrorKind::Unsupported,
                source + ": " + field + ".model_type is \"" +
                    (it->is_string() ? it->get<std::string>() : it->dump()) + "\"; UniKE runs " +
                    what + " here (\"" + expected + "\")");
}

ClipVisionConfig parseClip(const json& object, ClipVisionConfig c, const std::string& source) {
    ConfigFields f(object, "vision_config.", source);
    f.read("hidden_size", c.hiddenSize);
    f.read("intermediate_size", c.intermediateSize);
    f.read("projection_dim", c.projectionDim);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("num_attention_heads", c.numAttentionHeads);
    f.read("num_channels", c.numChannels);
    readVitFields(f, c, false);
    f.read("initializer_factor", c.initializerFactor);
    return c;
}

// rope_scaling ({"type"|"rope_type", "factor"}) and transformers 5's rope_parameters
// ({"rope_type", "rope_theta", "factor"}).
void parseRope(const json& object, const std::string& prefix, LlamaConfig& c,
               const std::string& source) {
    ConfigFields f(object, prefix, source);
    f.read("rope_theta", c.ropeTheta);
    for (const char* key : {"rope_scaling", "rope_parameters"}) {
        const json* v = f.get(key);
        if (!v)
            continue;
        if (!v->is_object())
            throw f.bad(key, "a JSON object or null", *v);
        ConfigFields rope(*v, prefix + key + ".", source);
        std::string type = "default";
        rope.read("type", type);
        rope.read("rope_type", type);
        rope.read("rope_theta", c.ropeTheta);
        if (type == "default")
            continue;
        if (type != "linear")
            throw Error(ErrorKind::Unsupported,
                        source + ": " + prefix + key + " asks for \"" + type +
                            "\" RoPE scaling; UniKE implements only \"linear\" (or none)");
        if (!rope.has("factor"))
            throw Error(ErrorKind::Model, source + ": " + prefix + key +
                                              " is linear but gives no factor; fix config.json");
        c.ropeScaling.type = type;
        rope.read("factor", c.ropeScaling.factor);
    }
}

LlamaConfig parseLlama(const json& object, const std::string& prefix, const std::string& source) {
    LlamaConfig c;
    ConfigFields f(object, prefix, source);
    f.read("vocab_size", c.vocabSize);
    f.read("hidden_size", c.hiddenSize);
    f.read("intermediate_size", c.intermediateSize);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("num_attention_heads", c.numAttentionHeads);
    // LlamaConfig.__post_init__: kv heads default to the heads, head_dim to hidden / heads.
    c.numKeyValueHeads = c.numAttentionHeads;
    f.read("num_key_value_heads", c.numKeyValueHeads);
    c.headDim = c.numAttentionHeads > 0 ? c.hiddenSize / c.numAttentionHeads : 0;
    f.read("head_dim", c.headDim);
    f.read("hidden_act", c.hiddenAct);
    f.read("max_position_embeddings", c.maxPositionEmbeddings);
    f.read("initializer_range", c.initializerRange);
    f.read("rms_norm_eps", c.rmsNormEps);
    f.read("pad_token_id", c.padTokenId);
    f.read("bos_token_id", c.bosTokenId);
    f.readFirst("eos_token_id", c.eosTokenId);
    f.read("tie_word_embeddings", c.tieWordEmbeddings);
    f.read("attention_bias", c.attentionBias);
    f.read("attention_dropout", c.attentionDropout);
    f.read("mlp_bias", c.mlpBias);
    if (f.has("torch_dtype"))
        f.read("torch_dtype", c.torchDtype);
    else
        f.read("dtype", c.torchDtype);
    parseRope(object, prefix, c, source);
    return c;
}

void validateClip(const ClipVisionConfig& v, const std::string& source) {
    const std::string p = "vision_config.";
    for (auto [field, value] : {std::pair{"hidden_size", v.hiddenSize},
                                {"intermediate_size", v.intermediateSize},
                                {"num_hidden_layers", v.numHiddenLayers},
                                {"num_attention_heads", v.numAttentionHeads},
                                {"num_channels", v.numChannels},
                                {"image_size", v.imageSize},
                                {"patch_size", v.patchSize}})
        requirePositive(source, p + field, value);
    requirePositive(source, p + "layer_norm_eps", v.layerNormEps);
    requireDivides(source, p + "hidden_size", v.hiddenSize, "num_attention_heads",
                   v.numAttentionHeads);
    requirePatchFits(source, p, v.patchSize, v.imageSize);
    requireActivation(source, p + "hidden_act", v.hiddenAct, true);
}

void validateLlama(const LlamaConfig& t, const std::string& prefix, const std::string& source) {
    for (auto [field, value] : t.sizeFields())
        requirePositive(source, prefix + field, value);
    requirePositive(source, prefix + "max_position_embeddings", t.maxPositionEmbeddings);
    requirePositive(source, prefix + "rms_norm_eps", t.rmsNormEps);
    requirePositive(source, prefix + "rope_theta", t.ropeTheta);
    requirePositive(source, prefix + "rope_scaling.factor", t.ropeScaling.factor);
    // LlamaConfig.validate_architecture demands this even when head_dim is given.
    requireDivides(source, prefix + "hidden_size", t.hiddenSize, "num_attention_heads",
                   t.numAttentionHeads);
    // Grouped-query attention: each key/value head serves heads / kv_heads query heads.
    requireDivides(source, prefix + "num_attention_heads", t.numAttentionHeads,
                   "num_key_value_heads", t.numKeyValueHeads);
    if (t.headDim % 2 != 0)
        throw Error(ErrorKind::Model, source + ": " + prefix + "head_dim " +
                                          std::to_string(t.headDim) +
                                          " is odd, but rotary embeddings rotate pairs of "
                                          "dimensions; fix config.json");
    requireActivation(source, prefix + "hidden_act", t.hiddenAct, false);
}

void validateLlava(const LlavaConfig& c, const std::string& source) {
    validateClip(c.vision, source);
    validateLlama(c.text, "text_config.", source);
    if (c.visionFeatureSelectStrategy != "default" && c.visionFeatureSelectStrategy != "full")
        throw Error(ErrorKind::Unsupported, source + ": vision_feature_select_strategy \"" +
                                                c.visionFeatureSelectStrategy +
                                                "\" is unknown; use \"default\" or \"full\"");
    const int64_t states = c.vision.numHiddenLayers + 1;
    for (int64_t layer : c.visionFeatureLayers)
        if (layer < -states || layer >= states)
            throw Error(ErrorKind::Model,
                        source + ": vision_feature_layer " + std::to_string(layer) +
                            " is outside the vision tower's " + std::to_string(states) +
                            " hidden states (" + std::to_string(-states) + ".." +
                            std::to_string(states - 1) + "); fix config.json");
    if (c.visionFeatureLayers.empty())
        throw Error(ErrorKind::Model,
                    source + ": vision_feature_layer is an empty list; fix config.json");
    requireActivation(source, "projector_hidden_act", c.projectorHiddenAct, false);
    if (c.imageTokenIndex < 0)
        throw Error(ErrorKind::Model, source + ": image_token_index " +
                                          std::to_string(c.imageTokenIndex) +
                                          " is negative; fix config.json");
}

std::string typeOf(const json& root, const std::string& source, const char* expected) {
    auto type = root.find("model_type");
    if (type == root.end() || !type->is_string())
        throw Error(ErrorKind::Unsupported,
                    source + " has no \"model_type\"; expected \"" + expected + "\"");
    return type->get<std::string>();
}

} // namespace

ClipVisionConfig LlavaConfig::llava15Vision() {
    ClipVisionConfig v; // LlavaConfig.__init__'s vision default, CLIP ViT-L/14 at 336 px
    v.intermediateSize = 4096;
    v.hiddenSize = 1024;
    v.patchSize = 14;
    v.imageSize = 336;
    v.numHiddenLayers = 24;
    v.numAttentionHeads = 16;
    v.projectionDim = 768;
    return v;
}

std::vector<std::pair<const char*, int64_t>> LlamaConfig::sizeFields() const {
    return {{"vocab_size", vocabSize},
            {"hidden_size", hiddenSize},
            {"intermediate_size", intermediateSize},
            {"num_hidden_layers", numHiddenLayers},
            {"num_attention_heads", numAttentionHeads},
            {"num_key_value_heads", numKeyValueHeads},
            {"head_dim", headDim}};
}

std::vector<int64_t> LlavaConfig::featureLayerIndices() const {
    std::vector<int64_t> out;
    const int64_t states = vision.numHiddenLayers + 1; // embeddings output + every layer's
    for (int64_t layer : visionFeatureLayers)
        out.push_back(layer < 0 ? states + layer : layer);
    return out;
}

LlavaConfig parseLlavaConfig(const std::string& jsonText, const std::string& sourceName) {
    const json root = parseConfigObject(jsonText, sourceName);
    const std::string type = typeOf(root, sourceName, "llava");
    if (type != "llava")
        throw Error(ErrorKind::Unsupported,
                    sourceName + " describes a \"" + type + "\" model, not \"llava\"");
    LlavaConfig c;
    const json& vision = subConfig(root, "vision_config", sourceName);
    const json& text = subConfig(root, "text_config", sourceName);
    requireSubType(vision, "vision_config", "clip_vision_model", "a CLIP vision tower", sourceName);
    requireSubType(text, "text_config", "llama", "a LLaMA language model", sourceName);
    // A vision_config dict starts from CLIPVisionConfig's defaults, not LLaVA's 336 px ones.
    if (root.contains("vision_config") && !root["vision_config"].is_null())
        c.vision = parseClip(vision, ClipVisionConfig(), sourceName);
    c.text = parseLlama(text, "text_config.", sourceName);

    ConfigFields f(root, "", sourceName);
    if (f.has("image_token_index"))
        f.read("image_token_index", c.imageTokenIndex);
    else
        f.read("image_token_id", c.imageTokenIndex); // attribute_map alias
    f.read("projector_hidden_act", c.projectorHiddenAct);
    f.read("vision_feature_select_strategy", c.visionFeatureSelectStrategy);
    if (const json* layer = f.get("vision_feature_layer")) {
        if (layer->is_array()) {
            c.visionFeatureLayerIsList = true;
            c.visionFeatureLayers.clear();
            for (const json& item : *layer) {
                if (!item.is_number_integer())
                    throw f.bad("vision_feature_layer", "an integer or a list of integers", *layer);
                c.visionFeatureLayers.push_back(item.get<int64_t>());
            }
        } else {
            int64_t single = -2;
            f.read("vision_feature_layer", single);
            c.visionFeatureLayers = {single};
        }
    }
    f.read("image_seq_length", c.imageSeqLength);
    f.read("multimodal_projector_bias", c.multimodalProjectorBias);
    f.read("tie_word_embeddings", c.tieWordEmbeddings);
    f.read("pad_token_id", c.padTokenId);
    if (f.has("torch_dtype"))
        f.read("torch_dtype", c.torchDtype);
    else
        f.read("dtype", c.torchDtype);
    validateLlava(c, sourceName);
    return c;
}

LlamaConfig parseLlamaConfig(const std::string& jsonText, const std::string& sourceName) {
    const json root = parseConfigObject(jsonText, sourceName);
    const std::string type = typeOf(root, sourceName, "llama");
    if (type != "llama")
        throw Error(ErrorKind::Unsupported,
                    sourceName + " describes a \"" + type + "\" model, not \"llama\"");
    LlamaConfig c = parseLlama(root, "", sourceName);
    validateLlama(c, "", sourceName);
    return c;
}

} // namespace unike::io
