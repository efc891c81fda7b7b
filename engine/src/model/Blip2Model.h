#pragma once
// BLIP-2 with an OPT decoder (Blip2ForConditionalGeneration): vision tower ->
// Q-Former -> language_projection -> prepended to the OPT token embeddings.
// Loaded once, then shared read-only; edits reach inside through DecoderHooks.

#include "io/ModelConfig.h"
#include "model/DecoderHooks.h"
#include "model/OptDecoder.h"
#include "model/ParameterStore.h"
#include "model/QFormer.h"
#include "model/VisionTransformer.h"

#include <memory>
#include <string>

namespace unike::model {

struct ForwardInput {
    torch::Tensor pixelValues;   // (B, 3, H, W); undefined for a text-only forward
    torch::Tensor imagePrefix;   // or the projected query outputs, (B, Q, D), precomputed
    torch::Tensor inputIds;      // (B, T), with BOS
    torch::Tensor attentionMask; // (B, T); undefined: all ones
    // (B) bool: rows whose image prefix counts. A row with false attends to no
    // prefix and its positions start after it, which equals a text-only forward;
    // lets one batch mix image and text-only samples. Undefined: all rows.
    torch::Tensor rowHasImage;
};

struct ForwardOptions {
    const DecoderHooks* hooks = nullptr;
    bool captureHidden = false;
    bool captureFfnInputs = false;
    bool captureAttention = false; // each decoder layer's self-attention weights
};

struct ForwardResult {
    torch::Tensor logits;        // (B, prefix + T, vocab), as transformers returns them
    torch::Tensor attentionMask; // (B, prefix + T)
    int64_t prefixLength = 0;    // image query tokens in front of the text (0 text-only)
    std::vector<torch::Tensor> hiddenStates; // entering each decoder layer
    std::vector<torch::Tensor> ffnInputs;
    std::vector<torch::Tensor> attentions; // per decoder layer, (B, heads, prefix + T, same)
};

// The decoder's input for one batch: embeddings with the image prefix in place.
struct DecoderInput {
    torch::Tensor inputsEmbeds;  // (B, prefix + T, word_embed_proj_dim)
    torch::Tensor attentionMask; // (B, prefix + T)
    int64_t prefixLength = 0;
};

class Blip2Model {
public:
    // A model with transformers-style random initialisation (tests, training).
    static std::shared_ptr<Blip2Model> createRandom(const io::Blip2Config& config, uint64_t seed);
    // A model whose weights are allocated but not initialised (for loading).
    static std::shared_ptr<Blip2Model> createEmpty(const io::Blip2Config& config);

    const io::Blip2Config& config() const { return config_; }
    ParameterStore& parameters() { return store_; }
    const ParameterStore& parameters() const { return store_; }
    const OptDecoder& decoder() const { return decoder_; }
    torch::Device device() const;
    torch::ScalarType dtype() const;
    void to(torch::Device device, torch::ScalarType dtype) { store_.convert(device, dtype); }

    // pixel_values -> projected query outputs (B, num_query_tokens, word_embed_proj_dim).
    torch::Tensor imagePrefix(const torch::Tensor& pixelValues) const;
    // Builds the decoder input: the image prefix prepended to (or, with
    // image_token_index, scattered into) the token embeddings.
    DecoderInput prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                         const torch::Tensor& attentionMask,
                         const torch::Tensor& rowHasImage = torch::Tensor()) const;
    // The teacher-forced forward of transformers' Blip2ForConditionalGeneration.
    ForwardResult forward(const ForwardInput& input, const ForwardOptions& options = {}) const;

private:
    explicit Blip2Model(const io::Blip2Config& config, double initStd);

    io::Blip2Config config_;
    ParameterStore store_;
    VisionTransformer vision_;
    QFormer qformer_;
    Linear languageProjection_;
    OptDecoder decoder_;
};

} // namespace unike::model
