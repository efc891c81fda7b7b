#include "train/AuxHeads.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace unike::train {
namespace {

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

torch::Tensor trainable(torch::Tensor tensor) {
    return tensor.requires_grad_(true);
}

} // namespace

AuxHeads::AuxHeads(std::vector<int> slotSizes, const std::vector<std::string>& slotNames,
                   int64_t prefixWidth, bool objectQueries, bool objectTokens)
    : AuxHeads(std::move(slotSizes), slotNames, prefixWidth,
               !objectQueries ? ObjectReading::Pooled
               : objectTokens ? ObjectReading::QueryTokens
                              : ObjectReading::Queries) {}

AuxHeads::AuxHeads(std::vector<int> slotSizes, const std::vector<std::string>& slotNames,
                   int64_t prefixWidth, ObjectReading reading)
    : sizes_(std::move(slotSizes))
    , names_(slotNames)
    , objectQueries_(reading == ObjectReading::Queries || reading == ObjectReading::QueryTokens)
    , objectTokens_(reading == ObjectReading::QueryTokens)
    , objectRegions_(reading == ObjectReading::Regions) {
    int64_t classes = 0;
    for (size_t slot = 0; slot < sizes_.size(); ++slot) {
        offsets_.push_back(classes);
        classes += sizes_[slot];
        int object = -1;
        const std::string& name = slot < names_.size() ? names_[slot] : std::string();
        if (name.rfind("object", 0) == 0 && name.size() > 6 && std::isdigit(name[6]))
            object = name[6] - '0';
        objectOf_.push_back(object);
        objects_ = std::max(objects_, object + 1);
    }
    weight_ = trainable(torch::randn({classes, prefixWidth}) * 0.02);
    bias_ = trainable(torch::zeros({classes}));
    std::map<std::string, int64_t> presenceOffsets;
    for (size_t slot = 0; slot < names_.size() && slot < sizes_.size(); ++slot) {
        for (const std::string kind : {"shape", "colour"}) {
            if (!endsWith(names_[slot], kind))
                continue;
            if (!presenceOffsets.count(kind)) {
                presenceOffsets[kind] = presenceClasses_;
                presenceClasses_ += sizes_[slot];
            }
            presenceSlots_.emplace_back(slot, presenceOffsets[kind]);
        }
    }
    if (presenceClasses_ > 0) {
        presenceWeight_ = trainable(torch::randn({presenceClasses_, prefixWidth}) * 0.02);
        presenceBias_ = trainable(torch::zeros({presenceClasses_}));
    }
}

void AuxHeads::tieToWords(const std::vector<std::vector<int64_t>>& slotTokenIds) {
    wordIds_.assign(sizes_.size(), torch::Tensor());
    for (size_t slot = 0; slot < sizes_.size() && slot < slotTokenIds.size(); ++slot)
        if (!slotTokenIds[slot].empty() && int(slotTokenIds[slot].size()) == sizes_[slot])
            wordIds_[slot] = torch::tensor(slotTokenIds[slot], torch::kLong);
    // Unit rows times a scale learned in log space: the logits' size is then the heads' own,
    // not that of embeddings that start at 0.02 a weight and change as the decoder learns.
    wordLogScale_ = trainable(torch::zeros({}));
}

std::vector<torch::Tensor> AuxHeads::parameters() const {
    std::vector<torch::Tensor> out = {weight_, bias_};
    if (wordLogScale_.defined())
        out.push_back(wordLogScale_);
    if (presenceClasses_ > 0)
        out.insert(out.end(), {presenceWeight_, presenceBias_});
    return out;
}

torch::Tensor AuxHeads::loss(const torch::Tensor& prefix, const TrainingBatch& batch,
                             double shapeWeight) const {
    const torch::Tensor whole = prefix.mean(1);
    auto total =
        slotLoss(slotInputs(prefix, whole, batch.objectRegions), batch.auxLabels, shapeWeight);
    if (presenceClasses_ > 0)
        total = total + presenceLoss(whole, batch);
    return total;
}

