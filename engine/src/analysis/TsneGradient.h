#pragma once
// The gradient of t-SNE's cost, behind one interface so the optimiser does not
// care whether it is exact (dense, torch) or approximate (sparse P, Barnes-Hut).

#include <torch/torch.h>

#include <string>

namespace unike::analysis {

class TsneGradient {
public:
    virtual ~TsneGradient() = default;
    // Writes dKL/dY for `embedding` [n, components] into `gradient` (same shape
    // and device), with P multiplied by `exaggeration`. With wantKl it returns
    // KL(P || Q) for the plain P (what the gradient's own Z makes cheap);
    // otherwise NaN.
    virtual double compute(const torch::Tensor& embedding, double exaggeration, bool wantKl,
                           torch::Tensor& gradient) = 0;
    // The KL divergence reported for the final embedding.
    virtual double finalKl(const torch::Tensor& embedding) = 0;
    // "exact" or "barnes-hut", as Projection::method reports it.
    virtual std::string name() const = 0;
};

} // namespace unike::analysis
