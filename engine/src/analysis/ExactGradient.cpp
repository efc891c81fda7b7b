#include "analysis/ExactGradient.h"

#include <cmath>

namespace unike::analysis {

ExactGradient::ExactGradient(torch::Tensor affinities)
    : affinities_(std::move(affinities)) {
    entropyTerm_ = torch::xlogy(affinities_, affinities_).sum().item<double>();
}

torch::Tensor ExactGradient::kernel(const torch::Tensor& embedding) const {
    const torch::Tensor norms = embedding.pow(2).sum(1);
    torch::Tensor w = torch::addmm(norms.unsqueeze(0), embedding, embedding.t(), 1.0, -2.0)
                          .add_(norms.unsqueeze(1))
                          .clamp_min_(0.0)
                          .add_(1.0)
                          .reciprocal_();
    w.fill_diagonal_(0.0);
    return w;
}

double ExactGradient::klDivergence(const torch::Tensor& w, const torch::Tensor& z) const {
    // KL = sum p log p - sum p log w + log Z, since sum p = 1. The diagonal (p = 0)
    // is set to w = 1 so that its log is 0 rather than -inf.
    const torch::Tensor logW = w.clone().fill_diagonal_(1.0).log_();
    return entropyTerm_ - (affinities_ * logW).sum().item<double>() + std::log(z.item<double>());
}

double ExactGradient::compute(const torch::Tensor& embedding, double exaggeration, bool wantKl,
                              torch::Tensor& gradient) {
    const torch::Tensor w = kernel(embedding);
    const torch::Tensor z = w.sum();
    // dC/dy_i = 4 sum_j (e p_ij - w_ij / Z) w_ij (y_i - y_j)
    torch::Tensor forces = affinities_.mul(exaggeration).sub_(w / z).mul_(w);
    gradient = (forces.sum(1, true) * embedding - forces.mm(embedding)).mul_(4.0);
    return wantKl ? klDivergence(w, z) : std::nan("");
}

double ExactGradient::finalKl(const torch::Tensor& embedding) {
    const torch::Tensor w = kernel(embedding);
    return klDivergence(w, w.sum());
}

} // namespace unike::analysis
