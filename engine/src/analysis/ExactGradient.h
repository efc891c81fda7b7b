#pragma once
// The exact t-SNE gradient over all pairs, as a handful of vectorised torch ops
// on [n, n] matrices: O(n^2) memory and time, so for up to a few thousand points
// on the CPU (many more on CUDA, where it runs unchanged).

#include "analysis/TsneGradient.h"

namespace unike::analysis {

class ExactGradient : public TsneGradient {
public:
    // affinities: the dense joint P [n, n] (zero diagonal, summing to 1), on the
    // device the embedding will live on.
    explicit ExactGradient(torch::Tensor affinities);

    double compute(const torch::Tensor& embedding, double exaggeration, bool wantKl,
                   torch::Tensor& gradient) override;
    double finalKl(const torch::Tensor& embedding) override;
    std::string name() const override { return "exact"; }

private:
    // Student-t kernel w_ij = 1 / (1 + |y_i - y_j|^2), zero on the diagonal.
    torch::Tensor kernel(const torch::Tensor& embedding) const;
    double klDivergence(const torch::Tensor& kernel, const torch::Tensor& normaliser) const;

    torch::Tensor affinities_;
    double entropyTerm_ = 0.0; // sum p log p, fixed
};

} // namespace unike::analysis
