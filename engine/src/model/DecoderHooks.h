#pragma once
// The hook points editors use inside each decoder layer (METHOD.md §3-5):
//   - extra FFN neurons: an addition to the FFN's output, computed from its input;
//   - extra attention key-value slots: hidden states the layer turns into keys and
//     values with its own layer norm and projections, mixed in with a weight alpha:
//     A = (1 - alpha) * A_in + alpha * A_know.
// Hooks are passed per forward call, so the loaded model stays read-only and an
// edit attaches or detaches without copying any weight. With no hook attached the
// layer runs exactly the plain computation (bitwise-equal outputs).

#include <torch/torch.h>

#include <map>
#include <vector>

namespace unike::model {

struct LayerHookContext {
    int layer = 0;               // decoder layer index
    torch::Tensor layerInput;    // (B, T, D): the hidden state entering the layer
    torch::Tensor attentionMask; // (B, past + T): 1 for real tokens, 0 for padding
    int64_t pastLength = 0;      // tokens already in the KV cache (0 at prefill)
};

class DecoderLayerHook {
public:
    virtual ~DecoderLayerHook() = default;

    // Added to the FFN output; `ffnInput` is what enters fc1 (B, T, D).
    // Return an undefined tensor to add nothing.
    virtual torch::Tensor ffnDelta(const torch::Tensor& ffnInput, const LayerHookContext& context) {
        return {};
    }

    // Knowledge hidden states (B, K, D) or (K, D), raw (before the layer norm).
    // Undefined: no extra slots.
    virtual torch::Tensor knowledgeStates(const LayerHookContext& context) { return {}; }

    // Alpha for the knowledge term, (B, 1, 1) or (B, T, 1), from the two attention
    // results (B, T, D) with heads merged, before the output projection.
    virtual torch::Tensor knowledgeWeight(const torch::Tensor& attentionInput,
                                          const torch::Tensor& attentionKnowledge,
                                          const LayerHookContext& context) {
        return {};
    }
};

// Where a rotary decoder (LLaMA) puts knowledge slots, which have no position of their own
// (METHOD.md §5a). QueryPosition: each slot's key is rotated by the angle of the query that
// reads it, so the score is the unrotated q·k and does not depend on where the query sits.
// None: neither is rotated; since R(p)ᵀR(p) = I this is the same score, kept as a name.
// Zero: keys rotated as position 0 (unrotated), the query rotated by its own position.
// Decoders with learned positions (OPT) ignore it.
enum class KnowledgeRope { QueryPosition, Zero, None };

// The hooks of one forward pass, by decoder layer. Does not own the hooks.
class DecoderHooks {
public:
    void attach(int layer, DecoderLayerHook* hook) { byLayer_[layer].push_back(hook); }
    void clear() { byLayer_.clear(); }
    bool empty() const { return byLayer_.empty(); }
    const std::vector<DecoderLayerHook*>& forLayer(int layer) const {
        static const std::vector<DecoderLayerHook*> none;
        auto it = byLayer_.find(layer);
        return it == byLayer_.end() ? none : it->second;
    }

    void setKnowledgeRope(KnowledgeRope mode) { knowledgeRope_ = mode; }
    KnowledgeRope knowledgeRope() const { return knowledgeRope_; }

private:
    std::map<int, std::vector<DecoderLayerHook*>> byLayer_;
    KnowledgeRope knowledgeRope_ = KnowledgeRope::QueryPosition;
};

} // namespace unike::model
