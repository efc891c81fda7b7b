#include "model/blip2/OptDecoder.h"

#include "model/LayerLoop.h"

#include <unike/Error.h>

namespace unike::model {
namespace {
// OPT's learned positions start at row 2 (rows 0-1 are a fairseq leftover).
constexpr int64_t kPositionOffset = 2;
const std::string kRoot = "language_model.model.decoder.";
} // namespace

OptDecoder::OptDecoder(const io::OptConfig& config, ParameterStore& store, double initStd)
    : config_(config) {
    checkActivation(config.activationFunction, "text_config.activation_function");
    const int64_t d = config.hiddenSize;
    const int64_t proj = config.wordEmbedProjDim;
    auto tokens = initTensor({config.vocabSize, proj}, initStd);
    if (config.padTokenId >= 0 && config.padTokenId < config.vocabSize)
        tokens[config.padTokenId].zero_(); // as nn.Embedding(padding_idx=...)
    embedTokens_ = store.add(kRoot + "embed_tokens.weight", tokens);
    embedPositions_ =
        store.add(kRoot + "embed_positions.weight",
                  initTensor({config.maxPositionEmbeddings + kPositionOffset, d}, initStd));
    if (proj != d) {
        projectOut_ = Linear::create(store, kRoot + "project_out", d, proj, false, initStd);
        projectIn_ = Linear::create(store, kRoot + "project_in", proj, d, false, initStd);
    }
    for (int i = 0; i < config.numHiddenLayers; ++i)
        layers_.emplace_back(config, i, store, initStd);
    // Post-LN OPT (do_layer_norm_before = false, as OPT-350m) has no final norm.
    hasFinalNorm_ = config.hasFinalLayerNorm();
    if (hasFinalNorm_)
        finalNorm_ = LayerNorm::create(store, kRoot + "final_layer_norm", d, 1e-5,
                                       config.layerNormElementwiseAffine);
    if (config.tieWordEmbeddings)
        lmHead_ = embedTokens_;
    else
        lmHead_ = store.add("language_model.lm_head.weight",
                            initTensor({config.vocabSize, proj}, initStd));
}

std::string OptDecoder::fineTuneWeightName() const {
    return kRoot + "layers." + std::to_string(layers_.size() - 1) + ".fc2.weight";
}

torch::Tensor OptDecoder::embedTokens(const torch::Tensor& inputIds) const {
    return embedTokenIds(embedTokens_, inputIds);
}

torch::Tensor OptDecoder::inputHidden(const torch::Tensor& inputsEmbeds,
                                      const torch::Tensor& attentionMask,
                                      int64_t pastLength) const {
    const int64_t length = inputsEmbeds.size(1);
    auto mask = attentionMask.to(torch::kLong);
    auto positions = (torch::cumsum(mask, 1) * mask - 1).narrow(1, pastLength, length);
    const int64_t maxPosition = positions.numel() ? positions.max().item<int64_t>() : 0;
    if (maxPosition + kPositionOffset >= embedPositions_.size(0))
        throw Error(ErrorKind::InvalidInput, "the input is " + std::to_string(maxPosition + 1) +
                                                 " tokens long, past this model's limit of " +
                                                 std::to_string(config_.maxPositionEmbeddings) +
                                                 "; shorten the prompt");
    auto embeds = projectIn_.weight.defined() ? projectIn_(inputsEmbeds) : inputsEmbeds;
    return embeds + torch::embedding(embedPositions_, positions + kPositionOffset);
}

torch::Tensor OptDecoder::additiveMask(const torch::Tensor& attentionMask, int64_t queryLength,
                                       int64_t pastLength, torch::ScalarType dtype) {
    const int64_t keyLength = attentionMask.size(1);
    auto device = attentionMask.device();
    auto queryPositions = torch::arange(pastLength, pastLength + queryLength,
                                        torch::dtype(torch::kLong).device(device));
    auto keyPositions = torch::arange(keyLength, torch::dtype(torch::kLong).device(device));
    auto causal = keyPositions.unsqueeze(0) <= queryPositions.unsqueeze(1);           // (T, S)
    auto allowed = causal.unsqueeze(0) & attentionMask.to(torch::kBool).unsqueeze(1); // (B, T, S)
    // The dtype's lowest value rather than -inf keeps fully masked rows finite.
    const double lowest = dtype == torch::kFloat16 ? -65504.0
                          : dtype == torch::kBFloat16
                              ? -3.38e38
                              : double(std::numeric_limits<float>::lowest());
    auto mask = torch::zeros(allowed.sizes(), torch::dtype(dtype).device(device));
    mask.masked_fill_(allowed.logical_not(), lowest);
    return mask.unsqueeze(1);
}

torch::Tensor OptDecoder::head(const torch::Tensor& lastHidden) const {
    auto h = hasFinalNorm_ ? finalNorm_(lastHidden) : lastHidden;
    if (projectOut_.weight.defined())
        h = projectOut_(h);
    return h;
}

DecoderResult OptDecoder::run(const torch::Tensor& hidden, const torch::Tensor& attentionMask,
                              int64_t pastLength, const DecoderRun& options) const {
    DecoderResult result;
    const int64_t length = hidden.size(1);
    auto mask = additiveMask(attentionMask, length, pastLength, hidden.scalar_type());
    const auto h =
        runLayers(layers_.size(), hidden, attentionMask, pastLength, options, result,
                  [&](size_t i, const torch::Tensor& x, const LayerHookContext& context,
                      const std::vector<DecoderLayerHook*>& hooks, LayerCapture* capture) {
                      return layers_[i].forward(x, mask, context, hooks, options.cache, capture);
                  });
    result.finalHidden = head(h);
    if (options.computeLogits)
        result.logits = torch::nn::functional::linear(result.finalHidden, lmHead_);
    return result;
}

} // namespace unike::model
