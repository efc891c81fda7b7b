#include "model/blip2/QFormer.h"

#include <cmath>

namespace unike::model {

QFormer::Attention QFormer::makeAttention(ParameterStore& store, const std::string& prefix,
                                          int64_t kvInput, double initStd) const {
    const int64_t hidden = config_.hiddenSize;
    Attention a;
    a.query = Linear::create(store, prefix + ".attention.query", hidden, hidden, true, initStd);
    a.key = Linear::create(store, prefix + ".attention.key", kvInput, hidden, true, initStd);
    a.value = Linear::create(store, prefix + ".attention.value", kvInput, hidden, true, initStd);
    a.dense = Linear::create(store, prefix + ".output.dense", hidden, hidden, true, initStd);
    a.norm = LayerNorm::create(store, prefix + ".output.LayerNorm", hidden, config_.layerNormEps);
    return a;
}

QFormer::QFormer(const io::QFormerConfig& config, int64_t numQueryTokens, ParameterStore& store,
                 double initStd)
    : config_(config) {
    checkActivation(config.hiddenAct, "qformer_config.hidden_act");
    const int64_t hidden = config.hiddenSize;
    queryTokens_ = store.add("query_tokens", initTensor({1, numQueryTokens, hidden}, initStd));
    embedNorm_ = LayerNorm::create(store, "qformer.layernorm", hidden, config.layerNormEps);
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) {
        const std::string p = "qformer.encoder.layer." + std::to_string(i) + ".";
        Block block;
        block.self = makeAttention(store, p + "attention", hidden, initStd);
        block.hasCross = i % config.crossAttentionFrequency == 0;
        if (block.hasCross)
            block.cross =
                makeAttention(store, p + "crossattention", config.encoderHiddenSize, initStd);
        block.intermediate = Linear::create(store, p + "intermediate_query.dense", hidden,
                                            config.intermediateSize, true, initStd);
        block.output = Linear::create(store, p + "output_query.dense", config.intermediateSize,
                                      hidden, true, initStd);
        block.outputNorm =
            LayerNorm::create(store, p + "output_query.LayerNorm", hidden, config.layerNormEps);
        blocks_.push_back(std::move(block));
    }
}

torch::Tensor QFormer::attend(const Attention& a, const torch::Tensor& x,
                              const torch::Tensor& keyValueInput) const {
    const int64_t batch = x.size(0);
    const int64_t heads = config_.numAttentionHeads;
    const int64_t headDim = config_.hiddenSize / heads;
    auto split = [&](const torch::Tensor& t) {
        return t.view({batch, t.size(1), heads, headDim}).permute({0, 2, 1, 3});
    };
    auto q = split(a.query(x));
    auto k = split(a.key(keyValueInput));
    auto v = split(a.value(keyValueInput));
    auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(headDim));
    auto context = torch::matmul(torch::softmax(scores, -1), v)
                       .permute({0, 2, 1, 3})
                       .reshape({batch, x.size(1), config_.hiddenSize});
    return a.norm(a.dense(context) + x);
}

torch::Tensor QFormer::forward(const torch::Tensor& imageEmbeds) const {
    auto h = embedNorm_(queryTokens_.expand({imageEmbeds.size(0), -1, -1}));
    for (const Block& block : blocks_) {
        h = attend(block.self, h, h);
        if (block.hasCross)
            h = attend(block.cross, h, imageEmbeds);
        h = block.outputNorm(block.output(activate(config_.hiddenAct, block.intermediate(h))) + h);
    }
    return h;
}

} // namespace unike::model
