#pragma once
// The bridge from the public PointMatrix to a torch tensor, with the checks every
// projection needs (shape, finite values).

#include <unike/Projection.h>

#include <torch/torch.h>

#include <string>

namespace unike::analysis {

// A float32 CPU tensor [rows, cols] copied from `points`. Throws
// Error(InvalidInput) naming `what` when the matrix is empty, inconsistent or
// holds NaN/inf.
torch::Tensor pointsToTensor(const PointMatrix& points, const std::string& what);

} // namespace unike::analysis
