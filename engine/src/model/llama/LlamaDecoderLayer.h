#pragma once
// One LLaMA decoder layer (LlamaDecoderLayer): pre-RMSNorm self-attention with rotary
// positions and grouped-query attention, then a pre-RMSNorm SwiGLU FFN, with the editing
// hook points (DecoderHooks.h; knowledge slots as METHOD.md §5a).

#include "io/LlavaConfig.h"
#include "model/DecoderHooks.h"
#include "model/KvCache.h"
#include "model/LayerLoop.h"
#include "model/Layers.h"
#include "model/llama/RmsNorm.h"

#include <string>
#include <vector>

namespace unike::model {

// What every layer of one run shares: which keys each query may see and the rotation.
struct LlamaLayerInputs {
    torch::Tensor blocked;  // (B, 1, T, S) bool: later or padding positions, once per run
    torch::Tensor cos, sin; // (B, 1, T, head_dim), the queries' (and new keys') angles
    KnowledgeRope knowledgeRope = KnowledgeRope::QueryPosition;
};

class LlamaDecoderLayer {
public:
    LlamaDecoderLayer() = default;
    // `root` is the decoder's prefix ("language_model.model." or "model.").
    LlamaDecoderLayer(const io::LlamaConfig& config, int index, const std::string& root,
                      ParameterStore& store, double initStd);

    torch::Tensor forward(const torch::Tensor& hidden, const LlamaLayerInputs& inputs,
                          const LayerHookContext& context,
                          const std::vector<DecoderLayerHook*>& hooks, KvCache* cache,
                          LayerCapture* capture) const;

    int index() const { return index_; }

private:
    torch::Tensor splitHeads(const torch::Tensor& x, int64_t heads) const;
    torch::Tensor mergeHeads(const torch::Tensor& x) const;
    torch::Tensor repeatKv(const torch::Tensor& x) const;
    torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                         const torch::Tensor& blocked, torch::Tensor* probsOut = nullptr) const;
    torch::Tensor knowledgeAttention(const torch::Tensor& query, const torch::Tensor& states,
                                     int64_t batch) const;

    std::string activation_;
    int index_ = 0;
    int64_t heads_ = 0;
    int64_t kvHeads_ = 0;
    int64_t headDim_ = 0;
    double scaling_ = 1.0;
    RmsNorm inputNorm_; // input_layernorm
    Linear qProj_, kProj_, vProj_, oProj_;
    RmsNorm postAttentionNorm_; // post_attention_layernorm
    Linear gateProj_, upProj_, downProj_;
};

} // namespace unike::model
