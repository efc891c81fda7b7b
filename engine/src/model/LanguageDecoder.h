#pragma once
// What every family's language model (OPT, LLaMA, ...) offers the generator, the
// editors and the analysis: token embeddings, the hidden state entering layer 0,
// and a run over layers [start, end) with the editing hooks, a KV cache and
// captures. Editors reach a layer's FFN only through FfnShape and the hooks.

#include "model/DecoderHooks.h"
#include "model/KvCache.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace unike::model {

struct DecoderRun {
    const DecoderHooks* hooks = nullptr;
    KvCache* cache = nullptr;      // appended to when given
    bool captureHidden = false;    // the hidden state entering each layer
    bool captureFfnInputs = false; // what enters each layer's FFN (after its norm)
    bool captureAttention = false; // each layer's self-attention weights
    int startLayer = 0;            // run layers [startLayer, end) on a given hidden state
    bool computeLogits = true;
};

struct DecoderResult {
    torch::Tensor logits;                    // (B, T, vocab)
    torch::Tensor finalHidden;               // (B, T, D), before lm_head
    std::vector<torch::Tensor> hiddenStates; // per layer, entering it (index = layer)
    std::vector<torch::Tensor> ffnInputs;    // per layer
    std::vector<torch::Tensor> attentions;   // per layer, (B, heads, T, past + T)
};

// How a layer's FFN computes, so that new neurons follow it (METHOD.md §4):
//   plain: down(act(up(x)))             (OPT: fc2(relu(fc1(x))))
//   gated: down(act(gate(x)) * up(x))   (LLaMA: SwiGLU)
struct FfnShape {
    std::string activation; // transformers' name: "relu", "gelu", "silu"
    bool gated = false;
    int64_t width = 0; // the FFN's hidden neurons
};

class LanguageDecoder {
public:
    virtual ~LanguageDecoder() = default;

    virtual int layerCount() const = 0;
    // The width of the hidden states entering each layer and of the FFN input.
    virtual int64_t hiddenSize() const = 0;
    virtual int64_t vocabSize() const = 0;
    virtual FfnShape ffnShape() const = 0;
    // The parameter FT-L trains: the last layer's FFN output weight (fc2, down_proj).
    virtual std::string fineTuneWeightName() const = 0;

    // input_ids (B, T) -> token embeddings. Throws InvalidInput for an id outside the vocabulary.
    virtual torch::Tensor embedTokens(const torch::Tensor& inputIds) const = 0;
    // The hidden state entering layer 0; attentionMask covers past + T tokens.
    virtual torch::Tensor inputHidden(const torch::Tensor& inputsEmbeds,
                                      const torch::Tensor& attentionMask,
                                      int64_t pastLength) const = 0;
    // Runs layers [run.startLayer, end) on `hidden`, then the head.
    virtual DecoderResult run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                              int64_t pastLength, const DecoderRun& run) const = 0;
};

} // namespace unike::model
