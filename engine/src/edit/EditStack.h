#pragma once
// The applied edits of a session, in order, and the knowledge banks. It turns
// them into per-forward DecoderHooks, and keeps fine-tuning edits' weight changes
// as deltas on a saved base, so removing every edit restores the weights bitwise.

#include "edit/EditHyperParams.h"
#include "edit/EditPatch.h"
#include "edit/KnowledgeBank.h"
#include "model/DecoderHooks.h"
#include "model/MultimodalModel.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace unike::edit {

class EditLayerHook;
class EditStack;

// Switches every edit off while it lives and back as it was after: the unedited
// model's answers for before/after comparisons. Fine-tuning weights come back bitwise.
class EditBypass {
public:
    explicit EditBypass(EditStack& stack);
    ~EditBypass();
    EditBypass(const EditBypass&) = delete;
    EditBypass& operator=(const EditBypass&) = delete;

private:
    EditStack& stack_;
    std::vector<int> suspended_;
};

// The hooks of one forward pass; keep it alive while the forward runs.
class EditHookSet {
public:
    EditHookSet();
    ~EditHookSet();
    EditHookSet(EditHookSet&&) noexcept;
    const model::DecoderHooks& hooks() const { return hooks_; }
    // Alpha or gate values the hooks computed in the last forward, for display.
    std::map<std::string, double> lastScalars() const;

private:
    friend class EditStack;
    std::vector<std::unique_ptr<EditLayerHook>> layerHooks_;
    model::DecoderHooks hooks_;
};

class EditStack {
public:
    explicit EditStack(model::MultimodalModel& model);

    void setBank(int layer, KnowledgeBank bank) { banks_[layer] = std::move(bank); }
    const std::map<int, KnowledgeBank>& banks() const { return banks_; }
    void setZeta(torch::Tensor zeta) { zeta_ = std::move(zeta); }
    const torch::Tensor& zeta() const { return zeta_; }
    using Encoder = std::function<torch::Tensor(const torch::Tensor&)>;
    void setSemanticEncoder(int layer, Encoder encoder) { encoders_[layer] = std::move(encoder); }

    int add(std::shared_ptr<EditPatch> patch); // returns its id
    // Replaces every patch with saved ones, keeping their ids.
    void replaceAll(std::vector<std::shared_ptr<EditPatch>> patches);
    void setEnabled(int id, bool enabled);
    // remove keeps the patch aside so that restore can put it back in its place.
    void remove(int id);
    void restore(int id);
    void clear(); // forgets every patch, removed ones included
    const std::vector<std::shared_ptr<EditPatch>>& removedPatches() const { return removed_; }
    const std::vector<std::shared_ptr<EditPatch>>& patches() const { return patches_; }
    const EditPatch* find(int id) const;
    int liveCount() const;
    bool empty() const { return patches_.empty(); }

    // Hooks for a batch whose unedited queries per layer are `queries` (B, D), taken
    // at `queryPositions` (B). `extra` is a patch being trained (not in the stack).
    EditHookSet hooks(const std::map<int, torch::Tensor>& queries,
                      const torch::Tensor& queryPositions, const EditHyperParams& params,
                      const EditPatch* extra = nullptr) const;
    // The layers any live edit or a bank touches.
    std::vector<int> activeLayers(const EditHyperParams& params, const EditPatch* extra) const;

private:
    void applyWeightDeltas();

    model::MultimodalModel& model_;
    std::vector<std::shared_ptr<EditPatch>> patches_; // in id order
    std::vector<std::shared_ptr<EditPatch>> removed_;
    std::map<int, KnowledgeBank> banks_;
    std::map<int, Encoder> encoders_;
    torch::Tensor zeta_;
    std::map<std::string, torch::Tensor> baseWeights_; // before any ft edit
    int nextId_ = 1;
};

} // namespace unike::edit
