#pragma once
// What changes while a person works on a loaded model: the stack of edits and the inference
// settings that the latest edit chose (its layers, alpha rule, ...). The loaded model, its
// tokenizer, image processor and preparation stay as they were loaded (LoadedModel); a new
// model gets a new session. FT-L's weight swaps are the one change that reaches the model's
// tensors: the stack applies them while they are live, and EditBypass takes them out.

#include "edit/EditHyperParams.h"
#include "edit/EditStack.h"
#include "edit/Preparation.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace unike {

class EditSession {
public:
    explicit EditSession(model::MultimodalModel& model);

    edit::EditStack& edits() { return *edits_; }
    const edit::EditStack& edits() const { return *edits_; }
    // The settings the hooks use at inference time.
    const edit::EditHyperParams& inference() const { return inference_; }

    // Gives the stack the preparation's knowledge banks and space encoders.
    void usePreparation(const edit::Preparation& preparation);

    // Adds a trained patch; its settings become the inference settings. Returns its id.
    int add(std::shared_ptr<edit::EditPatch> patch, const edit::EditHyperParams& settings);
    // Undo and redo of one edit. Each puts back the inference settings the edit replaced (or
    // set), but only while no later edit changed them again.
    void remove(int id);
    void restore(int id);
    void clear();
    // A saved session's edits and settings, which have no undo history.
    void replaceAll(std::vector<std::shared_ptr<edit::EditPatch>> patches,
                    const edit::EditHyperParams& inference);

private:
    std::unique_ptr<edit::EditStack> edits_;
    edit::EditHyperParams inference_;
    // Per applied edit: the inference settings it replaced and the ones it set.
    std::map<int, std::pair<edit::EditHyperParams, edit::EditHyperParams>> inferenceSwaps_;
};

} // namespace unike
