#pragma once
// LLaVA-1.5 (CLIP vision tower + LLaMA) and bare LLaMA config.json files as plain structs.
// Every default equals the default of transformers' CLIPVisionConfig, LlamaConfig and
// LlavaConfig, so a field a config.json leaves out means what it means to transformers.
// Torch-free.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unike::io {

struct ClipVisionConfig { // CLIPVisionConfig, model_type "clip_vision_model"
    int64_t hiddenSize = 768;
    int64_t intermediateSize = 3072;
    int64_t projectionDim = 512; // CLIP's pooled projection; unused by LLaVA, kept for toJson
    int64_t numHiddenLayers = 12;
    int64_t numAttentionHeads = 12;
    int64_t numChannels = 3;
    int64_t imageSize = 224;
    int64_t patchSize = 32;
    std::string hiddenAct = "quick_gelu";
    double layerNormEps = 1e-5;
    double attentionDropout = 0.0;
    double initializerRange = 0.02;
    double initializerFactor = 1.0;

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    int64_t patchesPerSide() const { return imageSize / patchSize; }
    int64_t numPatches() const { return patchesPerSide() * patchesPerSide(); }
};

// RoPE scaling: transformers' rope_scaling ({"type" or "rope_type", "factor"}). Only the
// "linear" kind (positions divided by the factor) is supported; "default" means none.
struct RopeScaling {
    std::string type = "default";
    double factor = 1.0;

    bool linear() const { return type == "linear"; }
};

struct LlamaConfig { // LlamaConfig, model_type "llama"
    int64_t vocabSize = 32000;
    int64_t hiddenSize = 4096;
    int64_t intermediateSize = 11008;
    int64_t numHiddenLayers = 32;
    int64_t numAttentionHeads = 32;
    int64_t numKeyValueHeads = 32; // num_attention_heads when absent
    int64_t headDim = 128;         // hidden_size / num_attention_heads when absent
    std::string hiddenAct = "silu";
    int64_t maxPositionEmbeddings = 2048;
    double initializerRange = 0.02;
    double rmsNormEps = 1e-6;
    std::optional<int64_t> padTokenId;
    int64_t bosTokenId = 1;
    int64_t eosTokenId = 2; // the first one when the file gives a list
    bool tieWordEmbeddings = false;
    double ropeTheta = 10000.0;
    RopeScaling ropeScaling;
    bool attentionBias = false;
    double attentionDropout = 0.0;
    bool mlpBias = false;
    std::optional<std::string> torchDtype;

    int64_t kvGroups() const { return numAttentionHeads / numKeyValueHeads; }
    // vocab_size through head_dim under their config.json names, in the file's order: one list
    // for the parser's positivity checks and for toJson.
    std::vector<std::pair<const char*, int64_t>> sizeFields() const;
};

struct LlavaConfig { // LlavaConfig, model_type "llava"
    // LlavaConfig's own vision default (CLIP ViT-L/14-336) when vision_config is absent.
    ClipVisionConfig vision = llava15Vision();
    LlamaConfig text;
    int64_t imageTokenIndex = 32000;
    std::string projectorHiddenAct = "gelu";
    std::string visionFeatureSelectStrategy = "default"; // or "full" (keeps CLS)
    // Indices into CLIP's hidden states (embeddings output first); negative from the end.
    std::vector<int64_t> visionFeatureLayers = {-2};
    bool visionFeatureLayerIsList = false; // the file gave a list: features are concatenated
    int64_t imageSeqLength = 576;
    bool multimodalProjectorBias = true;
    bool tieWordEmbeddings = false; // top-level; the model ties when this or the text's is set
    std::optional<int64_t> padTokenId;
    std::optional<std::string> torchDtype;

    static ClipVisionConfig llava15Vision();
    bool tiesEmbeddings() const { return tieWordEmbeddings || text.tieWordEmbeddings; }
    // Visual tokens per image: the patches, plus CLS with the "full" strategy.
    int64_t visualTokenCount() const {
        return vision.numPatches() + (visionFeatureSelectStrategy == "full" ? 1 : 0);
    }
    // visionFeatureLayers as indices into the (layers + 1) hidden states.
    std::vector<int64_t> featureLayerIndices() const;
};

// Parses a config.json of model_type "llava". `sourceName` (usually the file path) starts
// every error message. Throws Error(File) for malformed JSON or wrongly typed fields,
// Error(Unsupported) for a model type, RoPE scaling or activation UniKE does not run,
// Error(Model) for inconsistent sizes.
LlavaConfig parseLlavaConfig(const std::string& jsonText, const std::string& sourceName);

// Parses a config.json of model_type "llama" (LlamaForCausalLM); same errors.
LlamaConfig parseLlamaConfig(const std::string& jsonText, const std::string& sourceName);

// config.json text that transformers reads back as LlavaForConditionalGeneration /
// LlamaForCausalLM (pretty-printed).
std::string toJson(const LlavaConfig& config);
std::string toJson(const LlamaConfig& config);

} // namespace unike::io
