#include "analysis/GradientDescent.h"

namespace unike::analysis {

GradientDescent::GradientDescent(const torch::Tensor& embedding, double learningRate,
                                 double minGain)
    : update_(torch::zeros_like(embedding))
    , gains_(torch::ones_like(embedding))
    , learningRate_(learningRate)
    , minGain_(minGain) {}

void GradientDescent::reset() {
    update_.zero_();
    gains_.fill_(1.0);
}

void GradientDescent::step(torch::Tensor& embedding, const torch::Tensor& gradient,
                           double momentum) {
    const torch::Tensor keepsDirection = (update_ * gradient).lt(0);
    gains_ = torch::where(keepsDirection, gains_ + 0.2, gains_ * 0.8).clamp_min_(minGain_);
    update_.mul_(momentum).sub_(gains_ * gradient, learningRate_);
    embedding.add_(update_);
}

} // namespace unike::analysis
