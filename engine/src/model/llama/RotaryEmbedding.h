#pragma once
// LLaMA's rotary position embedding (LlamaRotaryEmbedding + apply_rotary_pos_emb):
// inv_freq = theta^(-2i/d) in float32, divided by the factor under linear scaling; the angle
// of dimension i at position p is p·inv_freq[i mod d/2]. Pairs are (i, i + d/2), the
// "rotate_half" layout Hugging Face checkpoints are permuted for, not GPT-J's (2i, 2i+1).

#include "io/LlavaConfig.h"

#include <torch/torch.h>

#include <utility>

namespace unike::model {

class RotaryEmbedding {
public:
    RotaryEmbedding() = default;
    RotaryEmbedding(int64_t headDim, double theta, const io::RopeScaling& scaling);

    // positions (B, T) -> cos and sin (B, 1, T, headDim) in `dtype`, computed in float32.
    std::pair<torch::Tensor, torch::Tensor> cosSin(const torch::Tensor& positions,
                                                   torch::ScalarType dtype) const;
    // x (B, H, T, headDim) rotated: x·cos + rotate_half(x)·sin.
    static torch::Tensor apply(const torch::Tensor& x, const torch::Tensor& cos,
                               const torch::Tensor& sin);

private:
    torch::Tensor invFreq_; // (headDim / 2) float32 on the CPU; moved to the positions' device
};

} // namespace unike::model
