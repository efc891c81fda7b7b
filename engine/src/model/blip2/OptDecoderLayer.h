#pragma once
// One OPT decoder layer (OPTDecoderLayer): self-attention and a ReLU FFN, pre- or
// post-LN by `do_layer_norm_before`, with the editing hook points.

#include "io/ModelConfig.h"
#include "model/DecoderHooks.h"
#include "model/KvCache.h"
#include "model/LayerLoop.h"
#include "model/Layers.h"

namespace unike::model {

class OptDecoderLayer {
public:
    OptDecoderLayer() = default;
    OptDecoderLayer(const io::OptConfig& config, int index, ParameterStore& store, double initStd);

    // hidden (B, T, D); additiveMask (B, 1, T, S) with S = past + T.
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          const LayerHookContext& context,
                          const std::vector<DecoderLayerHook*>& hooks, KvCache* cache,
                          LayerCapture* capture) const;

    int index() const { return index_; }
    const Linear& fc1() const { return fc1_; }
    const Linear& fc2() const { return fc2_; }

private:
    torch::Tensor splitHeads(const torch::Tensor& x) const;
    torch::Tensor mergeHeads(const torch::Tensor& x) const;
    torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                         const torch::Tensor& additiveMask,
                         torch::Tensor* probsOut = nullptr) const;
    torch::Tensor knowledgeAttention(const torch::Tensor& q, const torch::Tensor& states,
                                     int64_t batch) const;

    io::OptConfig config_;
    int index_ = 0;
    int64_t heads_ = 0;
    int64_t headDim_ = 0;
    double scaling_ = 1.0;
    Linear qProj_, kProj_, vProj_, outProj_;
    LayerNorm attentionNorm_; // self_attn_layer_norm
    Linear fc1_, fc2_;
    LayerNorm ffnNorm_; // the layer's final_layer_norm
};

} // namespace unike::model
