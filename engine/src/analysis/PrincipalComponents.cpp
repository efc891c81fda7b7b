#include "analysis/PrincipalComponents.h"

namespace unike::analysis {

PrincipalComponents principalComponents(const torch::Tensor& points, int components) {
    // Double precision: the covariance of a few thousand float rows loses digits.
    const torch::Tensor centred = points.to(torch::kFloat64) - points.to(torch::kFloat64).mean(0);
    const int64_t rows = centred.size(0);
    const int64_t cols = centred.size(1);
    torch::Tensor directions; // [cols, components]
    torch::Tensor eigenvalues;
    if (cols <= rows) {
        const torch::Tensor covariance = centred.t().mm(centred);
        auto [values, vectors] = torch::linalg_eigh(covariance, "L"); // ascending
        eigenvalues = values.flip(0);
        directions = vectors.flip(1).narrow(1, 0, components);
    } else {
        // Fewer points than dimensions: the Gram matrix is smaller and has the same spectrum.
        const torch::Tensor gram = centred.mm(centred.t());
        auto [values, vectors] = torch::linalg_eigh(gram, "L");
        eigenvalues = values.flip(0);
        const torch::Tensor top = vectors.flip(1).narrow(1, 0, components);
        directions = centred.t().mm(top);
        directions = directions / directions.norm(2, 0, true).clamp_min(1e-300);
    }
    const torch::Tensor largest = directions.abs().argmax(0);
    const torch::Tensor signs = directions.gather(0, largest.unsqueeze(0)).sign();
    directions = directions * torch::where(signs.eq(0), torch::ones_like(signs), signs);

    PrincipalComponents result;
    result.projection = centred.mm(directions).to(torch::kFloat32);
    const double total = eigenvalues.clamp_min(0).sum().item<double>();
    for (int c = 0; c < components; ++c) {
        const double value = std::max(0.0, eigenvalues[c].item<double>());
        result.explainedVariance.push_back(total > 0 ? value / total : 0.0);
    }
    return result;
}

} // namespace unike::analysis
