#pragma once
// The approximate t-SNE gradient for large n, in 2-D on the CPU: attraction over
// the sparse kNN affinities, repulsion by Barnes-Hut on a quadtree. Both loops
// run over points in parallel (at::parallel_for) and sum per point, so the
// result does not depend on the thread count.

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
    float squaredTheta_;
    double entropyTerm_ = 0.0; // sum p log p, fixed
    std::vector<float> attraction_, repulsiveForces_;
    std::vector<double> rowZ_, rowLogs_;
};

} // namespace unike::analysis
