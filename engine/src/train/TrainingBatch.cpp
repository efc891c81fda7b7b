#include "train/TrainingBatch.h"

#include "model/TensorConversions.h"

#include <unike/Error.h>

namespace unike::train {

TrainingBatch buildBatch(const std::vector<TrainingSample>& samples,
                         const text::BpeTokenizer& tokenizer,
                         const vision::ImagePreprocessor& preprocessor, int imageSize,
                         size_t auxSlots) {
    const int64_t batch = int64_t(samples.size());
    std::vector<std::vector<int>> ids;
    std::vector<size_t> promptLengths;
    size_t longest = 0;
    for (const TrainingSample& sample : samples) {
        std::vector<int> row = tokenizer.encode(sample.prompt, true);
        promptLengths.push_back(row.size());
        const std::vector<int> answer = tokenizer.encode(" " + sample.answer, false);
        row.insert(row.end(), answer.begin(), answer.end());
        row.push_back(tokenizer.eosId());
        longest = std::max(longest, row.size());
        ids.push_back(std::move(row));
    }
    TrainingBatch out;
    out.inputIds = torch::full({batch, int64_t(longest)}, tokenizer.padId(), torch::kLong);
    out.attentionMask = torch::zeros({batch, int64_t(longest)}, torch::kLong);
    out.labels = torch::full({batch, int64_t(longest)}, -100, torch::kLong);
    out.pixelValues = torch::zeros({batch, 3, imageSize, imageSize});
    out.rowHasImage = torch::zeros({batch}, torch::kBool);
    out.auxLabels = torch::full({batch, int64_t(auxSlots)}, -1, torch::kLong);
    out.subjectObject = torch::full({batch}, -1, torch::kLong);
    out.promptLength = torch::zeros({batch}, torch::kLong);
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
