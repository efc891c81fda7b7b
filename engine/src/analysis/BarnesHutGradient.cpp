#include "analysis/BarnesHutGradient.h"

#include "analysis/AllPairsRepulsion.h"
#include "analysis/QuadTree.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <numeric>

namespace unike::analysis {
namespace {
constexpr int64_t kGrain = 64; // points per parallel task, at least
} // namespace

BarnesHutGradient::BarnesHutGradient(SparseAffinities affinities, double theta)
    : affinities_(std::move(affinities))
    , squaredTheta_(static_cast<float>(theta * theta)) {
    for (const float p : affinities_.values)
        entropyTerm_ += p > 0 ? p * std::log(static_cast<double>(p)) : 0.0;
    const size_t n = affinities_.rows;
    attraction_.resize(2 * n);
    repulsiveForces_.resize(2 * n);
    rowZ_.resize(n);
    rowLogs_.resize(n);
}

double BarnesHutGradient::attraction(const float* xy, bool wantLogs) {
    const int* rowStart = affinities_.rowStart.data();
    const int* columns = affinities_.columns.data();
    const float* values = affinities_.values.data();
    at::parallel_for(0, affinities_.rows, kGrain, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const float x = xy[2 * i], y = xy[2 * i + 1];
            float fx = 0.0f, fy = 0.0f;
            double logSum = 0.0;
            for (int e = rowStart[i]; e < rowStart[i + 1]; ++e) {
                const int j = columns[e];
                const float dx = x - xy[2 * j], dy = y - xy[2 * j + 1];
                const float w = 1.0f / (1.0f + dx * dx + dy * dy);
                fx += values[e] * w * dx;
                fy += values[e] * w * dy;
                if (wantLogs)
                    logSum += values[e] * std::log(static_cast<double>(w));
            }
            attraction_[2 * i] = fx;
            attraction_[2 * i + 1] = fy;
            rowLogs_[i] = logSum;
        }
    });
    return wantLogs ? std::accumulate(rowLogs_.begin(), rowLogs_.end(), 0.0) : 0.0;
}

void BarnesHutGradient::treeRepulsion(const float* xy) {
    const QuadTree tree(xy, affinities_.rows);
    const std::vector<int>& order = tree.leafOrder();
    at::parallel_for(0, affinities_.rows, kGrain, [&](int64_t begin, int64_t end) {
        for (int64_t k = begin; k < end; ++k) {
            const int i = order[k];
            double z = 0.0, fx = 0.0, fy = 0.0;
            tree.repulsion(xy[2 * i], xy[2 * i + 1], i, squaredTheta_, z, fx, fy);
            rowZ_[i] = z;
            repulsiveForces_[2 * i] = static_cast<float>(fx);
            repulsiveForces_[2 * i + 1] = static_cast<float>(fy);
        }
    });
}

double BarnesHutGradient::compute(const torch::Tensor& embedding, double exaggeration, bool wantKl,
                                  torch::Tensor& gradient) {
    const int n = affinities_.rows;
    const float* xy = embedding.data_ptr<float>();
    const double logSum = attraction(xy, wantKl);
    treeRepulsion(xy);
    // Summed in index order, so the thread count cannot change the result.
    const double z = std::accumulate(rowZ_.begin(), rowZ_.end(), 0.0);

    if (!gradient.defined() || gradient.sizes() != embedding.sizes())
        gradient = torch::empty_like(embedding);
    float* out = gradient.data_ptr<float>();
    const float attractionScale = static_cast<float>(4.0 * exaggeration);
    const float repulsionScale = static_cast<float>(4.0 / z);
    for (int64_t e = 0; e < 2 * static_cast<int64_t>(n); ++e)
        out[e] = attractionScale * attraction_[e] - repulsionScale * repulsiveForces_[e];
    return wantKl ? entropyTerm_ - logSum + std::log(z) : std::nan("");
}

double BarnesHutGradient::finalKl(const torch::Tensor& embedding) {
    const float* xy = embedding.data_ptr<float>();
    const double logSum = attraction(xy, true);
    allPairsRepulsion(xy, affinities_.rows, rowZ_, repulsiveForces_);
    const double z = std::accumulate(rowZ_.begin(), rowZ_.end(), 0.0);
    return entropyTerm_ - logSum + std::log(z);
}

} // namespace unike::analysis
