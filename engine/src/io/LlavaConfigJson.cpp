// Writing LLaVA and LLaMA configs back as config.json text transformers reads.
#include "io/LlavaConfig.h"

#include <nlohmann/json.hpp>

namespace unike::io {
namespace {

using ordered = nlohmann::ordered_json;

ordered clipJson(const ClipVisionConfig& v) {
    return {{"model_type", "clip_vision_model"},
            {"hidden_size", v.hiddenSize},
            {"intermediate_size", v.intermediateSize},
            {"projection_dim", v.projectionDim},
            {"num_hidden_layers", v.numHiddenLayers},
            {"num_attention_heads", v.numAttentionHeads},
            {"num_channels", v.numChannels},
            {"image_size", v.imageSize},
            {"patch_size", v.patchSize},
            {"hidden_act", v.hiddenAct},
            {"layer_norm_eps", v.layerNormEps},
            {"attention_dropout", v.attentionDropout},
            {"initializer_range", v.initializerRange},
            {"initializer_factor", v.initializerFactor}};
}

ordered llamaJson(const LlamaConfig& t) {
    ordered out = {{"model_type", "llama"},
                   {"architectures", ordered::array({"LlamaForCausalLM"})},
                   {"vocab_size", t.vocabSize},
                   {"hidden_size", t.hiddenSize},
                   {"intermediate_size", t.intermediateSize},
                   {"num_hidden_layers", t.numHiddenLayers},
                   {"num_attention_heads", t.numAttentionHeads},
                   {"num_key_value_heads", t.numKeyValueHeads},
                   {"head_dim", t.headDim},
                   {"hidden_act", t.hiddenAct},
                   {"max_position_embeddings", t.maxPositionEmbeddings},
                   {"initializer_range", t.initializerRange},
                   {"rms_norm_eps", t.rmsNormEps},
                   {"bos_token_id", t.bosTokenId},
                   {"eos_token_id", t.eosTokenId},
                   {"tie_word_embeddings", t.tieWordEmbeddings},
                   {"rope_theta", t.ropeTheta},
                   {"attention_bias", t.attentionBias},
                   {"attention_dropout", t.attentionDropout},
                   {"mlp_bias", t.mlpBias}};
    // Exactly {type, factor}: transformers before 4.42 refuses any other key, later ones
    // read "type" as the legacy spelling of "rope_type".
    out["rope_scaling"] = t.ropeScaling.linear()
                              ? ordered{{"type", "linear"}, {"factor", t.ropeScaling.factor}}
                              : ordered();
    if (t.padTokenId)
        out["pad_token_id"] = *t.padTokenId;
    if (t.torchDtype)
        out["torch_dtype"] = *t.torchDtype;
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
    if (c.padTokenId)
        root["pad_token_id"] = *c.padTokenId;
    if (c.torchDtype)
        root["torch_dtype"] = *c.torchDtype;
    root["vision_config"] = clipJson(c.vision);
    root["text_config"] = llamaJson(c.text);
    return root.dump(2) + "\n";
}

std::string toJson(const LlamaConfig& c) {
    return llamaJson(c).dump(2) + "\n";
}

} // namespace unike::io
