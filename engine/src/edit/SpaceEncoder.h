#pragma once
// One of UniKE's two small encoders (METHOD.md §6): a two-layer GELU MLP. The
// semantic encoder (d -> d) is residual, so it starts as the identity and its
// output stays comparable with raw hidden states; the truthfulness encoder
// (d -> d_t) is not.

#include <torch/torch.h>

#include <map>
#include <string>

namespace unike::edit {

struct SpaceEncoder {
    torch::Tensor w1, b1, w2, b2; // (h, in), (h), (out, h), (out)
    bool residual = false;
    // Hidden states share a large common component, so every raw state has a
    // cosine near 1 with every other; the non-residual encoder standardises its
    // input with the training states' mean and spread first.
    torch::Tensor inputMean, inputScale; // (in) each, or undefined

    static SpaceEncoder create(int64_t in, int64_t hidden, int64_t out, bool residual,
                               torch::Device device);
    torch::Tensor operator()(const torch::Tensor& x) const;
    std::vector<torch::Tensor> parameters() const { return {w1, b1, w2, b2}; }
    void freeze(); // detach every weight after training

    // Tensors named prefix + ".w1" and so on.
    void exportTo(std::map<std::string, torch::Tensor>& out, const std::string& prefix) const;
    static SpaceEncoder importFrom(const std::map<std::string, torch::Tensor>& in,
                                   const std::string& prefix, bool residual);
};

} // namespace unike::edit
