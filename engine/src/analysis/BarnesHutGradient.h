#pragma once
// The approximate t-SNE gradient for large n, in 2-D on the CPU: attraction over
// the sparse kNN affinities, repulsion by Barnes-Hut on a quadtree. Both run in
// parallel over fixed pieces of the work whose sums are combined in a fixed
// order, so the result does not depend on the thread count.

#include "analysis/SparseAffinities.h"
#include "analysis/TsneGradient.h"

#include <vector>

namespace unike::analysis {

class BarnesHutGradient : public TsneGradient {
public:
    BarnesHutGradient(SparseAffinities affinities, double theta);

    // With wantKl, KL as sklearn computes it: over the sparse P, with the tree's Z.
    double compute(const torch::Tensor& embedding, double exaggeration, bool wantKl,
                   torch::Tensor& gradient) override;
    // KL over the sparse P with the exact Z (one all-pairs pass, cheap next to
    // the optimisation even at n = 20000).
    double finalKl(const torch::Tensor& embedding) override;
    std::string name() const override { return "barnes-hut"; }

private:
    // Writes the attractive sums into attraction_; returns sum p_ij log w_ij when wantLogs.
    double attraction(const float* xy, bool wantLogs);
    void treeRepulsion(const float* xy);

    SparseAffinities affinities_;
    // P is symmetric, so each pair i < j is visited once and pushes both points:
    // half the work of visiting every row's neighbours.
    std::vector<int> pairStart_, pairColumns_; // per row i, its neighbours j > i
    std::vector<float> pairValues_;
    float squaredTheta_;
    double entropyTerm_ = 0.0; // sum p log p, fixed
    std::vector<float> attraction_, repulsiveForces_;
    std::vector<std::vector<float>> pieceForces_; // one buffer per piece of rows
    std::vector<double> pieceLogs_;
    std::vector<double> rowZ_;
};

} // namespace unike::analysis
