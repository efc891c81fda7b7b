// trustworthiness: Venna & Kaski's score, computed as sklearn.manifold does, in
// row blocks so that N = 20000 never needs an N x N matrix.
#include "analysis/PointsTensor.h"

#include <unike/Error.h>
#include <unike/Projection.h>

#include <algorithm>
#include <limits>

namespace unike {
namespace {

constexpr int64_t kBlockRows = 256;

// Squared distances from rows [begin, begin + count) to every row, self excluded (inf).
torch::Tensor blockDistances(const torch::Tensor& points, const torch::Tensor& squaredNorms,
                             int64_t begin, int64_t count) {
    const torch::Tensor block = points.narrow(0, begin, count);
    torch::Tensor distances = torch::addmm(squaredNorms.unsqueeze(0), block, points.t(), 1.0, -2.0)
                                  .add_(squaredNorms.narrow(0, begin, count).unsqueeze(1));
    const torch::Tensor rows = torch::arange(count, torch::kLong);
    distances.index_put_({rows, rows + begin}, std::numeric_limits<float>::infinity());
    return distances;
}

} // namespace

double trustworthiness(const PointMatrix& original, const Projection& embedded, int k) {
    const torch::Tensor high = analysis::pointsToTensor(original, "trustworthiness");
    const int64_t n = original.rows;
    if (embedded.rows != original.rows || embedded.components < 1 ||
        embedded.coords.size() != static_cast<size_t>(embedded.rows) * embedded.components)
        throw Error(ErrorKind::InvalidInput,
                    "trustworthiness: the embedding has " + std::to_string(embedded.rows) +
                        " rows but the original data has " + std::to_string(original.rows));
    if (k < 1 || 2 * k >= n)
        throw Error(ErrorKind::InvalidInput, "trustworthiness: k = " + std::to_string(k) +
                                                 " must be at least 1 and below half the " +
                                                 std::to_string(n) + " points");
    PointMatrix low{embedded.rows, embedded.components, embedded.coords};
    const torch::Tensor lowTensor = analysis::pointsToTensor(low, "trustworthiness");
    const torch::Tensor highNorms = high.pow(2).sum(1);
    const torch::Tensor lowNorms = lowTensor.pow(2).sum(1);

    double penalty = 0.0;
    for (int64_t begin = 0; begin < n; begin += kBlockRows) {
        const int64_t count = std::min(kBlockRows, n - begin);
        const torch::Tensor highDistances = blockDistances(high, highNorms, begin, count);
        const torch::Tensor lowDistances = blockDistances(lowTensor, lowNorms, begin, count);
        const torch::Tensor lowNeighbours =
            std::get<1>(lowDistances.topk(k, 1, /*largest=*/false, /*sorted=*/true));
        // The rank (1 = nearest) of each embedded neighbour in the original space.
        const torch::Tensor neighbourDistances = highDistances.gather(1, lowNeighbours);
        const torch::Tensor ranks =
            highDistances.unsqueeze(1).lt(neighbourDistances.unsqueeze(2)).sum(2) + 1;
        penalty += (ranks - k).clamp_min(0).sum().item<double>();
    }
    const double nd = static_cast<double>(n);
    return 1.0 - penalty * 2.0 / (nd * k * (2.0 * nd - 3.0 * k - 1.0));
}

} // namespace unike
