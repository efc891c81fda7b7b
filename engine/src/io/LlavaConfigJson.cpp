// Writing LLaVA and LLaMA configs back as config.json text transformers reads.
#include "io/ConfigJson.h"
#include "io/LlavaConfig.h"

#include <nlohmann/json.hpp>

namespace unike::io {
namespace {

using ordered = nlohmann::ordered_json;

ordered clipJson(const ClipVisionConfig& v) {
    ordered out = {{"model_type", "clip_vision_model"},
                   {"hidden_size", v.hiddenSize},
                   {"intermediate_size", v.intermediateSize},
                   {"projection_dim", v.projectionDim},
                   {"num_hidden_layers", v.numHiddenLayers},
                   {"num_attention_heads", v.numAttentionHeads},
                   {"num_channels", v.numChannels}};
    putVitFields(out, v);
    out["initializer_factor"] = v.initializerFactor;
    return out;
}

ordered llamaJson(const LlamaConfig& t) {
    ordered out = {{"model_type", "llama"},
                   {"architectures", ordered::array({"LlamaForCausalLM"})}};
    for (auto [key, size] : t.sizeFields())
        out[key] = size;
    out["hidden_act"] = t.hiddenAct;
    out["max_position_embeddings"] = t.maxPositionEmbeddings;
    out["initializer_range"] = t.initializerRange;
    out["rms_norm_eps"] = t.rmsNormEps;
    out["bos_token_id"] = t.bosTokenId;
    out["eos_token_id"] = t.eosTokenId;
    out["tie_word_embeddings"] = t.tieWordEmbeddings;
    out["rope_theta"] = t.ropeTheta;
    out["attention_bias"] = t.attentionBias;
    out["attention_dropout"] = t.attentionDropout;
    out["mlp_bias"] = t.mlpBias;
    // Exactly {type, factor}: transformers before 4.42 refuses any other key, later ones
    // read "type" as the legacy spelling of "rope_type".
    out["rope_scaling"] = t.ropeScaling.linear()
                              ? ordered{{"type", "linear"}, {"factor", t.ropeScaling.factor}}
                              : ordered();
    putIfSet(out, "pad_token_id", t.padTokenId);
    putIfSet(out, "torch_dtype", t.torchDtype);
    return out;
}

} // namespace

std::string toJson(const LlavaConfig& c) {
    ordered root = {{"model_type", "llava"},
                    {"architectures", ordered::array({"LlavaForConditionalGeneration"})},
                    {"image_token_index", c.imageTokenIndex},
                    {"projector_hidden_act", c.projectorHiddenAct},
                    {"vision_feature_select_strategy", c.visionFeatureSelectStrategy}};
    if (c.visionFeatureLayerIsList)
        root["vision_feature_layer"] = c.visionFeatureLayers;
    else
        root["vision_feature_layer"] = c.visionFeatureLayers.front();
    root["image_seq_length"] = c.imageSeqLength;
    root["multimodal_projector_bias"] = c.multimodalProjectorBias;
    root["tie_word_embeddings"] = c.tieWordEmbeddings;
    putIfSet(root, "pad_token_id", c.padTokenId);
    putIfSet(root, "torch_dtype", c.torchDtype);
    root["vision_config"] = clipJson(c.vision);
    root["text_config"] = llamaJson(c.text);
    return configText(root);
}

std::string toJson(const LlamaConfig& c) {
    return configText(llamaJson(c));
}

} // namespace unike::io
