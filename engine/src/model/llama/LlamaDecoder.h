#pragma once
// The LLaMA causal language model (LlamaForCausalLM): token embeddings, decoder layers with
// rotary positions taken from the attention mask, the final RMSNorm and lm_head (tied to the
// embeddings or not). Serves LLaVA's language model and a bare LlamaForCausalLM; only the
// parameter names differ.

#include "io/LlavaConfig.h"
#include "model/LanguageDecoder.h"
#include "model/llama/LlamaDecoderLayer.h"
#include "model/llama/RotaryEmbedding.h"

#include <string>
#include <vector>

namespace unike::model {

// Where the decoder's parameters live in the checkpoint.
struct LlamaNames {
    std::string root;   // "language_model.model." (LLaVA) or "model." (LlamaForCausalLM)
    std::string lmHead; // "language_model.lm_head.weight" or "lm_head.weight"
};

class LlamaDecoder : public LanguageDecoder {
public:
    LlamaDecoder() = default;
    LlamaDecoder(const io::LlamaConfig& config, const LlamaNames& names, bool tieWordEmbeddings,
                 ParameterStore& store, double initStd);

    const io::LlamaConfig& config() const { return config_; }
    int layerCount() const override { return int(layers_.size()); }
    int64_t hiddenSize() const override { return config_.hiddenSize; }
    int64_t vocabSize() const override { return embedTokens_.size(0); }
    FfnShape ffnShape() const override {
        return {config_.hiddenAct, true, config_.intermediateSize};
    }
    std::string fineTuneWeightName() const override;
    const LlamaDecoderLayer& layer(int i) const { return layers_.at(size_t(i)); }

    torch::Tensor embedTokens(const torch::Tensor& inputIds) const override;
    // LLaMA adds no position embedding: the embeddings enter layer 0 as they are.
    torch::Tensor inputHidden(const torch::Tensor& inputsEmbeds, const torch::Tensor& attentionMask,
                              int64_t pastLength) const override;
    // The hooks' knowledgeRope setting chooses how knowledge slots are rotated.
    DecoderResult run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                      int64_t pastLength, const DecoderRun& run) const override;

    // generate()'s position_ids: cumsum(mask) - 1, pads set to 1, over past + T tokens.
    static torch::Tensor positionIds(const torch::Tensor& attentionMask);

private:
    io::LlamaConfig config_;
    LlamaNames names_;
    torch::Tensor embedTokens_; // (vocab, hidden)
    std::vector<LlamaDecoderLayer> layers_;
    RmsNorm norm_;
    RotaryEmbedding rotary_;
    torch::Tensor lmHead_; // embedTokens_ when tied
};

} // namespace unike::model
