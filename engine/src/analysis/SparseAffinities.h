#pragma once
// t-SNE's joint probabilities P on the k nearest neighbours only (k = 3 x
// perplexity, as sklearn and openTSNE do), symmetrised and normalised to sum 1,
// stored as compressed sparse rows.

#include <unike/Progress.h>

#include <torch/torch.h>

#include <vector>

namespace unike::analysis {

struct SparseAffinities {
    int rows = 0;
    std::vector<int> rowStart; // rows + 1 offsets into columns/values
    std::vector<int> columns;
    std::vector<float> values; // p_ij, symmetric, summing to 1
};

// The neighbour count sklearn uses for a perplexity: min(n - 1, 3 * perplexity + 1).
int neighbourCount(int rows, double perplexity);

SparseAffinities sparseAffinities(const torch::Tensor& points, double perplexity,
                                  const Progress& progress);

} // namespace unike::analysis
