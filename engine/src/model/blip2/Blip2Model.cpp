#include "model/blip2/Blip2Model.h"

#include <unike/Error.h>

namespace unike::model {

Blip2Model::Blip2Model(const io::Blip2Config& config, double initStd)
    : config_(config) {
    vision_ = VisionTransformer(config.vision, store_, initStd);
    qformer_ = QFormer(config.qformer, config.numQueryTokens, store_, initStd);
    languageProjection_ = Linear::create(store_, "language_projection", config.qformer.hiddenSize,
                                         config.text.wordEmbedProjDim, true, initStd);
    decoder_ = OptDecoder(config.text, store_, initStd);
}

std::shared_ptr<Blip2Model> Blip2Model::createRandom(const io::Blip2Config& config, uint64_t seed) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    return std::shared_ptr<Blip2Model>(new Blip2Model(config, config.initializerRange));
}

std::shared_ptr<Blip2Model> Blip2Model::createEmpty(const io::Blip2Config& config) {
    torch::NoGradGuard noGrad;
    return std::shared_ptr<Blip2Model>(new Blip2Model(config, kUninitialised));
}

std::string Blip2Model::configJson() const {
    return io::toJson(config_);
}

torch::Tensor Blip2Model::imagePrefix(const torch::Tensor& pixelValues) const {
    auto imageEmbeds = vision_.forward(pixelValues.to(device(), dtype()));
    return languageProjection_(qformer_.forward(imageEmbeds));
}

DecoderInput Blip2Model::prepare(const torch::Tensor& imagePrefix, const torch::Tensor& inputIds,
                                 const torch::Tensor& attentionMask,
                                 const torch::Tensor& rowHasImage) const {
    DecoderInput out;
    auto ids = inputIds.to(device(), torch::kLong);
    auto mask =
        attentionMask.defined() ? attentionMask.to(device(), torch::kLong) : torch::ones_like(ids);
    if (mask.sizes() != ids.sizes())
        throw Error(ErrorKind::InvalidInput, "attention_mask must have the shape of input_ids");
    auto embeds = decoder_.embedTokens(ids);
    if (!imagePrefix.defined()) {
        out.inputsEmbeds = embeds;
        out.attentionMask = mask;
        return out;
    }
    auto prefix = imagePrefix.to(embeds.scalar_type());
    if (prefix.size(0) != ids.size(0))
        throw Error(ErrorKind::InvalidInput, "the image batch and the text batch differ in size");
    // Newer configs mark where the image goes with placeholder tokens; the result
    // equals prepending, which older configs (and the demo model) do.
    if (config_.imageTokenIndex && (ids == *config_.imageTokenIndex).any().item<bool>()) {
        auto placeholder = (ids == *config_.imageTokenIndex);
        if (placeholder.sum(1).ne(prefix.size(1)).any().item<bool>())
            throw Error(ErrorKind::InvalidInput, "each row of input_ids must hold exactly " +
                                                     std::to_string(prefix.size(1)) +
                                                     " image placeholder tokens");
        embeds = embeds.masked_scatter(placeholder.unsqueeze(-1).expand_as(embeds), prefix);
        out.inputsEmbeds = embeds;
        out.attentionMask = mask;
        return out;
    }
    out.prefixLength = prefix.size(1);
    out.inputsEmbeds = torch::cat({prefix, embeds}, 1);
    auto prefixMask = torch::ones({ids.size(0), prefix.size(1)}, mask.options());
    if (rowHasImage.defined())
        prefixMask = prefixMask * rowHasImage.to(mask.device(), torch::kLong).view({-1, 1});
    out.attentionMask = torch::cat({prefixMask, mask}, 1);
    return out;
}

} // namespace unike::model
