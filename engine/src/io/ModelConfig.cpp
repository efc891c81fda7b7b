#include "io/ModelConfig.h"

#include "io/ConfigJson.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

namespace unike::io {
namespace {

using nlohmann::json;

void warnOnSubType(const json& sub, const char* key, const char* expected,
                   const std::string& source) {
    auto it = sub.find("model_type");
    if (it != sub.end() && it->is_string() && *it != expected)
        spdlog::warn("{}: {}.model_type is \"{}\", expected \"{}\"; reading it as {} anyway",
                     source, key, it->get<std::string>(), expected, expected);
}

VisionConfig parseVision(const json& object, const std::string& source) {
    VisionConfig c;
    ConfigFields f(object, "vision_config.", source);
    f.read("hidden_size", c.hiddenSize);
    f.read("intermediate_size", c.intermediateSize);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("num_attention_heads", c.numAttentionHeads);
    readVitFields(f, c, true);
    f.read("qkv_bias", c.qkvBias);
    return c;
}

QFormerConfig parseQFormer(const json& object, const std::string& source) {
    QFormerConfig c;
    ConfigFields f(object, "qformer_config.", source);
    f.read("vocab_size", c.vocabSize);
    f.read("hidden_size", c.hiddenSize);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("num_attention_heads", c.numAttentionHeads);
    f.read("intermediate_size", c.intermediateSize);
    f.read("hidden_act", c.hiddenAct);
    f.read("hidden_dropout_prob", c.hiddenDropoutProb);
    f.read("attention_probs_dropout_prob", c.attentionProbsDropoutProb);
    f.read("max_position_embeddings", c.maxPositionEmbeddings);
    f.read("initializer_range", c.initializerRange);
    f.read("layer_norm_eps", c.layerNormEps);
    f.read("pad_token_id", c.padTokenId);
    f.read("position_embedding_type", c.positionEmbeddingType);
    f.read("cross_attention_frequency", c.crossAttentionFrequency);
    f.read("encoder_hidden_size", c.encoderHiddenSize);
    f.read("use_qformer_text_input", c.useQformerTextInput);
    return c;
}

OptConfig parseOpt(const json& object, const std::string& source) {
    OptConfig c;
    ConfigFields f(object, "text_config.", source);
    f.read("vocab_size", c.vocabSize);
    f.read("d_model", c.hiddenSize); // older OPTConfig's name; "hidden_size" wins
    f.read("hidden_size", c.hiddenSize);
    f.read("num_hidden_layers", c.numHiddenLayers);
    f.read("ffn_dim", c.ffnDim);
    f.read("num_attention_heads", c.numAttentionHeads);
    f.read("max_position_embeddings", c.maxPositionEmbeddings);
    f.read("do_layer_norm_before", c.doLayerNormBefore);
    f.read("_remove_final_layer_norm", c.removeFinalLayerNorm);
    c.wordEmbedProjDim = c.hiddenSize;
    f.read("word_embed_proj_dim", c.wordEmbedProjDim);
    f.read("dropout", c.dropout);
    f.read("attention_dropout", c.attentionDropout);
    f.read("layerdrop", c.layerdrop);
    f.read("activation_function", c.activationFunction);
    f.read("init_std", c.initStd);
    f.read("enable_bias", c.enableBias);
    f.read("layer_norm_elementwise_affine", c.layerNormElementwiseAffine);
    f.read("pad_token_id", c.padTokenId);
    f.read("bos_token_id", c.bosTokenId);
    f.read("eos_token_id", c.eosTokenId);
    f.read("tie_word_embeddings", c.tieWordEmbeddings);
    return c;
}

void validate(const Blip2Config& c, const std::string& source) {
    const VisionConfig& v = c.vision;
    for (auto [field, value] : {std::pair{"hidden_size", v.hiddenSize},
                                {"intermediate_size", v.intermediateSize},
                                {"num_hidden_layers", v.numHiddenLayers},
                                {"num_attention_heads", v.numAttentionHeads},
                                {"image_size", v.imageSize},
                                {"patch_size", v.patchSize}})
        requirePositive(source, std::string("vision_config.") + field, value);
    requirePositive(source, "vision_config.layer_norm_eps", v.layerNormEps);
    requireDivides(source, "vision_config.hidden_size", v.hiddenSize, "num_attention_heads",
                   v.numAttentionHeads);
    requirePatchFits(source, "vision_config.", v.patchSize, v.imageSize);
    requireActivation(source, "vision_config.hidden_act", v.hiddenAct, false);

    const QFormerConfig& q = c.qformer;
    for (auto [field, value] : {std::pair{"vocab_size", q.vocabSize},
                                {"hidden_size", q.hiddenSize},
                                {"num_hidden_layers", q.numHiddenLayers},
                                {"num_attention_heads", q.numAttentionHeads},
                                {"intermediate_size", q.intermediateSize},
                                {"max_position_embeddings", q.maxPositionEmbeddings},
                                {"cross_attention_frequency", q.crossAttentionFrequency}})
        requirePositive(source, std::string("qformer_config.") + field, value);
    requirePositive(source, "qformer_config.layer_norm_eps", q.layerNormEps);
    requireDivides(source, "qformer_config.hidden_size", q.hiddenSize, "num_attention_heads",
                   q.numAttentionHeads);
    requireActivation(source, "qformer_config.hidden_act", q.hiddenAct, false);
    if (q.positionEmbeddingType != "absolute")
        throw Error(ErrorKind::Unsupported, source + ": qformer_config.position_embedding_type \"" +
                                                q.positionEmbeddingType +
                                                "\" is not supported; UniKE runs \"absolute\"");

    const OptConfig& t = c.text;
    for (auto [field, value] : {std::pair{"vocab_size", t.vocabSize},
                                {"hidden_size", t.hiddenSize},
                                {"num_hidden_layers", t.numHiddenLayers},
                                {"ffn_dim", t.ffnDim},
                                {"num_attention_heads", t.numAttentionHeads},
                                {"max_position_embeddings", t.maxPositionEmbeddings},
                                {"word_embed_proj_dim", t.wordEmbedProjDim}})
        requirePositive(source, std::string("text_config.") + field, value);
    requireDivides(source, "text_config.hidden_size", t.hiddenSize, "num_attention_heads",
                   t.numAttentionHeads);
    requireActivation(source, "text_config.activation_function", t.activationFunction, false);

    requirePositive(source, "num_query_tokens", c.numQueryTokens);
    if (c.imageTokenIndex && (*c.imageTokenIndex < 0 || *c.imageTokenIndex >= t.vocabSize))
        throw Error(ErrorKind::Model, source + ": image_token_index " +
                                          std::to_string(*c.imageTokenIndex) +
                                          " is outside the language model's vocabulary (0.." +
                                          std::to_string(t.vocabSize - 1) + "); fix config.json");
}

const char* kSupportedModels = "UniKE supports only BLIP-2 with an OPT language model for now "
                               "(model_type \"blip-2\" with text_config.model_type \"opt\")";

} // namespace

const std::vector<std::string>& supportedActivations() {
    static const std::vector<std::string> names = {"gelu", "gelu_new", "gelu_pytorch_tanh", "relu",
                                                   "silu"};
    return names;
}

Blip2Config parseBlip2Config(const std::string& jsonText, const std::string& sourceName) {
    const json root = parseConfigObject(jsonText, sourceName);
    const std::string type = modelTypeOf(root, sourceName, kSupportedModels);
    if (type != "blip-2")
        throw Error(ErrorKind::Unsupported,
                    sourceName + " describes a \"" + type + "\" model; " + kSupportedModels);

    const json& text = subConfig(root, "text_config", sourceName);
    auto textType = text.find("model_type");
    if (textType != text.end() && !textType->is_null() && *textType != "opt")
        throw Error(ErrorKind::Unsupported,
                    sourceName + ": the language model is \"" +
                        (textType->is_string() ? textType->get<std::string>() : textType->dump()) +
                        "\" (text_config.model_type); " + kSupportedModels);

    const json& vision = subConfig(root, "vision_config", sourceName);
    const json& qformer = subConfig(root, "qformer_config", sourceName);
    warnOnSubType(vision, "vision_config", "blip_2_vision_model", sourceName);
    warnOnSubType(qformer, "qformer_config", "blip_2_qformer", sourceName);

    Blip2Config c;
    c.vision = parseVision(vision, sourceName);
    c.qformer = parseQFormer(qformer, sourceName);
    c.text = parseOpt(text, sourceName);
    // As in Blip2Config.__init__: the Q-Former cross-attends to the vision tower's output.
    c.qformer.encoderHiddenSize = c.vision.hiddenSize;
    c.useDecoderOnlyLanguageModel = true;

    ConfigFields f(root, "", sourceName);
    f.read("num_query_tokens", c.numQueryTokens);
    f.read("image_text_hidden_size", c.imageTextHiddenSize);
    f.read("initializer_factor", c.initializerFactor);
    f.read("initializer_range", c.initializerRange);
    int64_t imageToken = -1;
    if (f.get("image_token_index")) {
        f.read("image_token_index", imageToken);
        c.imageTokenIndex = imageToken;
    } else if (f.get("image_token_id")) { // attribute_map alias in newer transformers
        f.read("image_token_id", imageToken);
        c.imageTokenIndex = imageToken;
    }
    std::string dtype;
    if (f.get("torch_dtype"))
        f.read("torch_dtype", dtype);
    else if (f.get("dtype"))
        f.read("dtype", dtype);
    if (!dtype.empty())
        c.torchDtype = dtype;

    validate(c, sourceName);
    return c;
}

Blip2Config loadBlip2Config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::File,
                    "cannot read " + path + "; check that the model folder has a config.json");
    std::stringstream text;
    text << in.rdbuf();
    return parseBlip2Config(text.str(), path);
}

