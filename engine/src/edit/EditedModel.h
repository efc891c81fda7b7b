#pragma once
// Runs the model with the live edits of an EditStack. Every input first gets an
// unedited pre-pass that gives the queries for retrieval and gating at each layer
// (EVIDENCE.md: once a lower edited layer acts, the upper layer's query drifts).

#include "edit/EditStack.h"
#include "model/Generator.h"

#include <map>

namespace unike::edit {

// One input: an optional image prefix (1, Q, D) and a prompt (with BOS).
struct EditQueries {
    std::map<int, torch::Tensor> byLayer; // (1, D) per layer, unedited
    torch::Tensor position;               // (1): the last prompt token's sequence index
};

class EditedModel {
public:
    EditedModel(const model::MultimodalModel& model, const EditStack& stack,
                const EditHyperParams& params)
        : model_(model)
        , stack_(stack)
        , params_(params) {}

    EditQueries queries(const torch::Tensor& prefix, const std::vector<int>& promptIds) const;

    model::Generation generate(const torch::Tensor& prefix, const std::vector<int>& promptIds,
                               model::GenerationOptions options,
                               const Progress& progress = Progress()) const;
    model::AnswerScore score(const torch::Tensor& prefix, const std::vector<int>& promptIds,
                             const std::vector<int>& answerIds, int topK = 0) const;
    // Logits of prompt + answer under the live edits, (1, prefix + T, vocab).
    torch::Tensor logits(const torch::Tensor& prefix, const std::vector<int>& promptIds,
                         const std::vector<int>& answerIds) const;
    // The same forward, keeping the hidden states entering each decoder layer.
    model::ForwardResult hiddenStates(const torch::Tensor& prefix,
                                      const std::vector<int>& promptIds,
                                      const std::vector<int>& answerIds) const;

private:
    model::ForwardResult run(const torch::Tensor& prefix, const std::vector<int>& promptIds,
                             const std::vector<int>& answerIds, bool captureHidden) const;

    // False when no live edit or bank touches any layer: the plain model runs.
    bool editsAct() const;

    const model::MultimodalModel& model_;
    const EditStack& stack_;
    const EditHyperParams& params_;
};

} // namespace unike::edit
