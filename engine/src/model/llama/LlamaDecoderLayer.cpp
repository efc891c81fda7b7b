#include "model/llama/LlamaDecoderLayer.h"

#include "model/llama/RotaryEmbedding.h"

#include <cmath>
#include <limits>

namespace unike::model {
namespace {

// The dtype's lowest finite value: a masked score that stays finite keeps the softmax of a
// fully masked (pad) row finite, where -inf would make it NaN and leak through 0 · NaN.
double lowestScore(torch::ScalarType dtype) {
    if (dtype == torch::kFloat16)
        return -65504.0;
    if (dtype == torch::kBFloat16)
        return -3.38e38; // float's lowest rounds to -inf in bfloat16
    return double(std::numeric_limits<float>::lowest());
}

} // namespace

LlamaDecoderLayer::LlamaDecoderLayer(const io::LlamaConfig& config, int index,
                                     const std::string& root, ParameterStore& store, double initStd)
    : activation_(config.hiddenAct)
    , index_(index)
    , heads_(config.numAttentionHeads)
    , kvHeads_(config.numKeyValueHeads)
    , headDim_(config.headDim)
    , scaling_(1.0 / std::sqrt(double(config.headDim))) {
    const int64_t d = config.hiddenSize;
    const std::string p = root + "layers." + std::to_string(index) + ".";
    const bool attentionBias = config.attentionBias;
    inputNorm_ = RmsNorm::create(store, p + "input_layernorm", d, config.rmsNormEps);
    qProj_ =
        Linear::create(store, p + "self_attn.q_proj", d, heads_ * headDim_, attentionBias, initStd);
    kProj_ = Linear::create(store, p + "self_attn.k_proj", d, kvHeads_ * headDim_, attentionBias,
                            initStd);
    vProj_ = Linear::create(store, p + "self_attn.v_proj", d, kvHeads_ * headDim_, attentionBias,
                            initStd);
    oProj_ =
        Linear::create(store, p + "self_attn.o_proj", heads_ * headDim_, d, attentionBias, initStd);
    postAttentionNorm_ =
        RmsNorm::create(store, p + "post_attention_layernorm", d, config.rmsNormEps);
    const int64_t ffn = config.intermediateSize;
    gateProj_ = Linear::create(store, p + "mlp.gate_proj", d, ffn, config.mlpBias, initStd);
    upProj_ = Linear::create(store, p + "mlp.up_proj", d, ffn, config.mlpBias, initStd);
    downProj_ = Linear::create(store, p + "mlp.down_proj", ffn, d, config.mlpBias, initStd);
}

torch::Tensor LlamaDecoderLayer::splitHeads(const torch::Tensor& x, int64_t heads) const {
    return x.view({x.size(0), x.size(1), heads, headDim_}).transpose(1, 2);
}

torch::Tensor LlamaDecoderLayer::mergeHeads(const torch::Tensor& x) const {
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), heads_ * headDim_});
}

// Grouped-query attention: query head j reads key/value head j / (heads / kv_heads), as
// transformers' repeat_kv (repeat_interleave), not j % kv_heads.
torch::Tensor LlamaDecoderLayer::repeatKv(const torch::Tensor& x) const {
    const int64_t groups = heads_ / kvHeads_;
    if (groups == 1)
        return x;
    return x.unsqueeze(2)
        .expand({x.size(0), kvHeads_, groups, x.size(2), headDim_})
        .reshape({x.size(0), heads_, x.size(2), headDim_});
}

torch::Tensor LlamaDecoderLayer::attend(const torch::Tensor& q, const torch::Tensor& k,
                                        const torch::Tensor& v, const torch::Tensor& blocked,
                                        torch::Tensor* probsOut) const {
    // transformers' eager attention: (q·kᵀ)·scaling, then the mask, softmax in float32.
    auto scores = torch::matmul(q, k.transpose(-1, -2)) * scaling_;
    if (blocked.defined())
        // A fill rather than an added -max: the same probabilities, and no overflow to -inf.
        scores = scores.masked_fill(blocked, lowestScore(scores.scalar_type()));
    auto probs = scores.scalar_type() == torch::kFloat32
                     ? torch::softmax(scores, -1)
                     : torch::softmax(scores, -1, torch::kFloat32).to(scores.scalar_type());
    if (probsOut)
        *probsOut = probs;
    return torch::matmul(probs, v);
}

torch::Tensor LlamaDecoderLayer::knowledgeAttention(const torch::Tensor& query,
                                                    const torch::Tensor& states,
                                                    int64_t batch) const {
    auto knowledge = states.dim() == 2 ? states.unsqueeze(0) : states;
    if (knowledge.size(0) != batch)
        knowledge = knowledge.expand({batch, knowledge.size(1), knowledge.size(2)});
    knowledge = knowledge.to(query.scalar_type());
    // METHOD.md §5a: the slots pass through this layer's input norm and k/v projections;
    // every position sees every slot (no mask), each kv head serving its query group.
    auto normed = inputNorm_(knowledge);
    auto k = repeatKv(splitHeads(kProj_(normed), kvHeads_));
    auto v = repeatKv(splitHeads(vProj_(normed), kvHeads_));
    return attend(query, k, v, {});
}

torch::Tensor LlamaDecoderLayer::forward(const torch::Tensor& hidden,
                                         const LlamaLayerInputs& inputs,
                                         const LayerHookContext& context,
                                         const std::vector<DecoderLayerHook*>& hooks,
                                         KvCache* cache, LayerCapture* capture) const {
    auto residual = hidden;
    auto x = inputNorm_(hidden);
    auto q = splitHeads(qProj_(x), heads_);
    auto qRotated = RotaryEmbedding::apply(q, inputs.cos, inputs.sin);
    auto k = RotaryEmbedding::apply(splitHeads(kProj_(x), kvHeads_), inputs.cos, inputs.sin);
    auto v = splitHeads(vProj_(x), kvHeads_);
    if (cache) // keys are cached after rotation, at kv-head width
        std::tie(k, v) = cache->append(size_t(index_), k, v);
    auto attention =
        mergeHeads(attend(qRotated, repeatKv(k), repeatKv(v), inputs.blocked,
                          capture && capture->wantsAttention ? &capture->attentionProbs : nullptr));
    for (DecoderLayerHook* hook : hooks) {
        auto states = hook->knowledgeStates(context);
        if (!states.defined() || states.numel() == 0)
            continue;
        // QueryPosition/None: slot keys turn with the query, so R(p)q·R(p)k = q·k and the
        // unrotated query reads unrotated keys. Zero: keys at position 0 (R(0) = I) read by
        // the query rotated to its own position.
        const auto& query = inputs.knowledgeRope == KnowledgeRope::Zero ? qRotated : q;
        auto knowledge = mergeHeads(knowledgeAttention(query, states, hidden.size(0)));
        auto alpha = hook->knowledgeWeight(attention, knowledge, context);
        if (!alpha.defined())
            continue;
        alpha = alpha.to(attention.scalar_type());
        attention = (1 - alpha) * attention + alpha * knowledge;
    }
    auto h = residual + oProj_(attention);

    residual = h;
    x = postAttentionNorm_(h);
    if (capture)
        capture->ffnInput = x;
    auto ffn = downProj_(activate(activation_, gateProj_(x)) * upProj_(x));
    for (DecoderLayerHook* hook : hooks) {
        auto delta = hook->ffnDelta(x, context);
        if (delta.defined())
            ffn = ffn + delta.to(ffn.scalar_type());
    }
    return residual + ffn;
}

} // namespace unike::model
