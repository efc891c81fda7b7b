#pragma once
// The hook one decoder layer runs for the live edits: their gated FFN neurons and
// the retrieved knowledge slots with their alpha (METHOD.md §4-5).

#include "edit/EditHyperParams.h"
#include "edit/EditPatch.h"
#include "edit/KnowledgeBank.h"
#include "model/LanguageDecoder.h"

#include <functional>
#include <limits>
#include <vector>

namespace unike::edit {

class EditLayerHook : public model::DecoderLayerHook {
public:
    struct Setup {
        int layer = 0;
        std::vector<const EditPatch*> patches; // live, with something at this layer
        const KnowledgeBank* bank = nullptr;   // offline entries, may be null
        torch::Tensor query;                   // (B, D) unedited, at the query positions
        torch::Tensor queryPositions;          // (B)
        torch::Tensor zeta;                    // (d_t) or undefined
        std::function<torch::Tensor(const torch::Tensor&)> semanticEncoder;
        const EditHyperParams* params = nullptr;
        bool useKnowledge = false;
        model::FfnShape ffn; // new neurons compute as the layer's FFN does
    };

    // The new neurons' hidden activations for FFN inputs x (..., D), (..., n).
    static torch::Tensor neuronActivation(const LayerNeurons& neurons, const model::FfnShape& ffn,
                                          const torch::Tensor& x);

    explicit EditLayerHook(Setup setup);

    torch::Tensor ffnDelta(const torch::Tensor& ffnInput,
                           const model::LayerHookContext& context) override;
    torch::Tensor knowledgeStates(const model::LayerHookContext& context) override;
    torch::Tensor knowledgeWeight(const torch::Tensor& attentionInput,
                                  const torch::Tensor& attentionKnowledge,
                                  const model::LayerHookContext& context) override;

    // Each patch's gate for each row, (B); 1 for ungated patches.
    torch::Tensor gate(const EditPatch& patch) const;
    // The gate of an edit keyed `key` (D), whether or not its neurons are gated.
    torch::Tensor gateFor(const torch::Tensor& key) const;
    // The mean alpha of the last forward; NaN when this hook mixed in no knowledge.
    double lastAlpha() const {
        return mixed_ ? lastAlpha_ : std::numeric_limits<double>::quiet_NaN();
    }
    int layer() const { return setup_.layer; }

private:
    Setup setup_;
    torch::Tensor editKeys_, editValues_; // the live edits' own bank entries
    double lastAlpha_ = 0.0;
    bool mixed_ = false; // knowledge was mixed in at least once
};

} // namespace unike::edit
