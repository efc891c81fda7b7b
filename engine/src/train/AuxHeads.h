#pragma once
// The auxiliary heads on the image prefix, alive only during training (EVIDENCE.md:
// without them nothing visual was learned early). One linear classifier per label slot,
// plus an order-free presence head for the slots ending in "shape" or "colour": which
// shapes and colours are in the image, a cleaner signal than "the shape of object 1",
// which needs binding first.
//
// With object queries, slot "objectK_..." reads only the K-th group of prefix tokens (16
// queries, 3 objects: tokens 0-4, 5-9, 10-14), so each object's attributes sit together in
// the tokens the decoder attends to, bound, instead of spread over the whole prefix.
// With object tokens as well, every token of the group must name all its object's
// attributes on its own (not just their mean), so one attention read of a token whose
// shape matches the question also brings that object's colour, size and position.
// With object regions instead (LLaVA, whose visual tokens are patches), slot "objectK_..."
// reads the patches object K covers (TrainingBatch::objectRegions), weighted by how much of
// each it covers: the vision tower then keeps each object's attributes where the object is.

#include "train/TrainingBatch.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace unike::train {

class AuxHeads {
public:
    enum class ObjectReading { Pooled, Queries, QueryTokens, Regions };
    AuxHeads(std::vector<int> slotSizes, const std::vector<std::string>& slotNames,
             int64_t prefixWidth, bool objectQueries = false, bool objectTokens = false);
    AuxHeads(std::vector<int> slotSizes, const std::vector<std::string>& slotNames,
             int64_t prefixWidth, ObjectReading reading);

    // The mean cross-entropy over the labelled slots plus the presence loss; the slots
    // named "...shape" count `shapeWeight` times in that mean.
    torch::Tensor loss(const torch::Tensor& prefix, const TrainingBatch& batch,
                       double shapeWeight = 1.0) const;
    // Accuracy (0..100) of the slot named `name` on this batch; -1 where no row has it.
    double slotAccuracy(const torch::Tensor& prefix, const TrainingBatch& batch,
                        const std::string& name) const;
    std::vector<torch::Tensor> parameters() const;
    // The prefix groups (or regions) the object slots read, one per object; 0 when they pool
    // the whole prefix.
    int objectGroups() const { return objectQueries_ || objectRegions_ ? objects_ : 0; }
    bool readsRegions() const { return objectRegions_; }

    // Object words: the slots with a token id per class classify an object's tokens by their
    // dot product with the decoder's embeddings of those words (unit rows times a learned
    // scale), not
    // with a head of their own. The decoder then finds the object a question names by
    // matching the question's word against image tokens in its own embedding space, and the
    // answer word is what an attention read of the token carries (the embeddings are tied).
    // `slotTokenIds`: per slot, one token id per class, or empty for a linear head.
    void tieToWords(const std::vector<std::vector<int64_t>>& slotTokenIds);
    // The embedding matrix the tied slots read: detached while the decoder is not trained.
    void setWordEmbeddings(torch::Tensor embeddings) { words_ = std::move(embeddings); }

private:
    // What each slot reads (see above): `whole`, the prefix's mean (B, W), its object's group
    // mean (B, W), or with object tokens the group itself (B, G, W).
    std::vector<torch::Tensor> slotInputs(const torch::Tensor& prefix, const torch::Tensor& whole,
                                          const torch::Tensor& regions) const;
    torch::Tensor slotLogits(const torch::Tensor& input, size_t slot) const;
    torch::Tensor slotLoss(const std::vector<torch::Tensor>& inputs, const torch::Tensor& labels,
                           double shapeWeight) const;
    torch::Tensor presenceLoss(const torch::Tensor& pooled, const TrainingBatch& batch) const;

    std::vector<int> sizes_;
    std::vector<std::string> names_;
    std::vector<int64_t> offsets_; // each slot's first logit
    std::vector<int> objectOf_;    // K for a slot named "objectK_...", else -1
    int objects_ = 0;              // distinct K
    bool objectQueries_ = false;
    bool objectTokens_ = false;
    bool objectRegions_ = false;
    torch::Tensor weight_, bias_;
    std::vector<torch::Tensor> wordIds_; // per slot: (classes) token ids, or undefined
    torch::Tensor words_, wordLogScale_;
    std::vector<std::pair<size_t, int64_t>> presenceSlots_; // (slot, offset in the presence head)
    int64_t presenceClasses_ = 0;
    torch::Tensor presenceWeight_, presenceBias_;
};

} // namespace unike::train
