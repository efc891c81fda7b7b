#include "io/LlavaConfig.h"

#include "io/ModelConfig.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace unike::io {
namespace {

using nlohmann::json;

// Reads typed fields of one (sub)config object. A missing or null field keeps its default,
// as a missing keyword argument does in transformers.
class Fields {
public:
    Fields(const json& object, std::string prefix, const std::string& source)
        : object_(object)
        , prefix_(std::move(prefix))
        , source_(source) {}

    const json* get(const char* key) const {
        auto it = object_.find(key);
        return it == object_.end() || it->is_null() ? nullptr : &*it;
    }
    bool has(const char* key) const { return get(key) != nullptr; }

    void read(const char* key, int64_t& out) const {
        if (const json* v = get(key))
            out = integer(key, *v);
    }
    void read(const char* key, std::optional<int64_t>& out) const {
        if (const json* v = get(key))
            out = integer(key, *v);
    }
    void read(const char* key, double& out) const {
        if (const json* v = get(key)) {
            if (!v->is_number())
                throw bad(key, "a number", *v);
            out = v->get<double>();
        }
    }
    void read(const char* key, bool& out) const {
        if (const json* v = get(key)) {
            if (!v->is_boolean())
                throw bad(key, "true or false", *v);
            out = v->get<bool>();
        }
    }
    void read(const char* key, std::string& out) const {
        if (const json* v = get(key)) {
            if (!v->is_string())
                throw bad(key, "a string", *v);
            out = v->get<std::string>();
        }
    }
    void read(const char* key, std::optional<std::string>& out) const {
        std::string value;
        read(key, value);
        if (has(key))
            out = value;
    }
    // eos_token_id may be a list in generation-era configs; the first id is the one to stop on.
    void readFirst(const char* key, int64_t& out) const {
        const json* v = get(key);
        if (v && v->is_array()) {
            if (v->empty())
                throw bad(key, "an integer or a non-empty list of integers", *v);
            out = integer(key, v->front());
            return;
        }
        read(key, out);
    }
    // "image_size" and "patch_size" may be [n, n] in newer files.
    void readSquare(const char* key, int64_t& out) const {
        const json* v = get(key);
        if (v && v->is_array()) {
            if (v->size() != 2 || (*v)[0] != (*v)[1])
                throw Error(ErrorKind::Unsupported,
                            source_ + ": " + name(key) + " is " + v->dump() +
                                "; UniKE supports only square sizes (one integer or [n, n])");
            out = integer(key, (*v)[0]);
            return;
        }
        read(key, out);
    }

    std::string name(const char* key) const { return prefix_ + key; }
    Error bad(const char* key, const char* expected, const json& value) const {
        return Error(ErrorKind::File, source_ + ": " + name(key) + " must be " + expected +
                                          ", not " + value.dump() + "; fix config.json");
    }

private:
    int64_t integer(const char* key, const json& v) const {
        if (!v.is_number_integer() ||
            (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)))
            throw bad(key, "an integer", v);
        return v.get<int64_t>();
    }

    const json& object_;
    std::string prefix_;
    const std::string& source_;
};

json parseRoot(const std::string& text, const std::string& source) {
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
    Fields f(object, "vision_config.", source);
    f.read("hidden_size", c.hiddenSize);
    f.read("intermediate_size", c.intermediateSize);
    f.read("projection_dim", c.projectionDim);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("num_attention_heads", c.numAttentionHeads);
    f.read("num_channels", c.numChannels);
    f.readSquare("image_size", c.imageSize);
    f.readSquare("patch_size", c.patchSize);
    f.read("hidden_act", c.hiddenAct);
    f.read("layer_norm_eps", c.layerNormEps);
    f.read("attention_dropout", c.attentionDropout);
    f.read("initializer_range", c.initializerRange);
    f.read("initializer_factor", c.initializerFactor);
    return c;
}

// rope_scaling ({"type"|"rope_type", "factor"}) and transformers 5's rope_parameters
// ({"rope_type", "rope_theta", "factor"}).
void parseRope(const json& object, const std::string& prefix, LlamaConfig& c,
               const std::string& source) {
    Fields f(object, prefix, source);
    f.read("rope_theta", c.ropeTheta);
    for (const char* key : {"rope_scaling", "rope_parameters"}) {
        const json* v = f.get(key);
        if (!v)
            continue;
        if (!v->is_object())
            throw f.bad(key, "a JSON object or null", *v);
        Fields rope(*v, prefix + key + ".", source);
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
    Fields f(object, prefix, source);
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
    if (v.patchSize > v.imageSize)
        throw Error(ErrorKind::Model, source + ": " + p + "patch_size " +
                                          std::to_string(v.patchSize) +
                                          " is larger than image_size " +
                                          std::to_string(v.imageSize) + "; fix config.json");
    requireActivation(source, p + "hidden_act", v.hiddenAct, true);
}

void validateLlama(const LlamaConfig& t, const std::string& prefix, const std::string& source) {
    for (auto [field, value] : {std::pair{"vocab_size", t.vocabSize},
                                {"hidden_size", t.hiddenSize},
                                {"intermediate_size", t.intermediateSize},
                                {"num_hidden_layers", t.numHiddenLayers},
                                {"num_attention_heads", t.numAttentionHeads},
                                {"num_key_value_heads", t.numKeyValueHeads},
                                {"head_dim", t.headDim},
                                {"max_position_embeddings", t.maxPositionEmbeddings}})
        requirePositive(source, prefix + field, value);
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

std::vector<int64_t> LlavaConfig::featureLayerIndices() const {
    std::vector<int64_t> out;
    const int64_t states = vision.numHiddenLayers + 1; // embeddings output + every layer's
    for (int64_t layer : visionFeatureLayers)
        out.push_back(layer < 0 ? states + layer : layer);
    return out;
}

LlavaConfig parseLlavaConfig(const std::string& jsonText, const std::string& sourceName) {
    const json root = parseRoot(jsonText, sourceName);
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

    Fields f(root, "", sourceName);
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
    const json root = parseRoot(jsonText, sourceName);
    const std::string type = typeOf(root, sourceName, "llama");
    if (type != "llama")
        throw Error(ErrorKind::Unsupported,
                    sourceName + " describes a \"" + type + "\" model, not \"llama\"");
    LlamaConfig c = parseLlama(root, "", sourceName);
    validateLlama(c, "", sourceName);
    return c;
}

} // namespace unike::io
