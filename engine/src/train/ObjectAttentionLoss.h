#pragma once
// Teaches the decoder to find the object a question names (README: the demo model's
// perception misses are binding misses). With object queries (BLIP-2), object K of a scene
// owns the K-th group of image-prefix tokens; with object regions (LLaVA), the patches it
// covers. At the position that predicts the answer, one attention head per layer is pulled
// towards the asked object's tokens. Training-only: the saved model and its inference stay
// plain BLIP-2 or LLaVA.

#include <torch/torch.h>

#include <vector>

namespace unike::train {

struct ObjectAttentionTargets {
    int64_t prefixLength = 0;    // positions added in front of the text after the image
    int objectGroups = 0;        // groups the prefix splits into, one per object slot
    torch::Tensor subjectObject; // (B), the asked object's group, -1 where none
    torch::Tensor promptLength;  // (B), text tokens before the answer, BOS included
    // LLaVA: (B, objects, N) object regions over its N patch tokens (TrainingBatch), which
    // stand at sequence positions [visualStart, visualStart + N); the subject's target is
    // every patch it covers. Undefined: BLIP-2's groups of the prefix, at positions 0...
    torch::Tensor objectRegions;
    int64_t visualStart = 0;
};

// The mean over the rows with a subject and over layers [firstLayer, end) of
// -log(head `head`'s attention on the subject's group), read at the last prompt token. The
// head's whole attention counts, not its share of what it gives the image: with the share, a
// head could meet the loss by not looking at the image at all (one of three seeds did, and
// lost what the loss teaches). Zero (with a graph) where no row has a subject.
// `attentions`: per layer, (B, heads, prefix + T, prefix + T).
torch::Tensor objectAttentionLoss(const std::vector<torch::Tensor>& attentions,
                                  const ObjectAttentionTargets& targets, int firstLayer = 1,
                                  int64_t head = 0);

// The same rows' mean attention on the right group (0..1), for the log; -1 where no row has
// a subject.
double objectAttentionShare(const std::vector<torch::Tensor>& attentions,
                            const ObjectAttentionTargets& targets, int firstLayer = 1,
                            int64_t head = 0);

} // namespace unike::train
