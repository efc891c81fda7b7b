#pragma once
// A bare LLaMA (LlamaForCausalLM, model_type "llama") behind the multimodal interface: a
// text-only model, so editors and the facade run on it unchanged. Parameters are named as
// transformers saves them ("model.layers.0.mlp.down_proj.weight", "lm_head.weight").

#include "io/LlavaConfig.h"
#include "model/MultimodalModel.h"
#include "model/llama/LlamaDecoder.h"

#include <memory>

namespace unike::model {

class LlamaTextModel : public MultimodalModel {
public:
    // transformers-style random initialisation: N(0, initializer_range), norms at one.
    static std::shared_ptr<LlamaTextModel> createRandom(const io::LlamaConfig& config,
                                                        uint64_t seed);
    // Allocated but uninitialised weights, for loading.
    static std::shared_ptr<LlamaTextModel> createEmpty(const io::LlamaConfig& config);

    const io::LlamaConfig& config() const { return config_; }
    std::string family() const override { return "llama"; }
    std::string architecture() const override { return "LLaMA"; }
    const LlamaDecoder& decoder() const override { return decoder_; }
    const PromptFormat& prompts() const override { return prompts_; }
    int64_t imageSize() const override { return 0; }
    int64_t visualTokenCount() const override { return 0; }
    int64_t configEosId() const override { return config_.eosTokenId; }
    std::string configJson() const override { return io::toJson(config_); }

    // Throws Error(Unsupported): there is no vision tower.
    torch::Tensor imagePrefix(const torch::Tensor& pixelValues) const override;
    // The token embeddings; an image prefix is Error(Unsupported).
    DecoderInput prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                         const torch::Tensor& attentionMask,
                         const torch::Tensor& rowHasImage = torch::Tensor()) const override;

    static LlamaNames names() { return {"model.", "lm_head.weight"}; }

private:
    LlamaTextModel(const io::LlamaConfig& config, double initStd);

    io::LlamaConfig config_;
    PlainPromptFormat prompts_; // a base LM: EasyEdit's "Question: .. Short answer:"
    LlamaDecoder decoder_;
};

} // namespace unike::model
