#include "analysis/AllPairsRepulsion.h"

#include <ATen/Parallel.h>

namespace unike::analysis {
namespace {
constexpr int kLanes = 8;
} // namespace

void allPairsRepulsion(const float* xy, int n, std::vector<double>& rowZ,
                       std::vector<float>& forces) {
    // Separate x and y arrays, so each lane loads contiguous floats.
    std::vector<float> xs(n), ys(n);
    for (int i = 0; i < n; ++i) {
        xs[i] = xy[2 * i];
        ys[i] = xy[2 * i + 1];
    }
    const int whole = n - n % kLanes;
    at::parallel_for(0, n, 32, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const float x = xs[i], y = ys[i];
            float z[kLanes] = {}, fx[kLanes] = {}, fy[kLanes] = {};
            for (int j = 0; j < whole; j += kLanes) {
                for (int lane = 0; lane < kLanes; ++lane) {
                    const float dx = x - xs[j + lane];
                    const float dy = y - ys[j + lane];
                    const float w = 1.0f / (1.0f + dx * dx + dy * dy);
                    z[lane] += w;
                    fx[lane] += w * w * dx;
                    fy[lane] += w * w * dy;
                }
            }
            double sumZ = 0.0, sumX = 0.0, sumY = 0.0;
            for (int lane = 0; lane < kLanes; ++lane) {
                sumZ += z[lane];
                sumX += fx[lane];
                sumY += fy[lane];
            }
            for (int j = whole; j < n; ++j) {
                const float dx = x - xs[j], dy = y - ys[j];
                const float w = 1.0f / (1.0f + dx * dx + dy * dy);
                sumZ += w;
                sumX += w * w * dx;
                sumY += w * w * dy;
            }
            rowZ[i] = sumZ - 1.0; // the pair (i, i) added exactly w = 1 and no force
            forces[2 * i] = static_cast<float>(sumX);
            forces[2 * i + 1] = static_cast<float>(sumY);
        }
    });
}

} // namespace unike::analysis