std::vector<torch::Tensor> AuxHeads::slotInputs(const torch::Tensor& prefix,
                                                const torch::Tensor& whole,
                                                const torch::Tensor& regions) const {
    std::vector<torch::Tensor> objectInputs; // one per object, each narrowed (and pooled) once
    const int64_t group = objects_ > 0 ? prefix.size(1) / objects_ : 0;
    if (objectRegions_ && regions.defined() && regions.size(2) == prefix.size(1))
        for (int object = 0; object < objects_ && object < regions.size(1); ++object)
            objectInputs.push_back(
                regions.select(1, object).unsqueeze(1).to(prefix.dtype()).bmm(prefix).squeeze(1));
    else if (objectQueries_ && group > 0)
        for (int object = 0; object < objects_; ++object) {
            auto tokens = prefix.narrow(1, object * group, group);
            objectInputs.push_back(objectTokens_ ? tokens : tokens.mean(1));
        }
    std::vector<torch::Tensor> inputs;
    for (int object : objectOf_)
        inputs.push_back(object < 0 || size_t(object) >= objectInputs.size()
                             ? whole
                             : objectInputs[size_t(object)]);
    return inputs;
}

torch::Tensor AuxHeads::slotLogits(const torch::Tensor& input, size_t slot) const {
    const auto bias = bias_.narrow(0, offsets_[slot], sizes_[slot]);
    if (slot < wordIds_.size() && wordIds_[slot].defined() && words_.defined())
        return torch::nn::functional::linear(
            input,
            torch::nn::functional::normalize(
                words_.index_select(0, wordIds_[slot].to(words_.device())),
                torch::nn::functional::NormalizeFuncOptions().dim(1)) *
                wordLogScale_.exp(),
            bias);
    return torch::nn::functional::linear(input, weight_.narrow(0, offsets_[slot], sizes_[slot]),
                                         bias);
}

torch::Tensor AuxHeads::slotLoss(const std::vector<torch::Tensor>& inputs,
                                 const torch::Tensor& labels, double shapeWeight) const {
    torch::Tensor sum = torch::zeros({});
    double used = 0;
    for (size_t slot = 0; slot < sizes_.size(); ++slot) {
        auto column = labels.select(1, int64_t(slot));
        if (!column.ge(0).any().item<bool>())
            continue;
        const double weight =
            slot < names_.size() && endsWith(names_[slot], "shape") ? shapeWeight : 1.0;
        used += weight;
        auto logits = slotLogits(inputs[slot], slot);
        if (logits.dim() == 3) { // every token of the object's group, each with the label
            column = column.view({-1, 1}).expand({-1, logits.size(1)}).reshape({-1});
            logits = logits.reshape({-1, logits.size(-1)});
        }
        sum = sum + weight * torch::nn::functional::cross_entropy(
                                 logits, column,
                                 torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1));
    }
    return used > 0 ? sum / used : sum; // the mean over slots, not their sum
}

torch::Tensor AuxHeads::presenceLoss(const torch::Tensor& pooled,
                                     const TrainingBatch& batch) const {
    auto present = torch::zeros({batch.auxLabels.size(0), presenceClasses_});
    for (const auto& [slot, offset] : presenceSlots_) {
        auto column = batch.auxLabels.select(1, int64_t(slot));
        auto index = (column.clamp_min(0) + offset).view({-1, 1});
        present.scatter_add_(1, index, column.ge(0).to(torch::kFloat32).view({-1, 1}));
    }
    present = present.clamp_max(1.0);
    auto hasImage = batch.rowHasImage.to(torch::kFloat32).view({-1, 1});
    auto logits = torch::nn::functional::linear(pooled, presenceWeight_, presenceBias_);
    auto perEntry =
        torch::binary_cross_entropy_with_logits(logits, present, {}, {}, at::Reduction::None);
    return (perEntry * hasImage).sum() / (hasImage.sum() * double(presenceClasses_) + 1e-6);
}

double AuxHeads::slotAccuracy(const torch::Tensor& prefix, const TrainingBatch& batch,
                              const std::string& name) const {
    for (size_t slot = 0; slot < names_.size() && slot < sizes_.size(); ++slot) {
        if (names_[slot] != name)
            continue;
        torch::NoGradGuard noGrad;
        auto labels = batch.auxLabels.select(1, int64_t(slot));
        auto labelled = labels.ge(0);
        const int64_t count = labelled.sum().item<int64_t>();
        if (count == 0)
            return -1.0;
        auto logits =
            slotLogits(slotInputs(prefix, prefix.mean(1), batch.objectRegions)[slot], slot);
        if (logits.dim() == 3)
            logits = logits.mean(1); // the group's tokens vote
        auto right = (logits.argmax(-1).eq(labels) & labelled).sum().item<int64_t>();
        return 100.0 * double(right) / double(count);
    }
    return -1.0;
}

} // namespace unike::train
