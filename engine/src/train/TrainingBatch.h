#pragma once
// Turns training samples into padded tensors for one optimisation step.

#include "text/BpeTokenizer.h"
#include "train/TrainingSample.h"
#include "vision/ImagePreprocessor.h"

#include <torch/torch.h>

namespace unike::train {

struct TrainingBatch {
    torch::Tensor pixelValues;   // (B, 3, H, W); zeros for text-only rows
    torch::Tensor rowHasImage;   // (B) bool
    torch::Tensor inputIds;      // (B, T), right-padded
    torch::Tensor attentionMask; // (B, T)
    torch::Tensor labels;        // (B, T): the id at answer/EOS positions, -100 elsewhere
    torch::Tensor auxLabels;     // (B, slots), -1 for none
    torch::Tensor subjectObject; // (B), the object the question asks about, -1 for none
    torch::Tensor promptLength;  // (B), tokens before the answer, BOS included
    std::vector<std::string> groups;
};

TrainingBatch buildBatch(const std::vector<TrainingSample>& samples,
                         const text::BpeTokenizer& tokenizer,
                         const vision::ImagePreprocessor& preprocessor, int imageSize,
                         size_t auxSlots);

} // namespace unike::train
