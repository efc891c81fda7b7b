#include "analysis/PointsTensor.h"

#include <unike/Error.h>

#include <cmath>

namespace unike::analysis {

torch::Tensor pointsToTensor(const PointMatrix& points, const std::string& what) {
    if (points.rows <= 0 || points.cols <= 0)
        throw Error(ErrorKind::InvalidInput, what + " needs at least one point with at least one "
                                                    "coordinate; the input is empty");
    const size_t expected = static_cast<size_t>(points.rows) * points.cols;
    if (points.values.size() != expected)
        throw Error(ErrorKind::InvalidInput,
                    what + ": the point matrix claims " + std::to_string(points.rows) + " x " +
                        std::to_string(points.cols) + " values but holds " +
                        std::to_string(points.values.size()));
    for (size_t i = 0; i < expected; ++i) {
        if (!std::isfinite(points.values[i]))
            throw Error(ErrorKind::InvalidInput,
                        what + ": point " + std::to_string(i / points.cols) + ", coordinate " +
                            std::to_string(i % points.cols) +
                            " is not a finite number; remove or fix that row");
    }
    return torch::from_blob(const_cast<float*>(points.values.data()), {points.rows, points.cols},
                            torch::kFloat32)
        .clone();
}

} // namespace unike::analysis
