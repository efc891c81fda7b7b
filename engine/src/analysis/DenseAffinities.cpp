#include "analysis/DenseAffinities.h"

#include "analysis/PerplexitySearch.h"

#include <ATen/Parallel.h>

#include <vector>

namespace unike::analysis {

torch::Tensor denseAffinities(const torch::Tensor& points, double perplexity,
                              const Progress& progress) {
    const int64_t n = points.size(0);
    const torch::Tensor norms = points.pow(2).sum(1);
    const torch::Tensor distances = torch::addmm(norms.unsqueeze(0), points, points.t(), 1.0, -2.0)
                                        .add_(norms.unsqueeze(1))
                                        .clamp_min_(0.0f)
                                        .contiguous();
    progress.throwIfCancelled("t-SNE");
    torch::Tensor conditional = torch::zeros({n, n}, torch::kFloat32);
    const float* distance = distances.data_ptr<float>();
    float* out = conditional.data_ptr<float>();
    at::parallel_for(0, n, 8, [&](int64_t begin, int64_t end) {
        // The row without its own (zero) distance, so self never counts as a neighbour.
        std::vector<float> others(n - 1);
        std::vector<float> probabilities(n - 1);
        for (int64_t i = begin; i < end; ++i) {
            const float* row = distance + i * n;
            std::copy(row, row + i, others.begin());
            std::copy(row + i + 1, row + n, others.begin() + i);
            calibrateRow(others.data(), static_cast<int>(n - 1), perplexity, probabilities.data());
            float* target = out + i * n;
            std::copy(probabilities.begin(), probabilities.begin() + i, target);
            std::copy(probabilities.begin() + i, probabilities.end(), target + i + 1);
        }
    });
    progress.report(1.0, "t-SNE: affinities");
    return (conditional + conditional.t()).div_(2.0 * n);
}

} // namespace unike::analysis
