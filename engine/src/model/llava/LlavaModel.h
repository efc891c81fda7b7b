#pragma once
// LLaVA-1.5 (LlavaForConditionalGeneration): a CLIP vision tower whose chosen hidden
// states (vision_feature_layer, CLS dropped by the "default" strategy) pass through the
// two-layer projector into a LLaMA decoder, one visual token per patch. Parameters carry
// the released llava-hf names (language_model.model.*, language_model.lm_head.weight,
// vision_tower.vision_model.*, multi_modal_projector.*); LlavaFiles also reads the
// transformers >= 4.52 layout.

#include "io/LlavaConfig.h"
#include "model/MultimodalModel.h"
#include "model/llama/LlamaDecoder.h"
#include "model/llava/ClipVisionTower.h"
#include "model/llava/LlavaPromptFormat.h"

#include <memory>

namespace unike::model {

class LlavaModel : public MultimodalModel {
public:
    // transformers-style random initialisation (tests, speed measurements).
    static std::shared_ptr<LlavaModel> createRandom(const io::LlavaConfig& config, uint64_t seed);
    // Allocated but uninitialised weights, for loading.
    static std::shared_ptr<LlavaModel> createEmpty(const io::LlavaConfig& config);

    const io::LlavaConfig& config() const { return config_; }
    std::string family() const override { return "llava"; }
    std::string architecture() const override { return "LLaVA (CLIP + LLaMA)"; }
    const LlamaDecoder& decoder() const override { return decoder_; }
    const PromptFormat& prompts() const override { return prompts_; }
    int64_t imageSize() const override { return config_.vision.imageSize; }
    int64_t visualTokenCount() const override { return config_.visualTokenCount(); }
    int64_t configEosId() const override { return config_.text.eosTokenId; }
    int64_t imageTokenId() const override { return config_.imageTokenIndex; }
    std::string configJson() const override { return io::toJson(config_); }

    // pixel_values (B, 3, S, S) -> projected visual tokens (B, N, text hidden).
    torch::Tensor imagePrefix(const torch::Tensor& pixelValues) const override;
    // Visual tokens into the token embeddings (ImageTokens.h: placeholders or one <image>).
    DecoderInput prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                         const torch::Tensor& attentionMask,
                         const torch::Tensor& rowHasImage = torch::Tensor()) const override;

    static LlamaNames names() { return {"language_model.model.", "language_model.lm_head.weight"}; }

private:
    LlavaModel(const io::LlavaConfig& config, double visionStd, double textStd);

    io::LlavaConfig config_;
    LlavaPromptFormat prompts_;
    ClipVisionTower vision_;
    Linear projector1_, projector2_; // multi_modal_projector.linear_1 / linear_2
    LlamaDecoder decoder_;
};

} // namespace unike::model
