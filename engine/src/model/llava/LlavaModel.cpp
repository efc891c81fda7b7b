#include "model/llava/LlavaModel.h"

#include "model/llava/ImageTokens.h"

#include <algorithm>

namespace unike::model {

LlavaModel::LlavaModel(const io::LlavaConfig& config, double visionStd, double textStd)
    : config_(config) {
    checkActivation(config.projectorHiddenAct, "projector_hidden_act");
    vision_ = ClipVisionTower(config.vision, "vision_tower.vision_model.", store_, visionStd);
    // Several feature layers are concatenated along the width.
    const int64_t features = config.vision.hiddenSize * int64_t(config.visionFeatureLayers.size());
    const int64_t d = config.text.hiddenSize;
    const bool bias = config.multimodalProjectorBias;
    projector1_ =
        Linear::create(store_, "multi_modal_projector.linear_1", features, d, bias, textStd);
    projector2_ = Linear::create(store_, "multi_modal_projector.linear_2", d, d, bias, textStd);
    decoder_ = LlamaDecoder(config.text, names(), config.tiesEmbeddings(), store_, textStd);
}

std::shared_ptr<LlavaModel> LlavaModel::createRandom(const io::LlavaConfig& config, uint64_t seed) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    return std::shared_ptr<LlavaModel>(
        new LlavaModel(config, config.vision.initializerRange, config.text.initializerRange));
}

std::shared_ptr<LlavaModel> LlavaModel::createEmpty(const io::LlavaConfig& config) {
    torch::NoGradGuard noGrad;
    return std::shared_ptr<LlavaModel>(new LlavaModel(config, kUninitialised, kUninitialised));
}

torch::Tensor LlavaModel::imagePrefix(const torch::Tensor& pixelValues) const {
    const std::vector<int64_t> layers = config_.featureLayerIndices();
    const int64_t deepest = *std::max_element(layers.begin(), layers.end());
    const auto states = vision_.hiddenStates(pixelValues, deepest);
    std::vector<torch::Tensor> chosen;
    for (int64_t layer : layers) {
        auto s = states[size_t(layer)];
        if (config_.visionFeatureSelectStrategy == "default")
            s = s.narrow(1, 1, s.size(1) - 1); // drop CLS
        chosen.push_back(s);
    }
    auto features = chosen.size() == 1 ? chosen.front() : torch::cat(chosen, -1);
    // The projector's act is exact (erf) GELU by default.
    return projector2_(activate(config_.projectorHiddenAct, projector1_(features)));
}

DecoderInput LlavaModel::prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                                 const torch::Tensor& attentionMask,
                                 const torch::Tensor& rowHasImage) const {
    auto ids = inputIds.to(device(), torch::kLong);
    auto mask = attentionMask.defined() ? attentionMask.to(device()) : torch::Tensor();
    return placeImageTokens(decoder_, config_.imageTokenIndex, imagePrefix, ids, mask, rowHasImage);
}

} // namespace unike::model
