#include "model/llava/ClipVisionTower.h"

#include <unike/Error.h>

#include <cmath>

namespace unike::model {

ClipVisionTower::ClipVisionTower(const io::ClipVisionConfig& config, const std::string& root,
                                 ParameterStore& store, double initStd)
    : config_(config) {
    const int64_t d = config.hiddenSize;
    const double eps = config.layerNormEps;
    const std::string e = root + "embeddings.";
    classEmbedding_ = store.add(e + "class_embedding", initTensor({d}, initStd));
    patchWeight_ =
        store.add(e + "patch_embedding.weight",
                  initTensor({d, config.numChannels, config.patchSize, config.patchSize}, initStd));
    positionEmbedding_ = store.add(e + "position_embedding.weight",
                                   initTensor({config.numPatches() + 1, d}, initStd));
    preNorm_ = LayerNorm::create(store, root + "pre_layrnorm", d, eps);
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) {
        const std::string p = root + "encoder.layers." + std::to_string(i) + ".";
        Block b;
        b.norm1 = LayerNorm::create(store, p + "layer_norm1", d, eps);
        b.kProj = Linear::create(store, p + "self_attn.k_proj", d, d, true, initStd);
        b.vProj = Linear::create(store, p + "self_attn.v_proj", d, d, true, initStd);
        b.qProj = Linear::create(store, p + "self_attn.q_proj", d, d, true, initStd);
        b.outProj = Linear::create(store, p + "self_attn.out_proj", d, d, true, initStd);
        b.norm2 = LayerNorm::create(store, p + "layer_norm2", d, eps);
        b.fc1 = Linear::create(store, p + "mlp.fc1", d, config.intermediateSize, true, initStd);
        b.fc2 = Linear::create(store, p + "mlp.fc2", config.intermediateSize, d, true, initStd);
        blocks_.push_back(std::move(b));
    }
    postNorm_ = LayerNorm::create(store, root + "post_layernorm", d, eps);
}

torch::Tensor ClipVisionTower::activation(const torch::Tensor& x) const {
    if (config_.hiddenAct == "quick_gelu") // CLIP's default: x·sigmoid(1.702x)
        return x * torch::sigmoid(1.702 * x);
    return activate(config_.hiddenAct, x);
}

torch::Tensor ClipVisionTower::embed(const torch::Tensor& pixelValues) const {
    const int64_t size = config_.imageSize;
    if (pixelValues.dim() != 4 || pixelValues.size(1) != config_.numChannels ||
        pixelValues.size(2) != size || pixelValues.size(3) != size)
        throw Error(ErrorKind::InvalidInput,
                    "pixel_values must be (batch, " + std::to_string(config_.numChannels) + ", " +
                        std::to_string(size) + ", " + std::to_string(size) +
                        ") for this CLIP vision tower; resize the image to " +
                        std::to_string(size) + " px");
    auto pixels = pixelValues.to(patchWeight_.device(), patchWeight_.scalar_type());
    auto patches = torch::conv2d(pixels, patchWeight_, {}, config_.patchSize) // no bias
                       .flatten(2)
                       .transpose(1, 2); // (B, patches, hidden)
    auto cls = classEmbedding_.view({1, 1, -1}).expand({pixels.size(0), 1, -1});
    return torch::cat({cls, patches}, 1) + positionEmbedding_.unsqueeze(0);
}

torch::Tensor ClipVisionTower::attention(const Block& block, const torch::Tensor& x) const {
    const int64_t batch = x.size(0), length = x.size(1);
    const int64_t heads = config_.numAttentionHeads, headDim = config_.headDim();
    auto split = [&](const torch::Tensor& t) {
        return t.view({batch, length, heads, headDim}).transpose(1, 2);
    };
    auto q = split(block.qProj(x));
    auto k = split(block.kProj(x));
    auto v = split(block.vProj(x));
    auto scores = torch::matmul(q, k.transpose(-1, -2)) * (1.0 / std::sqrt(double(headDim)));
    auto probs = scores.scalar_type() == torch::kFloat32
                     ? torch::softmax(scores, -1)
                     : torch::softmax(scores, -1, torch::kFloat32).to(scores.scalar_type());
    auto out = torch::matmul(probs, v).transpose(1, 2).reshape({batch, length, heads * headDim});
    return block.outProj(out);
}

std::vector<torch::Tensor> ClipVisionTower::hiddenStates(const torch::Tensor& pixelValues,
                                                         int64_t upTo) const {
    std::vector<torch::Tensor> states;
    auto h = preNorm_(embed(pixelValues));
    states.push_back(h);
    for (int64_t i = 0; i < upTo && i < int64_t(blocks_.size()); ++i) {
        const Block& b = blocks_[size_t(i)];
        h = h + attention(b, b.norm1(h));
        h = h + b.fc2(activation(b.fc1(b.norm2(h))));
        states.push_back(h);
    }
    return states;
}

} // namespace unike::model
