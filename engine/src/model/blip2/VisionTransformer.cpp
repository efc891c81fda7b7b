#include "model/blip2/VisionTransformer.h"

#include <unike/Error.h>

#include <cmath>

namespace unike::model {

VisionTransformer::VisionTransformer(const io::VisionConfig& config, ParameterStore& store,
                                     double initStd)
    : config_(config) {
    checkActivation(config.hiddenAct, "vision_config.hidden_act");
    const int64_t hidden = config.hiddenSize;
    const int64_t patches =
        (config.imageSize / config.patchSize) * (config.imageSize / config.patchSize);
    const std::string root = "vision_model.";
    classEmbedding_ =
        store.add(root + "embeddings.class_embedding", initTensor({1, 1, hidden}, initStd));
    patchWeight_ = store.add(root + "embeddings.patch_embedding.weight",
                             initTensor({hidden, 3, config.patchSize, config.patchSize}, initStd));
    patchBias_ = store.add(root + "embeddings.patch_embedding.bias", torch::zeros({hidden}));
    positionEmbedding_ = store.add(root + "embeddings.position_embedding",
                                   initTensor({1, patches + 1, hidden}, initStd));
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) {
        const std::string p = root + "encoder.layers." + std::to_string(i) + ".";
        Block block;
        block.norm1 = LayerNorm::create(store, p + "layer_norm1", hidden, config.layerNormEps);
        block.qkv =
            Linear::create(store, p + "self_attn.qkv", hidden, 3 * hidden, config.qkvBias, initStd);
        block.projection =
            Linear::create(store, p + "self_attn.projection", hidden, hidden, true, initStd);
        block.norm2 = LayerNorm::create(store, p + "layer_norm2", hidden, config.layerNormEps);
        block.fc1 =
            Linear::create(store, p + "mlp.fc1", hidden, config.intermediateSize, true, initStd);
        block.fc2 =
            Linear::create(store, p + "mlp.fc2", config.intermediateSize, hidden, true, initStd);
        blocks_.push_back(std::move(block));
    }
    postLayerNorm_ = LayerNorm::create(store, root + "post_layernorm", hidden, config.layerNormEps);
}

torch::Tensor VisionTransformer::attention(const Block& block, const torch::Tensor& x) const {
    const int64_t batch = x.size(0);
    const int64_t tokens = x.size(1);
    const int64_t heads = config_.numAttentionHeads;
    const int64_t headDim = config_.hiddenSize / heads;
    // (B, T, 3, H, D) -> (3, B, H, T, D)
    auto qkv = block.qkv(x).reshape({batch, tokens, 3, heads, headDim}).permute({2, 0, 3, 1, 4});
    auto q = qkv[0];
    auto k = qkv[1];
    auto v = qkv[2];
    auto scores = torch::matmul(q, k.transpose(-1, -2)) * (1.0 / std::sqrt(double(headDim)));
    auto probs = torch::softmax(scores, -1);
    auto context = torch::matmul(probs, v).permute({0, 2, 1, 3}).reshape({batch, tokens, -1});
    return block.projection(context);
}

torch::Tensor VisionTransformer::forward(const torch::Tensor& pixelValues) const {
    if (pixelValues.dim() != 4 || pixelValues.size(1) != 3 ||
        pixelValues.size(2) != config_.imageSize || pixelValues.size(3) != config_.imageSize)
        throw Error(ErrorKind::InvalidInput,
                    "pixel_values must have shape (batch, 3, " + std::to_string(config_.imageSize) +
                        ", " + std::to_string(config_.imageSize) + ") for this model");
    auto patches = torch::conv2d(pixelValues.to(patchWeight_.scalar_type()), patchWeight_,
                                 patchBias_, config_.patchSize);
    patches = patches.flatten(2).transpose(1, 2); // (B, P, hidden)
    auto cls = classEmbedding_.expand({pixelValues.size(0), 1, -1});
    auto h = torch::cat({cls, patches}, 1);
    h = h + positionEmbedding_.narrow(1, 0, h.size(1));
    for (const Block& block : blocks_) {
        h = h + attention(block, block.norm1(h));
        h = h + block.fc2(activate(config_.hiddenAct, block.fc1(block.norm2(h))));
    }
    return postLayerNorm_(h);
}

} // namespace unike::model
