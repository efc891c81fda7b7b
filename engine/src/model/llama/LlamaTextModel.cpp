#include "model/llama/LlamaTextModel.h"

#include <unike/Error.h>

namespace unike::model {

LlamaTextModel::LlamaTextModel(const io::LlamaConfig& config, double initStd)
    : config_(config)
    , decoder_(config, names(), config.tieWordEmbeddings, store_, initStd) {}

std::shared_ptr<LlamaTextModel> LlamaTextModel::createRandom(const io::LlamaConfig& config,
                                                             uint64_t seed) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    return std::shared_ptr<LlamaTextModel>(new LlamaTextModel(config, config.initializerRange));
}

std::shared_ptr<LlamaTextModel> LlamaTextModel::createEmpty(const io::LlamaConfig& config) {
    torch::NoGradGuard noGrad;
    return std::shared_ptr<LlamaTextModel>(new LlamaTextModel(config, kUninitialised));
}

torch::Tensor LlamaTextModel::imagePrefix(const torch::Tensor&) const {
    throw Error(ErrorKind::Unsupported,
                "this model has no vision tower: a bare LLaMA reads text only; ask without an "
                "image");
}

DecoderInput LlamaTextModel::prepare(const torch::Tensor& imagePrefix,
                                     const torch::Tensor& inputIds,
                                     const torch::Tensor& attentionMask,
                                     const torch::Tensor&) const {
    if (imagePrefix.defined())
        this->imagePrefix(imagePrefix); // throws
    DecoderInput out;
    auto ids = inputIds.to(device(), torch::kLong);
    out.attentionMask =
        attentionMask.defined() ? attentionMask.to(device(), torch::kLong) : torch::ones_like(ids);
    if (out.attentionMask.sizes() != ids.sizes())
        throw Error(ErrorKind::InvalidInput, "attention_mask must have the shape of input_ids");
    out.inputsEmbeds = decoder_.embedTokens(ids);
    return out;
}

} // namespace unike::model
