#pragma once
// CLIP's vision transformer (CLIPVisionTransformer) as LLaVA uses it: a patch convolution
// without bias, the class embedding prepended, learned position embeddings, pre_layrnorm
// (sic, transformers' name), then pre-LN encoder layers. LLaVA reads intermediate hidden
// states, never the pooled output, so post_layernorm is loaded (it is in every checkpoint)
// but not applied.

#include "io/LlavaConfig.h"
#include "model/Layers.h"

#include <string>
#include <vector>

namespace unike::model {

class ClipVisionTower {
public:
    ClipVisionTower() = default;
    // `root` is the tower's prefix, "vision_tower.vision_model.".
    ClipVisionTower(const io::ClipVisionConfig& config, const std::string& root,
                    ParameterStore& store, double initStd);

    // transformers' hidden_states[0..upTo] for pixel_values (B, C, H, W): [0] is the
    // embeddings after pre_layrnorm, [i] the output of layer i - 1. Layers past upTo are
    // not run.
    std::vector<torch::Tensor> hiddenStates(const torch::Tensor& pixelValues, int64_t upTo) const;

private:
    struct Block {
        LayerNorm norm1;
        Linear qProj, kProj, vProj, outProj;
        LayerNorm norm2;
        Linear fc1, fc2;
    };
    torch::Tensor embed(const torch::Tensor& pixelValues) const;
    torch::Tensor attention(const Block& block, const torch::Tensor& x) const;
    torch::Tensor activation(const torch::Tensor& x) const;

    io::ClipVisionConfig config_;
    torch::Tensor classEmbedding_;    // (hidden)
    torch::Tensor patchWeight_;       // (hidden, channels, patch, patch); no bias
    torch::Tensor positionEmbedding_; // (patches + 1, hidden)
    LayerNorm preNorm_;               // pre_layrnorm
    std::vector<Block> blocks_;
    LayerNorm postNorm_; // post_layernorm: the pooled output's, unused by LLaVA
};

} // namespace unike::model
