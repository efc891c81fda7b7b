#pragma once
// PCA on a torch tensor: shared by runPca and t-SNE's initialisation.

#include <torch/torch.h>

#include <vector>

namespace unike::analysis {

struct PrincipalComponents {
    torch::Tensor projection;              // [rows, components], float32
    std::vector<double> explainedVariance; // per component, as fractions of the total
};

// Centres `points` [rows, cols] and projects them onto the top `components`
// directions. Each direction's sign is fixed (its largest entry positive), so
// the result does not depend on the eigen solver's arbitrary signs.
PrincipalComponents principalComponents(const torch::Tensor& points, int components);

} // namespace unike::analysis
