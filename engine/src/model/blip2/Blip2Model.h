#pragma once
// BLIP-2 with an OPT decoder (Blip2ForConditionalGeneration): vision tower ->
// Q-Former -> language_projection -> prepended to the OPT token embeddings.
// Loaded once, then shared read-only; edits reach inside through DecoderHooks.

#include "io/ModelConfig.h"
#include "model/MultimodalModel.h"
#include "model/blip2/OptDecoder.h"
#include "model/blip2/QFormer.h"
#include "model/blip2/VisionTransformer.h"

#include <memory>
#include <string>

namespace unike::model {

class Blip2Model : public MultimodalModel {
public:
    // A model with transformers-style random initialisation (tests, training).
    static std::shared_ptr<Blip2Model> createRandom(const io::Blip2Config& config, uint64_t seed);
    // A model whose weights are allocated but not initialised (for loading).
    static std::shared_ptr<Blip2Model> createEmpty(const io::Blip2Config& config);

    const io::Blip2Config& config() const { return config_; }
    std::string family() const override { return "blip-2"; }
    std::string architecture() const override { return "BLIP-2 (OPT)"; }
    const OptDecoder& decoder() const override { return decoder_; }
    const PromptFormat& prompts() const override { return prompts_; }
    int64_t imageSize() const override { return config_.vision.imageSize; }
    int64_t visualTokenCount() const override { return config_.numQueryTokens; }
    int64_t configEosId() const override { return config_.text.eosTokenId; }
    std::string configJson() const override;

    // pixel_values -> projected query outputs (B, num_query_tokens, word_embed_proj_dim).
    torch::Tensor imagePrefix(const torch::Tensor& pixelValues) const override;
    // Builds the decoder input: the image prefix prepended to (or, with
    // image_token_index, scattered into) the token embeddings.
    DecoderInput prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                         const torch::Tensor& attentionMask,
                         const torch::Tensor& rowHasImage = torch::Tensor()) const override;

private:
    explicit Blip2Model(const io::Blip2Config& config, double initStd);

    io::Blip2Config config_;
    PlainPromptFormat prompts_;
    VisionTransformer vision_;
    QFormer qformer_;
    Linear languageProjection_;
    OptDecoder decoder_;
};

} // namespace unike::model
