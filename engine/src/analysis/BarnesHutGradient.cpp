#include "analysis/BarnesHutGradient.h"

#include "analysis/AllPairsRepulsion.h"
#include "analysis/QuadTree.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace unike::analysis {
namespace {
// Fixed pieces of rows for the attraction, each with its own force buffer: the
// sums then do not depend on how many threads run the pieces.
constexpr int kPieces = 8;
constexpr int kLeafCapacity = 64; // points per leaf, sharing one traversal (measured 16-128)
} // namespace

BarnesHutGradient::BarnesHutGradient(SparseAffinities affinities, double theta)
    : affinities_(std::move(affinities))
    , squaredTheta_(static_cast<float>(theta * theta)) {
    for (const float p : affinities_.values)
        entropyTerm_ += p > 0 ? p * std::log(static_cast<double>(p)) : 0.0;
    const int n = affinities_.rows;
    pairStart_.push_back(0);
    for (int i = 0; i < n; ++i) {
        for (int e = affinities_.rowStart[i]; e < affinities_.rowStart[i + 1]; ++e) {
            if (affinities_.columns[e] > i) {
                pairColumns_.push_back(affinities_.columns[e]);
                pairValues_.push_back(affinities_.values[e]);
            }
        }
        pairStart_.push_back(static_cast<int>(pairColumns_.size()));
    }
    attraction_.resize(2 * static_cast<size_t>(n));
    repulsiveForces_.resize(2 * static_cast<size_t>(n));
    pieceForces_.assign(kPieces, std::vector<float>(2 * static_cast<size_t>(n)));
    pieceLogs_.resize(kPieces);
    rowZ_.resize(n);
}

double BarnesHutGradient::attraction(const float* xy, bool wantLogs) {
    const int n = affinities_.rows;
    at::parallel_for(0, kPieces, 1, [&](int64_t first, int64_t last) {
        for (int64_t piece = first; piece < last; ++piece) {
            float* forces = pieceForces_[piece].data();
            std::fill(forces, forces + 2 * static_cast<size_t>(n), 0.0f);
            double logSum = 0.0;
            const int begin = static_cast<int>(piece * n / kPieces);
            const int end = static_cast<int>((piece + 1) * n / kPieces);
            for (int i = begin; i < end; ++i) {
                const float x = xy[2 * i], y = xy[2 * i + 1];
                float fx = 0.0f, fy = 0.0f;
                for (int e = pairStart_[i]; e < pairStart_[i + 1]; ++e) {
                    const int j = pairColumns_[e];
                    const float dx = x - xy[2 * j], dy = y - xy[2 * j + 1];
                    const float w = 1.0f / (1.0f + dx * dx + dy * dy);
                    const float pull = pairValues_[e] * w;
                    fx += pull * dx;
                    fy += pull * dy;
                    forces[2 * j] -= pull * dx;
                    forces[2 * j + 1] -= pull * dy;
                    if (wantLogs) // both p_ij and p_ji, which are equal
                        logSum += 2.0 * pairValues_[e] * std::log(w);
                }
                forces[2 * i] += fx;
                forces[2 * i + 1] += fy;
            }
            pieceLogs_[piece] = logSum;
        }
    });
    std::copy(pieceForces_[0].begin(), pieceForces_[0].end(), attraction_.begin());
    for (int piece = 1; piece < kPieces; ++piece)
        for (size_t e = 0; e < attraction_.size(); ++e)
            attraction_[e] += pieceForces_[piece][e];
    return wantLogs ? std::accumulate(pieceLogs_.begin(), pieceLogs_.end(), 0.0) : 0.0;
}

void BarnesHutGradient::treeRepulsion(const float* xy) {
    const QuadTree tree(xy, affinities_.rows, kLeafCapacity);
    tree.repulsionByLeaf(squaredTheta_, rowZ_, repulsiveForces_);
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
