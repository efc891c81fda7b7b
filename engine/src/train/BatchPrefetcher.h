#pragma once
// Assembles the trainer's next batch on a second thread while the current step runs.
// The model's own compute keeps only one core busy (EVIDENCE.md: one torch thread is
// fastest here), so the machine's other core can render and tokenise meanwhile. Measured
// in 2-minute runs: 18% more vision warm-up steps, whose batches are mostly drawing, and
// 5% more full steps (29% with OpenBLAS also on both cores, README).

#include "text/TextTokenizer.h"
#include "train/TrainingBatch.h"
#include "train/TrainingSample.h"
#include "vision/ImagePreprocessor.h"

#include <future>

namespace unike::train {

struct BatchRequest {
    int size = 32;
    bool imagesOnly = false;       // skip text-only samples
    double trainingFraction = 0.0; // passed to the source's curriculum
};

class BatchPrefetcher {
public:
    // With `background` false every batch is built on the caller's thread, on demand.
    BatchPrefetcher(SampleSource& source, const text::TextTokenizer& tokenizer,
                    const vision::ImagePreprocessor& preprocessor, int imageSize, size_t auxSlots,
                    bool background, RegionGrid grid = {});
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The next batch. In the background mode it was started by the previous call, with that
    // call's request (one step stale, which a curriculum measured in minutes does not notice);
    // the following one starts now with `request`.
    TrainingBatch take(const BatchRequest& request);

private:
    TrainingBatch build(const BatchRequest& request);

    SampleSource& source_;
    const text::TextTokenizer& tokenizer_;
    const vision::ImagePreprocessor& preprocessor_;
    int imageSize_;
    size_t auxSlots_;
    bool background_;
    RegionGrid grid_;
    std::future<TrainingBatch> pending_;
};

} // namespace unike::train
