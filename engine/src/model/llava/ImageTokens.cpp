#include "model/llava/ImageTokens.h"

#include <unike/Error.h>

#include <algorithm>

namespace unike::model {

DecoderInput placeImageTokens(const LanguageDecoder& decoder, int64_t imageTokenIndex,
                              const torch::Tensor& prefix, const torch::Tensor& inputIds,
                              const torch::Tensor& attentionMask,
                              const torch::Tensor& rowHasImage) {
    const auto ids = inputIds.to(torch::kLong);
    const auto mask = attentionMask.defined() ? attentionMask.to(ids.device(), torch::kLong)
                                              : torch::ones_like(ids);
    if (mask.sizes() != ids.sizes())
        throw Error(ErrorKind::InvalidInput, "attention_mask must have the shape of input_ids");
    const auto isImage = ids == imageTokenIndex;
    const auto counts = isImage.sum(1).to(torch::kCPU);
    const int64_t batch = ids.size(0);
    const std::string token = "image token (id " + std::to_string(imageTokenIndex) + ")";

    // The image token may lie outside the embedding table; its rows are overwritten anyway.
    auto embeds = decoder.embedTokens(ids.masked_fill(isImage, 0));
    DecoderInput out;
    if (!prefix.defined()) {
        if (counts.sum().item<int64_t>() > 0)
            throw Error(ErrorKind::InvalidInput,
                        "the prompt holds the " + token +
                            " but no image was given; add an image or leave the image "
                            "token out of the prompt");
        out.inputsEmbeds = embeds;
        out.attentionMask = mask;
        return out;
    }
    if (prefix.dim() != 3 || prefix.size(0) != batch)
        throw Error(ErrorKind::InvalidInput, "the image batch and the text batch differ in size");
    const int64_t visual = prefix.size(1);
    const auto visuals = prefix.to(embeds.scalar_type());
    const auto hasImage = rowHasImage.defined() ? rowHasImage.to(torch::kCPU, torch::kBool)
                                                : torch::ones({batch}, torch::kBool);

    std::vector<torch::Tensor> rowEmbeds, rowMasks;
    for (int64_t r = 0; r < batch; ++r) {
        const int64_t count = counts[r].item<int64_t>();
        auto e = embeds[r];
        auto m = mask[r];
        auto imagePositions = isImage[r];
        const bool keep = hasImage[r].item<bool>();
        if (count == visual) {
            e = e.masked_scatter(imagePositions.unsqueeze(-1).expand_as(e), visuals[r]);
        } else if (count == 1) {
            const int64_t at = imagePositions.to(torch::kLong).argmax().item<int64_t>();
            const int64_t length = e.size(0);
            e = torch::cat({e.narrow(0, 0, at), visuals[r], e.narrow(0, at + 1, length - at - 1)});
            auto expanded = m.narrow(0, at, 1).expand({visual});
            m = torch::cat({m.narrow(0, 0, at), expanded, m.narrow(0, at + 1, length - at - 1)});
            imagePositions = torch::zeros({e.size(0)}, imagePositions.options());
            imagePositions.narrow(0, at, visual).fill_(true);
        } else if (count != 0) {
            throw Error(ErrorKind::InvalidInput,
                        "row " + std::to_string(r) + " of the prompt holds " +
                            std::to_string(count) + " copies of the " + token +
                            "; LLaVA takes either " + std::to_string(visual) +
                            " (one per visual token) or a single <image> it expands itself");
        }
        if (!keep && count > 0)
            m = m.masked_fill(imagePositions, 0);
        rowEmbeds.push_back(e);
        rowMasks.push_back(m);
    }

    int64_t longest = 0;
    for (const auto& e : rowEmbeds)
        longest = std::max(longest, e.size(0));
    for (size_t r = 0; r < rowEmbeds.size(); ++r) {
        const int64_t pad = longest - rowEmbeds[r].size(0);
        if (pad == 0)
            continue;
        rowEmbeds[r] =
            torch::cat({torch::zeros({pad, embeds.size(2)}, embeds.options()), rowEmbeds[r]});
        rowMasks[r] = torch::cat({torch::zeros({pad}, mask.options()), rowMasks[r]});
    }
    out.inputsEmbeds = torch::stack(rowEmbeds);
    out.attentionMask = torch::stack(rowMasks);
    out.prefixLength = longest - ids.size(1);
    return out;
}

} // namespace unike::model
