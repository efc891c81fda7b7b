#pragma once
// A BLIP-2 (OPT) model's Hugging Face config.json as plain structs. Every default equals the
// default of transformers' Blip2VisionConfig, Blip2QFormerConfig, OPTConfig and Blip2Config, so
// a config.json that leaves a field out means what it means to transformers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unike::io {

struct VisionConfig { // Blip2VisionConfig, model_type "blip_2_vision_model"
    int64_t hiddenSize = 1408;
    int64_t intermediateSize = 6144;
    int64_t numHiddenLayers = 39;
    int64_t numAttentionHeads = 16;
    int64_t imageSize = 224;
    int64_t patchSize = 14;
    std::string hiddenAct = "gelu";
    double layerNormEps = 1e-6; // the docstring says 1e-5; the code says 1e-6
    double attentionDropout = 0.0;
    double initializerRange = 1e-10;
    bool qkvBias = true;

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    int64_t numPatches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
};

struct QFormerConfig { // Blip2QFormerConfig, model_type "blip_2_qformer"
    int64_t vocabSize = 30522;
    int64_t hiddenSize = 768;
    int64_t numHiddenLayers = 12;
    int64_t numAttentionHeads = 12;
    int64_t intermediateSize = 3072;
    std::string hiddenAct = "gelu";
    double hiddenDropoutProb = 0.1;
    double attentionProbsDropoutProb = 0.1;
    int64_t maxPositionEmbeddings = 512;
    double initializerRange = 0.02;
    double layerNormEps = 1e-12;
    int64_t padTokenId = 0;
    std::string positionEmbeddingType = "absolute"; // the only kind BLIP-2 uses
    int64_t crossAttentionFrequency = 2;
    // Always the vision hidden size: Blip2Config overwrites whatever the file says.
    int64_t encoderHiddenSize = 1408;
    bool useQformerTextInput = false;

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    bool hasCrossAttention(int64_t layer) const { return layer % crossAttentionFrequency == 0; }
};

struct OptConfig { // OPTConfig, model_type "opt"
    int64_t vocabSize = 50272;
    int64_t hiddenSize = 768; // "hidden_size" (older files: "d_model")
    int64_t numHiddenLayers = 12;
    int64_t ffnDim = 3072;
    int64_t numAttentionHeads = 12;
    int64_t maxPositionEmbeddings = 2048;
    bool doLayerNormBefore = true;
    bool removeFinalLayerNorm = false; // "_remove_final_layer_norm"
    int64_t wordEmbedProjDim = 768;    // hiddenSize when the file has none (or null)
    double dropout = 0.1;
    double attentionDropout = 0.0;
    double layerdrop = 0.0;
    std::string activationFunction = "relu";
    double initStd = 0.02;
    bool enableBias = true;
    bool layerNormElementwiseAffine = true;
    int64_t padTokenId = 1;
    int64_t bosTokenId = 2;
    int64_t eosTokenId = 2;
    bool tieWordEmbeddings = true;

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    // OPT-350m style models project embeddings between wordEmbedProjDim and hiddenSize.
    bool projectsEmbeddings() const { return wordEmbedProjDim != hiddenSize; }
    bool hasFinalLayerNorm() const { return doLayerNormBefore && !removeFinalLayerNorm; }
};

struct Blip2Config { // Blip2Config, model_type "blip-2"
    VisionConfig vision;
    QFormerConfig qformer;
    OptConfig text;
    int64_t numQueryTokens = 32;
    int64_t imageTextHiddenSize = 256;
    // Newer configs put this many placeholder tokens in input_ids; absent in older ones.
    std::optional<int64_t> imageTokenIndex;
    // Derived as transformers derives it: OPT is a causal LM, so always true here.
    bool useDecoderOnlyLanguageModel = true;
    double initializerFactor = 1.0;
    double initializerRange = 0.02;
    // "torch_dtype" (newer files: "dtype"), e.g. "float32"; informative only.
    std::optional<std::string> torchDtype;
};

// Activations the engine implements (names as in transformers' ACT2FN).
const std::vector<std::string>& supportedActivations();

// Parses config.json text. `sourceName` (usually the file path) starts every error message.
// Throws Error(File) for malformed JSON or wrongly typed fields, Error(Unsupported) for a model
// type or activation UniKE does not run, Error(Model) for inconsistent sizes.
Blip2Config parseBlip2Config(const std::string& jsonText, const std::string& sourceName);

// Reads and parses a config.json file. Throws Error(File) when it cannot be read.
Blip2Config loadBlip2Config(const std::string& path);

// A config.json transformers loads as Blip2ForConditionalGeneration (pretty-printed).
std::string toJson(const Blip2Config& config);

} // namespace unike::io
