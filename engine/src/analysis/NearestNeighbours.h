#pragma once
// Exact k nearest neighbours by blocked matrix products (torch's GEMM), which on
// a few hundred dimensions beats any tree.

#include <unike/Progress.h>

#include <torch/torch.h>

namespace unike::analysis {

struct Neighbours {
    torch::Tensor indices;          // [rows, k] int64, nearest first, self excluded
    torch::Tensor squaredDistances; // [rows, k] float32
};

Neighbours nearestNeighbours(const torch::Tensor& points, int k, const Progress& progress);

} // namespace unike::analysis
