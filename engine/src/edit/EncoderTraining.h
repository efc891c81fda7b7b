#pragma once
// Trains the semantic and truthfulness encoders of one layer on triplet states
// (METHOD.md §6) with Adam:
// - truthfulness: a supervised contrastive loss over Enc_tru(h_pos) and
//   Enc_tru(h_neg), labelled right and wrong;
// - semantic: InfoNCE with the raw h_sem as anchor, Enc_sem(h_pos) and
//   Enc_sem(h_neg) of the same sample as positives, other samples as negatives.

#include "edit/SpaceEncoder.h"

#include <unike/Progress.h>

namespace unike::edit {

struct TripletStates {
    torch::Tensor sem, pos, neg; // (N, D) each
};

struct EncoderTrainingOptions {
    int epochs = 30;
    double learningRate = 1e-4;
    int batchSize = 256;
    double temperature = 0.1;
    int truthDims = 64;
    uint64_t seed = 0;
    double heldOut = 0.1; // share of triplets kept out of training for the two checks
};

struct TrainedEncoders {
    SpaceEncoder semantic, truth;
    double semanticLoss = 0, truthLoss = 0; // the last epoch's means
    // On held-out triplets: the share whose right answer projects further along
    // zeta than its wrong one in the truthfulness space (0.5: no separation), and
    // the share whose raw h_sem is nearest (by cosine, among the held-out
    // encodings) to its own Enc_sem(h_pos) (1/N: none).
    double truthAccuracy = 0, semanticRecall = 0;
    torch::Tensor zeta; // mean Enc_tru(h_pos) - mean Enc_tru(h_neg) on the training triplets
};

TrainedEncoders trainSpaceEncoders(const TripletStates& states,
                                   const EncoderTrainingOptions& options,
                                   const Progress& progress = Progress());

// The supervised contrastive loss of rows `z` (N, d) with labels (N) int64.
torch::Tensor supervisedContrastiveLoss(const torch::Tensor& z, const torch::Tensor& labels,
                                        double temperature);

} // namespace unike::edit