std::string toJson(const Blip2Config& c) {
    using ordered = nlohmann::ordered_json;
    const VisionConfig& v = c.vision;
    const QFormerConfig& q = c.qformer;
    const OptConfig& t = c.text;

    ordered vision = {{"model_type", "blip_2_vision_model"},
                      {"hidden_size", v.hiddenSize},
                      {"intermediate_size", v.intermediateSize},
                      {"num_hidden_layers", v.numHiddenLayers},
                      {"num_attention_heads", v.numAttentionHeads}};
    putVitFields(vision, v);
    vision["qkv_bias"] = v.qkvBias;
    ordered qformer = {{"model_type", "blip_2_qformer"},
                       {"vocab_size", q.vocabSize},
                       {"hidden_size", q.hiddenSize},
                       {"num_hidden_layers", q.numHiddenLayers},
                       {"num_attention_heads", q.numAttentionHeads},
                       {"intermediate_size", q.intermediateSize},
                       {"hidden_act", q.hiddenAct},
                       {"hidden_dropout_prob", q.hiddenDropoutProb},
                       {"attention_probs_dropout_prob", q.attentionProbsDropoutProb},
                       {"max_position_embeddings", q.maxPositionEmbeddings},
                       {"initializer_range", q.initializerRange},
                       {"layer_norm_eps", q.layerNormEps},
                       {"pad_token_id", q.padTokenId},
                       {"position_embedding_type", q.positionEmbeddingType},
                       {"cross_attention_frequency", q.crossAttentionFrequency},
                       {"encoder_hidden_size", v.hiddenSize},
                       {"use_qformer_text_input", q.useQformerTextInput}};
    ordered text = {{"model_type", "opt"},
                    {"architectures", ordered::array({"OPTForCausalLM"})},
                    {"vocab_size", t.vocabSize},
                    {"hidden_size", t.hiddenSize},
                    {"num_hidden_layers", t.numHiddenLayers},
                    {"ffn_dim", t.ffnDim},
                    {"num_attention_heads", t.numAttentionHeads},
                    {"max_position_embeddings", t.maxPositionEmbeddings},
                    {"do_layer_norm_before", t.doLayerNormBefore},
                    {"_remove_final_layer_norm", t.removeFinalLayerNorm},
                    {"word_embed_proj_dim", t.wordEmbedProjDim},
                    {"dropout", t.dropout},
                    {"attention_dropout", t.attentionDropout},
                    {"layerdrop", t.layerdrop},
                    {"activation_function", t.activationFunction},
                    {"init_std", t.initStd},
                    {"enable_bias", t.enableBias},
                    {"layer_norm_elementwise_affine", t.layerNormElementwiseAffine},
                    {"pad_token_id", t.padTokenId},
                    {"bos_token_id", t.bosTokenId},
                    {"eos_token_id", t.eosTokenId},
                    {"tie_word_embeddings", t.tieWordEmbeddings}};

    ordered root = {{"model_type", "blip-2"},
                    {"architectures", ordered::array({"Blip2ForConditionalGeneration"})},
                    {"num_query_tokens", c.numQueryTokens},
                    {"image_text_hidden_size", c.imageTextHiddenSize},
                    {"use_decoder_only_language_model", c.useDecoderOnlyLanguageModel},
                    {"initializer_factor", c.initializerFactor},
                    {"initializer_range", c.initializerRange},
                    {"tie_word_embeddings", t.tieWordEmbeddings}};
    putIfSet(root, "image_token_index", c.imageTokenIndex);
    putIfSet(root, "torch_dtype", c.torchDtype);
    root["vision_config"] = vision;
    root["qformer_config"] = qformer;
    root["text_config"] = text;
    return configText(root);
}

} // namespace unike::io
