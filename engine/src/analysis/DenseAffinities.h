#pragma once
// t-SNE's joint probabilities P over every pair, for the exact gradient.

#include <unike/Progress.h>

#include <torch/torch.h>

namespace unike::analysis {

// [n, n] float32 on the CPU: each row calibrated to `perplexity` over all other
// points, then P = (P_cond + P_cond^T) / (2n). The diagonal is zero.
torch::Tensor denseAffinities(const torch::Tensor& points, double perplexity,
                              const Progress& progress);

} // namespace unike::analysis
