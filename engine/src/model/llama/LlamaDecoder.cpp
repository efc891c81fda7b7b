#include "model/llama/LlamaDecoder.h"

#include "model/LayerLoop.h"

#include <unike/Error.h>

namespace unike::model {

LlamaDecoder::LlamaDecoder(const io::LlamaConfig& config, const LlamaNames& names,
                           bool tieWordEmbeddings, ParameterStore& store, double initStd)
    : config_(config)
    , names_(names)
    , rotary_(config.headDim, config.ropeTheta, config.ropeScaling) {
    checkActivation(config.hiddenAct, "hidden_act");
    auto tokens = initTensor({config.vocabSize, config.hiddenSize}, initStd);
    if (initStd > 0 && config.padTokenId && *config.padTokenId >= 0 &&
        *config.padTokenId < config.vocabSize)
        tokens[*config.padTokenId].zero_(); // as nn.Embedding(padding_idx=pad_token_id)
    embedTokens_ = store.add(names.root + "embed_tokens.weight", tokens);
    for (int i = 0; i < config.numHiddenLayers; ++i)
        layers_.emplace_back(config, i, names.root, store, initStd);
    norm_ = RmsNorm::create(store, names.root + "norm", config.hiddenSize, config.rmsNormEps);
    lmHead_ =
        tieWordEmbeddings
            ? embedTokens_
            : store.add(names.lmHead, initTensor({config.vocabSize, config.hiddenSize}, initStd));
}

std::string LlamaDecoder::fineTuneWeightName() const {
    return names_.root + "layers." + std::to_string(layers_.size() - 1) + ".mlp.down_proj.weight";
}

torch::Tensor LlamaDecoder::embedTokens(const torch::Tensor& inputIds) const {
    return embedTokenIds(embedTokens_, inputIds);
}

torch::Tensor LlamaDecoder::inputHidden(const torch::Tensor& inputsEmbeds, const torch::Tensor&,
                                        int64_t) const {
    return inputsEmbeds;
}

torch::Tensor LlamaDecoder::positionIds(const torch::Tensor& attentionMask) {
    auto mask = attentionMask.to(torch::kLong);
    return (torch::cumsum(mask, 1) - 1).masked_fill(mask == 0, 1);
}

DecoderResult LlamaDecoder::run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                                int64_t pastLength, const DecoderRun& options) const {
    const int64_t length = hidden.size(1);
    if (attentionMask.dim() != 2 || attentionMask.size(1) != pastLength + length ||
        attentionMask.size(0) != hidden.size(0))
        throw Error(ErrorKind::InvalidInput,
                    "the attention mask must be (batch, past + new tokens) = (" +
                        std::to_string(hidden.size(0)) + ", " +
                        std::to_string(pastLength + length) + ")");
    static const DecoderHooks noHooks;
    const DecoderHooks& hooks = options.hooks ? *options.hooks : noHooks;

    LlamaLayerInputs inputs;
    auto mask = attentionMask.to(hidden.device(), torch::kBool);
    auto positions = positionIds(mask).narrow(1, pastLength, length);
    std::tie(inputs.cos, inputs.sin) = rotary_.cosSin(positions, hidden.scalar_type());
    auto options64 = torch::dtype(torch::kLong).device(hidden.device());
    auto queries = torch::arange(pastLength, pastLength + length, options64);
    auto keys = torch::arange(pastLength + length, options64);
    auto causal = keys.unsqueeze(0) <= queries.unsqueeze(1); // (T, S)
    inputs.blocked = (causal.unsqueeze(0) & mask.unsqueeze(1)).unsqueeze(1).logical_not();
    inputs.knowledgeRope = hooks.knowledgeRope();

    DecoderResult result;
    const auto h = runLayers(
        layers_.size(), hidden, attentionMask, pastLength, options, result,
        [&](size_t i, const torch::Tensor& x, const LayerHookContext& context,
            const std::vector<DecoderLayerHook*>& layerHooks, LayerCapture* capture) {
            return layers_[i].forward(x, inputs, context, layerHooks, options.cache, capture);
        });
    result.finalHidden = norm_(h);
    if (options.computeLogits)
        result.logits = torch::nn::functional::linear(result.finalHidden, lmHead_);
    return result;
}

} // namespace unike::model
