#include "train/BatchPrefetcher.h"

namespace unike::train {

BatchPrefetcher::BatchPrefetcher(SampleSource& source, const text::TextTokenizer& tokenizer,
                                 const vision::ImagePreprocessor& preprocessor, int imageSize,
                                 size_t auxSlots, bool background, RegionGrid grid)
    : source_(source)
    , tokenizer_(tokenizer)
    , preprocessor_(preprocessor)
    , imageSize_(imageSize)
    , auxSlots_(auxSlots)
    , background_(background)
    , grid_(grid) {}

BatchPrefetcher::~BatchPrefetcher() {
    // The worker holds references to the source; it must finish before they go away.
    if (pending_.valid())
        pending_.wait();
}

TrainingBatch BatchPrefetcher::build(const BatchRequest& request) {
    source_.setTrainingFraction(request.trainingFraction);
    std::vector<TrainingSample> samples;
    samples.reserve(size_t(request.size));
    while (int(samples.size()) < request.size) {
        TrainingSample sample = source_.next();
        if (request.imagesOnly && !sample.hasImage)
            continue;
        samples.push_back(std::move(sample));
    }
    return buildBatch(samples, tokenizer_, preprocessor_, imageSize_, auxSlots_, grid_);
}

TrainingBatch BatchPrefetcher::take(const BatchRequest& request) {
    if (!background_)
        return build(request);
    TrainingBatch batch = pending_.valid() ? pending_.get() : build(request);
    pending_ = std::async(std::launch::async, [this, request] { return build(request); });
    return batch;
}

} // namespace unike::train
