#include "analysis/NearestNeighbours.h"

#include <algorithm>
#include <limits>

namespace unike::analysis {

Neighbours nearestNeighbours(const torch::Tensor& points, int k, const Progress& progress) {
    const int64_t n = points.size(0);
    // Blocks of rows keep the distance matrix at a few tens of MB for any n.
    const int64_t blockRows = std::max<int64_t>(64, std::min<int64_t>(n, (1 << 22) / n));
    const torch::Tensor norms = points.pow(2).sum(1);
    Neighbours result;
    result.indices = torch::empty({n, k}, torch::kLong);
    result.squaredDistances = torch::empty({n, k}, torch::kFloat32);
    for (int64_t begin = 0; begin < n; begin += blockRows) {
        progress.throwIfCancelled("t-SNE");
        const int64_t count = std::min(blockRows, n - begin);
        torch::Tensor distances =
            torch::addmm(norms.unsqueeze(0), points.narrow(0, begin, count), points.t(), 1.0, -2.0)
                .add_(norms.narrow(0, begin, count).unsqueeze(1))
                .clamp_min_(0.0f);
        const torch::Tensor rows = torch::arange(count, torch::kLong);
        distances.index_put_({rows, rows + begin}, std::numeric_limits<float>::infinity());
        auto [values, indices] = distances.topk(k, 1, /*largest=*/false, /*sorted=*/true);
        result.indices.narrow(0, begin, count).copy_(indices);
        result.squaredDistances.narrow(0, begin, count).copy_(values);
        progress.report(double(begin + count) / n, "t-SNE: nearest neighbours");
    }
    return result;
}

} // namespace unike::analysis
