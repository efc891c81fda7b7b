#pragma once
// FT-L (METHOD.md §8): fine-tunes the last decoder layer's FFN output weights on the
// edit. The patch keeps the weights before and after; the stack applies the
// difference, so the edit can be switched off or removed like any other.

#include "edit/EditStack.h"
#include "edit/Editor.h"

#include <unike/Progress.h>

#include <memory>

namespace unike::edit {

class FineTuneEditor : public Editor {
public:
    FineTuneEditor(model::MultimodalModel& model, const EditStack& stack,
                   const EditHyperParams& params)
        : model_(model)
        , stack_(stack)
        , params_(params) {}

    // Restores the model's weights before returning, also on cancel or error.
    std::shared_ptr<EditPatch> train(const EditRequest& request,
                                     const Progress& progress) const override;

private:
    model::MultimodalModel& model_;
    const EditStack& stack_;
    const EditHyperParams& params_;
};

} // namespace unike::edit
