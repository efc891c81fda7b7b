#pragma once
// The OPT causal language model (OPTForCausalLM) as BLIP-2 uses it: token and
// learned position embeddings (offset 2, computed from the attention mask),
// optional project_in/project_out, the decoder layers, final_layer_norm, and an
// lm_head tied to the token embeddings.

#include "io/ModelConfig.h"
#include "model/DecoderHooks.h"
#include "model/KvCache.h"
#include "model/OptDecoderLayer.h"

#include <vector>

namespace unike::model {

struct DecoderRun {
    const DecoderHooks* hooks = nullptr;
    KvCache* cache = nullptr;      // appended to when given
    bool captureHidden = false;    // the hidden state entering each layer
    bool captureFfnInputs = false; // what enters each layer's fc1
    bool captureAttention = false; // each layer's self-attention weights
    int startLayer = 0;            // run layers [startLayer, end) on a given hidden state
    bool computeLogits = true;
};

struct DecoderResult {
    torch::Tensor logits;                    // (B, T, vocab)
    torch::Tensor finalHidden;               // (B, T, word_embed_proj_dim), before lm_head
    std::vector<torch::Tensor> hiddenStates; // per layer, entering it (index = layer)
    std::vector<torch::Tensor> ffnInputs;    // per layer
    std::vector<torch::Tensor> attentions;   // per layer, (B, heads, T, past + T)
};

class OptDecoder {
public:
    OptDecoder() = default;
    OptDecoder(const io::OptConfig& config, ParameterStore& store, double initStd);

    const io::OptConfig& config() const { return config_; }
    int layerCount() const { return int(layers_.size()); }
    const OptDecoderLayer& layer(int i) const { return layers_.at(size_t(i)); }

    // input_ids (B, T) -> token embeddings (B, T, word_embed_proj_dim).
    torch::Tensor embedTokens(const torch::Tensor& inputIds) const;
    // The hidden state entering layer 0: project_in(embeds) + positions.
    // attentionMask covers past + T tokens.
    torch::Tensor inputHidden(const torch::Tensor& inputsEmbeds, const torch::Tensor& attentionMask,
                              int64_t pastLength) const;
    // Runs layers [run.startLayer, end) on `hidden`, then the head.
    DecoderResult run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                      int64_t pastLength, const DecoderRun& run) const;
    torch::Tensor head(const torch::Tensor& lastHidden) const; // final norm, project_out, lm_head

    // The causal + padding mask as an additive (B, 1, T, past + T) tensor.
    static torch::Tensor additiveMask(const torch::Tensor& attentionMask, int64_t queryLength,
                                      int64_t pastLength, torch::ScalarType dtype);

private:
    io::OptConfig config_;
    torch::Tensor embedTokens_;     // (vocab, word_embed_proj_dim)
    torch::Tensor embedPositions_;  // (max_positions + 2, hidden)
    Linear projectIn_, projectOut_; // undefined weights when not used
    std::vector<OptDecoderLayer> layers_;
    LayerNorm finalNorm_;
    bool hasFinalNorm_ = false;
    torch::Tensor lmHead_; // tied to embedTokens_ unless the config unties it
};

} // namespace unike::model
