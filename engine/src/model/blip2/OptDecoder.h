#pragma once
// The OPT causal language model (OPTForCausalLM) as BLIP-2 uses it: token and
// learned position embeddings (offset 2, computed from the attention mask),
// optional project_in/project_out, the decoder layers, final_layer_norm, and an
// lm_head tied to the token embeddings.

#include "io/ModelConfig.h"
#include "model/LanguageDecoder.h"
#include "model/blip2/OptDecoderLayer.h"

#include <vector>

namespace unike::model {

class OptDecoder : public LanguageDecoder {
public:
    OptDecoder() = default;
    OptDecoder(const io::OptConfig& config, ParameterStore& store, double initStd);

    const io::OptConfig& config() const { return config_; }
    int layerCount() const override { return int(layers_.size()); }
    int64_t hiddenSize() const override { return config_.hiddenSize; }
    int64_t vocabSize() const override { return embedTokens_.size(0); }
    FfnShape ffnShape() const override {
        return {config_.activationFunction, false, config_.ffnDim};
    }
    std::string fineTuneWeightName() const override;
    const OptDecoderLayer& layer(int i) const { return layers_.at(size_t(i)); }

    // input_ids (B, T) -> token embeddings (B, T, word_embed_proj_dim).
    torch::Tensor embedTokens(const torch::Tensor& inputIds) const override;
    // The hidden state entering layer 0: project_in(embeds) + positions.
    // attentionMask covers past + T tokens.
    torch::Tensor inputHidden(const torch::Tensor& inputsEmbeds, const torch::Tensor& attentionMask,
                              int64_t pastLength) const override;
    // Runs layers [run.startLayer, end) on `hidden`, then the head.
    DecoderResult run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                      int64_t pastLength, const DecoderRun& run) const override;
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
