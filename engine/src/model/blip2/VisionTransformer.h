#pragma once
// BLIP-2's vision tower (Blip2VisionModel): patch embedding, class token, learned
// positions, pre-LN blocks with one fused qkv projection, and a post layer norm.

#include "io/ModelConfig.h"
#include "model/Layers.h"

#include <vector>

namespace unike::model {

class VisionTransformer {
public:
    VisionTransformer() = default;
    // Registers the tower's parameters under "vision_model." in the store.
    VisionTransformer(const io::VisionConfig& config, ParameterStore& store, double initStd);

    // pixelValues (B, 3, H, W) -> last_hidden_state (B, 1 + patches, hidden), post-LN applied.
    torch::Tensor forward(const torch::Tensor& pixelValues) const;

private:
    struct Block {
        LayerNorm norm1;
        Linear qkv; // fused [q | k | v]; the key part of the bias is zero in HF checkpoints
        Linear projection;
        LayerNorm norm2;
        Linear fc1;
        Linear fc2;
    };
    torch::Tensor attention(const Block& block, const torch::Tensor& x) const;

    io::VisionConfig config_;
    torch::Tensor classEmbedding_;    // (1, 1, hidden)
    torch::Tensor positionEmbedding_; // (1, 1 + patches, hidden)
    torch::Tensor patchWeight_;       // (hidden, 3, patch, patch)
    torch::Tensor patchBias_;         // (hidden)
    std::vector<Block> blocks_;
    LayerNorm postLayerNorm_;
};

} // namespace unike::model
