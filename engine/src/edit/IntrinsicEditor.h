#pragma once
// Intrinsic editing (METHOD.md §4): new FFN neurons in each edited layer, trained
// on the edit while the model stays frozen; optionally with the edit's latent
// knowledge entry (§5) and the zeta direction (§6). The layers below the first
// edited layer run once per edit; each step runs only the edited layers.

#include "edit/EditStack.h"
#include "edit/Editor.h"

#include <unike/Progress.h>

#include <memory>

namespace unike::edit {

struct IntrinsicOptions {
    bool neurons = true;    // intrinsic knowledge (new neurons)
    bool knowledge = false; // the edit's own (h_sem, h_pos) bank entry
    bool zeta = false;      // learn W_zeta for the zeta direction
};

class IntrinsicEditor : public Editor {
public:
    IntrinsicEditor(const model::MultimodalModel& model, const EditStack& stack,
                    const EditHyperParams& params, IntrinsicOptions options)
        : model_(model)
        , stack_(stack)
        , params_(params)
        , options_(options) {}

    // Builds and trains a patch; the stack is not changed. Reports "loss",
    // "edit_loss", "activation_loss", "memory_loss" and "accuracy" per step.
    // Throws Error(Cancelled) on cancel, leaving nothing behind.
    std::shared_ptr<EditPatch> train(const EditRequest& request,
                                     const Progress& progress) const override;

    void setMemory(std::map<int, torch::Tensor> memory) { memory_ = std::move(memory); }

private:
    const model::MultimodalModel& model_;
    const EditStack& stack_;
    const EditHyperParams& params_;
    IntrinsicOptions options_;
    std::map<int, torch::Tensor> memory_; // unrelated FFN inputs per layer, (M, D)
};

} // namespace unike::edit
