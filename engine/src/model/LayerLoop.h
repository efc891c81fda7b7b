#pragma once
// The loop over decoder layers that every family runs the same way: layers
// [run.startLayer, end) with the per-layer hooks, and the captures DecoderRun asks for
// (the hidden state entering each layer, the FFN input, the attention weights).

#include "model/LanguageDecoder.h"

namespace unike::model {

// What one layer hands back besides its output, when asked.
struct LayerCapture {
    bool wantsAttention = false;
    torch::Tensor ffnInput;       // what entered the FFN, after its norm
    torch::Tensor attentionProbs; // (B, heads, T, S) self-attention weights, when wanted
};

// `forwardLayer(i, hidden, context, hooks, capture)` runs layer i (capture may be null) and
// returns its output. Returns the last layer's output; fills `result`'s captures.
template <typename ForwardLayer>
torch::Tensor runLayers(size_t layerCount, torch::Tensor hidden, const torch::Tensor& attentionMask,
                        int64_t pastLength, const DecoderRun& run, DecoderResult& result,
                        ForwardLayer&& forwardLayer) {
    if (run.captureHidden)
        result.hiddenStates.resize(layerCount);
    if (run.captureFfnInputs)
        result.ffnInputs.resize(layerCount);
    if (run.captureAttention)
        result.attentions.resize(layerCount);
    static const DecoderHooks noHooks;
    const DecoderHooks& hooks = run.hooks ? *run.hooks : noHooks;
    const bool capturing = run.captureFfnInputs || run.captureAttention;
    for (size_t i = size_t(run.startLayer); i < layerCount; ++i) {
        if (run.captureHidden)
            result.hiddenStates[i] = hidden;
        LayerHookContext context;
        context.layer = int(i);
        context.layerInput = hidden;
        context.attentionMask = attentionMask;
        context.pastLength = pastLength;
        LayerCapture capture;
        capture.wantsAttention = run.captureAttention;
        hidden = forwardLayer(i, hidden, context, hooks.forLayer(int(i)),
                              capturing ? &capture : nullptr);
        if (run.captureFfnInputs)
            result.ffnInputs[i] = capture.ffnInput;
        if (run.captureAttention)
            result.attentions[i] = capture.attentionProbs;
    }
    return hidden;
}

} // namespace unike::model
