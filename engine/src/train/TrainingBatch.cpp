#include "train/TrainingBatch.h"

#include "model/TensorConversions.h"

#include <unike/Error.h>

#include <algorithm>

namespace unike::train {

std::vector<float> objectRegion(const ObjectArea& area, int side) {
    std::vector<float> weights(size_t(side) * size_t(side), 0.0f);
    const double half = area.extent / 2, cell = 1.0 / side;
    double total = 0;
    for (int row = 0; row < side; ++row)
        for (int column = 0; column < side; ++column) {
            const double x = std::min((column + 1) * cell, area.cx + half) -
                             std::max(column * cell, area.cx - half);
            const double y =
                std::min((row + 1) * cell, area.cy + half) - std::max(row * cell, area.cy - half);
            const double overlap = std::max(0.0, x) * std::max(0.0, y);
            weights[size_t(row * side + column)] = float(overlap);
            total += overlap;
        }
    if (total > 0)
        for (float& w : weights)
            w = float(w / total);
    return weights;
}

TrainingBatch buildBatch(const std::vector<TrainingSample>& samples,
                         const text::TextTokenizer& tokenizer,
                         const vision::ImagePreprocessor& preprocessor, int imageSize,
                         size_t auxSlots, RegionGrid grid) {
    const int64_t batch = int64_t(samples.size());
    std::vector<std::vector<int>> ids;
    std::vector<size_t> promptLengths;
    size_t longest = 0;
    for (const TrainingSample& sample : samples) {
        text::PromptAndAnswer split = tokenizer.encodePromptAndAnswer(sample.prompt, sample.answer);
        std::vector<int> row = std::move(split.promptIds);
        promptLengths.push_back(row.size());
        row.insert(row.end(), split.answerIds.begin(), split.answerIds.end());
        row.push_back(tokenizer.eosId());
        longest = std::max(longest, row.size());
        ids.push_back(std::move(row));
    }
    if (tokenizer.eosId() < 0 || tokenizer.padId() < 0)
        throw Error(ErrorKind::InvalidInput,
                    "the demo trainer needs a tokenizer with an end-of-text and a padding token");
    TrainingBatch out;
    out.inputIds = torch::full({batch, int64_t(longest)}, tokenizer.padId(), torch::kLong);
    out.attentionMask = torch::zeros({batch, int64_t(longest)}, torch::kLong);
    out.labels = torch::full({batch, int64_t(longest)}, -100, torch::kLong);
    out.pixelValues = torch::zeros({batch, 3, imageSize, imageSize});
    out.rowHasImage = torch::zeros({batch}, torch::kBool);
    out.auxLabels = torch::full({batch, int64_t(auxSlots)}, -1, torch::kLong);
    out.subjectObject = torch::full({batch}, -1, torch::kLong);
    out.promptLength = torch::zeros({batch}, torch::kLong);
    if (grid.side > 0)
        out.objectRegions = torch::zeros({batch, grid.objects, int64_t(grid.side) * grid.side});
    auto idsA = out.inputIds.accessor<int64_t, 2>();
    auto maskA = out.attentionMask.accessor<int64_t, 2>();
    auto labelsA = out.labels.accessor<int64_t, 2>();
    auto auxA = out.auxLabels.accessor<int64_t, 2>();
    auto subjectA = out.subjectObject.accessor<int64_t, 1>();
    auto promptA = out.promptLength.accessor<int64_t, 1>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& row = ids[size_t(b)];
        for (size_t t = 0; t < row.size(); ++t) {
            idsA[b][int64_t(t)] = row[t];
            maskA[b][int64_t(t)] = 1;
            if (t >= promptLengths[size_t(b)])
                labelsA[b][int64_t(t)] = row[t];
        }
        const TrainingSample& sample = samples[size_t(b)];
        subjectA[b] = sample.subjectObject;
        promptA[b] = int64_t(promptLengths[size_t(b)]);
        for (size_t s = 0; s < sample.auxLabels.size() && s < auxSlots; ++s)
            auxA[b][int64_t(s)] = sample.auxLabels[s];
        out.groups.push_back(sample.group);
        if (grid.side > 0)
            for (size_t k = 0; k < sample.objectAreas.size() && int(k) < grid.objects; ++k) {
                const std::vector<float> region = objectRegion(sample.objectAreas[k], grid.side);
                out.objectRegions[b][int64_t(k)].copy_(
                    torch::tensor(region).view({int64_t(region.size())}));
            }
        if (!sample.hasImage)
            continue;
        const vision::PixelTensor pixels = preprocessor.preprocess(sample.image).pixels;
        if (pixels.height != imageSize || pixels.width != imageSize)
            throw Error(ErrorKind::Internal, "preprocessed image has the wrong size");
        out.pixelValues[b].copy_(model::pixelValues(pixels)[0]);
        out.rowHasImage[b] = true;
    }
    return out;
}

} // namespace unike::train
