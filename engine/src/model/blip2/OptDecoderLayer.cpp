#include "model/blip2/OptDecoderLayer.h"

#include <cmath>

namespace unike::model {

OptDecoderLayer::OptDecoderLayer(const io::OptConfig& config, int index, ParameterStore& store,
                                 double initStd)
    : config_(config)
    , index_(index) {
    const int64_t d = config.hiddenSize;
    heads_ = config.numAttentionHeads;
    headDim_ = d / heads_;
    scaling_ = 1.0 / std::sqrt(double(headDim_));
    const std::string p = "language_model.model.decoder.layers." + std::to_string(index) + ".";
    const bool bias = config.enableBias;
    kProj_ = Linear::create(store, p + "self_attn.k_proj", d, d, bias, initStd);
    vProj_ = Linear::create(store, p + "self_attn.v_proj", d, d, bias, initStd);
    qProj_ = Linear::create(store, p + "self_attn.q_proj", d, d, bias, initStd);
    outProj_ = Linear::create(store, p + "self_attn.out_proj", d, d, bias, initStd);
    const bool affine = config.layerNormElementwiseAffine;
    attentionNorm_ = LayerNorm::create(store, p + "self_attn_layer_norm", d, 1e-5, affine);
    fc1_ = Linear::create(store, p + "fc1", d, config.ffnDim, bias, initStd);
    fc2_ = Linear::create(store, p + "fc2", config.ffnDim, d, bias, initStd);
    ffnNorm_ = LayerNorm::create(store, p + "final_layer_norm", d, 1e-5, affine);
}

torch::Tensor OptDecoderLayer::splitHeads(const torch::Tensor& x) const {
    return x.view({x.size(0), x.size(1), heads_, headDim_}).transpose(1, 2);
}

torch::Tensor OptDecoderLayer::mergeHeads(const torch::Tensor& x) const {
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), heads_ * headDim_});
}

torch::Tensor OptDecoderLayer::attend(const torch::Tensor& q, const torch::Tensor& k,
                                      const torch::Tensor& v, const torch::Tensor& additiveMask,
                                      torch::Tensor* probsOut) const {
    auto scores = torch::matmul(q, k.transpose(-1, -2));
    if (additiveMask.defined())
        scores = scores + additiveMask;
    // Half-precision softmax loses too much; transformers upcasts it as well.
    auto probs = scores.scalar_type() == torch::kFloat32
                     ? torch::softmax(scores, -1)
                     : torch::softmax(scores, -1, torch::kFloat32).to(scores.scalar_type());
    if (probsOut)
        *probsOut = probs;
    return torch::matmul(probs, v);
}

torch::Tensor OptDecoderLayer::knowledgeAttention(const torch::Tensor& q,
                                                  const torch::Tensor& states,
                                                  int64_t batch) const {
    auto knowledge = states.dim() == 2 ? states.unsqueeze(0) : states;
    if (knowledge.size(0) != batch)
        knowledge = knowledge.expand({batch, knowledge.size(1), knowledge.size(2)});
    knowledge = knowledge.to(q.scalar_type());
    // The stored states pass through this layer's own norm and key/value projections
    // (METHOD.md §5, the Eq. 8 derivation); every position sees every slot.
    auto normed = config_.doLayerNormBefore ? attentionNorm_(knowledge) : knowledge;
    return attend(q, splitHeads(kProj_(normed)), splitHeads(vProj_(normed)), {});
}

torch::Tensor OptDecoderLayer::forward(const torch::Tensor& hidden,
                                       const torch::Tensor& additiveMask,
                                       const LayerHookContext& context,
                                       const std::vector<DecoderLayerHook*>& hooks, KvCache* cache,
                                       LayerCapture* capture) const {
    const bool preNorm = config_.doLayerNormBefore;
    auto residual = hidden;
    auto x = preNorm ? attentionNorm_(hidden) : hidden;
    auto q = splitHeads(qProj_(x) * scaling_);
    auto k = splitHeads(kProj_(x));
    auto v = splitHeads(vProj_(x));
    if (cache)
        std::tie(k, v) = cache->append(size_t(index_), k, v);
    auto attention =
        mergeHeads(attend(q, k, v, additiveMask,
                          capture && capture->wantsAttention ? &capture->attentionProbs : nullptr));
    for (DecoderLayerHook* hook : hooks) {
        auto states = hook->knowledgeStates(context);
        if (!states.defined() || states.numel() == 0)
            continue;
        auto knowledge = mergeHeads(knowledgeAttention(q, states, hidden.size(0)));
        auto alpha = hook->knowledgeWeight(attention, knowledge, context);
        if (!alpha.defined())
            continue;
        alpha = alpha.to(attention.scalar_type());
        attention = (1 - alpha) * attention + alpha * knowledge;
    }
    auto h = residual + outProj_(attention);
    if (!preNorm)
        h = attentionNorm_(h);

    residual = h;
    x = preNorm ? ffnNorm_(h) : h;
    if (capture)
        capture->ffnInput = x;
    auto ffn = fc2_(activate(config_.activationFunction, fc1_(x)));
    for (DecoderLayerHook* hook : hooks) {
        auto delta = hook->ffnDelta(x, context);
        if (delta.defined())
            ffn = ffn + delta.to(ffn.scalar_type());
    }
    h = residual + ffn;
    if (!preNorm)
        h = ffnNorm_(h);
    return h;
}

} // namespace unike::model
