#pragma once
// The family-neutral multimodal model: an image becomes visual tokens placed in the
// language model's sequence, and the language model runs with the editing hooks.
// BLIP-2 (OPT) and LLaVA (CLIP + LLaMA) implement it; editors, the generator, the
// analysis and the facade see only this. Loaded once, then shared read-only.

#include "model/LanguageDecoder.h"
#include "model/ParameterStore.h"
#include "model/PromptFormat.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace unike::model {

struct ForwardInput {
    torch::Tensor pixelValues;   // (B, 3, H, W); undefined for a text-only forward
    torch::Tensor imagePrefix;   // or the visual tokens, (B, N, D), precomputed
    torch::Tensor inputIds;      // (B, T), with BOS
    torch::Tensor attentionMask; // (B, T); undefined: all ones
    // (B) bool: rows whose visual tokens count. A row with false attends to none of them
    // and its positions start after them, which equals a text-only forward; lets one
    // batch mix image and text-only samples. Undefined: all rows.
    torch::Tensor rowHasImage;
};

struct ForwardOptions {
    const DecoderHooks* hooks = nullptr;
    bool captureHidden = false;
    bool captureFfnInputs = false;
    bool captureAttention = false; // each decoder layer's self-attention weights
};

struct ForwardResult {
    torch::Tensor logits;                    // (B, prefix + T, vocab), as transformers returns them
    torch::Tensor attentionMask;             // (B, prefix + T)
    int64_t prefixLength = 0;                // visual tokens in front of the text (0 text-only)
    std::vector<torch::Tensor> hiddenStates; // entering each decoder layer
    std::vector<torch::Tensor> ffnInputs;
    std::vector<torch::Tensor> attentions; // per decoder layer, (B, heads, prefix + T, same)
};

// The decoder's input for one batch: embeddings with the visual tokens in place.
struct DecoderInput {
    torch::Tensor inputsEmbeds;  // (B, prefix + T, D)
    torch::Tensor attentionMask; // (B, prefix + T)
    int64_t prefixLength = 0;    // visual tokens put in front (0 when placed inside)
};

class MultimodalModel {
public:
    virtual ~MultimodalModel() = default;

    // config.json's model_type ("blip-2", "llava") and a name for people ("BLIP-2 (OPT)").
    virtual std::string family() const = 0;
    virtual std::string architecture() const = 0;
    virtual const LanguageDecoder& decoder() const = 0;
    virtual const PromptFormat& prompts() const = 0;
    // The square image side the vision tower takes; 0 for a text-only model.
    virtual int64_t imageSize() const = 0;
    // How many visual tokens one image becomes (BLIP-2: the queries; LLaVA: the patches).
    virtual int64_t visualTokenCount() const = 0;
    bool hasVision() const { return imageSize() > 0; }
    // The token id that marks where the visual tokens go in input_ids (LLaVA's <image>);
    // -1 when they are prepended (BLIP-2).
    virtual int64_t imageTokenId() const { return -1; }
    // The eos id from the config, for when the tokenizer names none.
    virtual int64_t configEosId() const = 0;
    // config.json text that transformers (and this engine) reads back as this model.
    virtual std::string configJson() const = 0;

    ParameterStore& parameters() { return store_; }
    const ParameterStore& parameters() const { return store_; }
    torch::Device device() const;
    torch::ScalarType dtype() const;
    void to(torch::Device device, torch::ScalarType dtype) { store_.convert(device, dtype); }
    // What loading found wrong with weights it still loaded (NaN or infinite values), for
    // people; empty for a sound checkpoint.
    const std::vector<std::string>& loadWarnings() const { return loadWarnings_; }
    void addLoadWarning(std::string warning) { loadWarnings_.push_back(std::move(warning)); }

    // pixel_values -> visual tokens (B, N, D) in the language model's embedding space.
    virtual torch::Tensor imagePrefix(const torch::Tensor& pixelValues) const = 0;
    // Places the visual tokens (undefined: none) in the token embeddings.
    virtual DecoderInput prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                                 const torch::Tensor& attentionMask,
                                 const torch::Tensor& rowHasImage = torch::Tensor()) const = 0;
    // The teacher-forced forward of transformers' *ForConditionalGeneration.
    ForwardResult forward(const ForwardInput& input, const ForwardOptions& options = {}) const;

protected:
    ParameterStore store_;

private:
    std::vector<std::string> loadWarnings_;
};

} // namespace unike::model
