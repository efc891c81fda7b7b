#pragma once
// Everything one edit adds to the model, owned by that edit, so any single edit
// can be switched off, on, or removed without touching the others (METHOD.md §7).

#include <torch/torch.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace unike::edit {

// T-Patcher-style neurons in one layer, following the layer's FFN (METHOD.md §4):
// act(x·keys + bias)·values, or for a gated FFN (LLaMA's SwiGLU)
// (act(x·keys + bias) * (x·upKeys))·values: new gate and up rows, new down columns.
struct LayerNeurons {
    torch::Tensor keys;   // (D, n): the gate's rows for a gated FFN
    torch::Tensor bias;   // (n)
    torch::Tensor values; // (n, D)
    torch::Tensor upKeys; // (D, n) for a gated FFN; undefined otherwise
};

struct EditPatch {
    int id = 0;
    std::string name;
    std::string method;
    bool enabled = true;

    std::map<int, LayerNeurons> neurons; // by decoder layer
    // The edit's key per layer: the unedited hidden state entering the layer at the
    // edit prompt's last token. Scopes the gate and is the edit's bank key.
    std::map<int, torch::Tensor> keys;
    std::map<int, torch::Tensor> bankValues; // h_pos per layer: the edit's own bank entry
    torch::Tensor zetaProjection;            // W_zeta (D, d_t), or undefined
    bool gated = false;                      // neurons multiplied by this edit's gate

    // ft: the weights it changed, before and after, by parameter name.
    std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> weightSwaps;
    // ike: demonstration text prepended to prompts.
    std::string demonstration;

    // Provenance.
    std::string prompt;
    std::string target;
    std::string hyperParamsJson;
    std::string imageHash;
    double seconds = 0.0;
    int steps = 0;
    std::string createdAt; // ISO 8601, UTC

    // The Frobenius norm of everything the edit adds: neuron keys and values,
    // W_zeta, and fine-tuning's weight changes.
    double addedNorm() const;
};

inline double EditPatch::addedNorm() const {
    double squared = 0.0;
    auto add = [&squared](const torch::Tensor& t) {
        if (t.defined())
            squared += t.detach().to(torch::kFloat64).pow(2).sum().item<double>();
    };
    for (const auto& entry : neurons) {
        add(entry.second.keys);
        add(entry.second.bias);
        add(entry.second.values);
        add(entry.second.upKeys);
    }
    add(zetaProjection);
    for (const auto& entry : weightSwaps)
        add(entry.second.second - entry.second.first);
    return std::sqrt(squared);
}

} // namespace unike::edit
