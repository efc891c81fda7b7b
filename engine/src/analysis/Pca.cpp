// runPca: the public PCA projection.
#include "analysis/PointsTensor.h"
#include "analysis/PrincipalComponents.h"

#include <unike/Error.h>
#include <unike/Projection.h>

#include <chrono>

namespace unike {

Projection runPca(const PointMatrix& points, int components) {
    const auto start = std::chrono::steady_clock::now();
    const torch::Tensor data = analysis::pointsToTensor(points, "PCA");
    if (components < 1 || components > points.cols || components > points.rows)
        throw Error(ErrorKind::InvalidInput,
                    "PCA: " + std::to_string(components) + " components asked of " +
                        std::to_string(points.rows) + " points in " + std::to_string(points.cols) +
                        " dimensions; ask for at least 1 and at most min(points, dimensions)");
    const analysis::PrincipalComponents pca = analysis::principalComponents(data, components);
    Projection result;
    result.rows = points.rows;
    result.components = components;
    const torch::Tensor coords = pca.projection.contiguous();
    result.coords.assign(coords.data_ptr<float>(), coords.data_ptr<float>() + coords.numel());
    result.method = "pca";
    result.iterations = 0;
    result.explainedVariance = pca.explainedVariance;
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace unike
