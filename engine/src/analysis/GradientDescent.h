#pragma once
// t-SNE's optimiser (Jacobs' delta-bar-delta as sklearn and openTSNE use it):
// momentum gradient descent with a gain per coordinate that grows by 0.2 while
// the gradient keeps opposing the last update and shrinks by x0.8 when it flips.

#include <torch/torch.h>

namespace unike::analysis {

class GradientDescent {
public:
    GradientDescent(const torch::Tensor& embedding, double learningRate, double minGain = 0.01);

    // Forgets the velocity and the gains, as sklearn does between its two phases.
    void reset();
    // Moves `embedding` in place one step against `gradient`.
    void step(torch::Tensor& embedding, const torch::Tensor& gradient, double momentum);

private:
    torch::Tensor update_;
    torch::Tensor gains_;
    double learningRate_;
    double minGain_;
};

} // namespace unike::analysis
