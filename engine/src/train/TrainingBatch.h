#pragma once
// Turns training samples into padded tensors for one optimisation step: each prompt with
// its answer and EOS, as the model's tokenizer reads "prompt answer".

#include "text/TextTokenizer.h"
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
    // With a RegionGrid: (B, objects, side * side), how much of each patch (row-major, as
    // the visual tokens) each object covers, each object's row summing to 1; zero rows for
    // objects a scene does not have. Undefined otherwise.
    torch::Tensor objectRegions;
    std::vector<std::string> groups;
};

// The patch grid of a vision tower whose visual tokens are its patches (LLaVA), for object
// regions; side 0 for none.
struct RegionGrid {
    int side = 0;    // patches per image side
    int objects = 0; // object slots
};

TrainingBatch buildBatch(const std::vector<TrainingSample>& samples,
                         const text::TextTokenizer& tokenizer,
                         const vision::ImagePreprocessor& preprocessor, int imageSize,
                         size_t auxSlots, RegionGrid grid = {});

// One object's share of each patch of a side x side grid, summing to 1 (all zeros for an
// empty area): the overlap of its square with each patch, the shape's rotation ignored.
std::vector<float> objectRegion(const ObjectArea& area, int side);

} // namespace unike::train
