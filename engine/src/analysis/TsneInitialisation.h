#pragma once
// The starting embedding of t-SNE.

#include <torch/torch.h>

namespace unike::analysis {

// PCA of the input scaled so the first component's standard deviation is 1e-4
// (sklearn's and openTSNE's choice: small enough not to distort the early
// exaggeration phase, while keeping PCA's global layout).
torch::Tensor pcaInitialisation(const torch::Tensor& points, int components);

// Gaussian noise with standard deviation 1e-4, reproducible from the seed on any
// platform's libstdc++.
torch::Tensor randomInitialisation(int64_t rows, int components, unsigned long long seed);

} // namespace unike::analysis
