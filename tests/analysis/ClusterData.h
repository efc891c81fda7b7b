#pragma once
// Seeded, well-separated Gaussian clusters for the analysis tests.

#include <unike/Projection.h>

#include <random>

namespace unike::testing {

// `clusters` blobs of `perCluster` points in `dims` dimensions: centres drawn with
// spread `separation`, points with unit spread around them. labels[i] is point i's blob.
inline PointMatrix clusteredPoints(int clusters, int perCluster, int dims, double separation,
                                   unsigned seed, std::vector<int>* labels = nullptr) {
    std::mt19937 engine(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> centres(static_cast<size_t>(clusters) * dims);
    for (float& c : centres)
        c = static_cast<float>(separation) * normal(engine);
    PointMatrix points;
    points.rows = clusters * perCluster;
    points.cols = dims;
    for (int c = 0; c < clusters; ++c) {
        for (int p = 0; p < perCluster; ++p) {
            for (int d = 0; d < dims; ++d)
                points.values.push_back(centres[static_cast<size_t>(c) * dims + d] +
                                        normal(engine));
            if (labels)
                labels->push_back(c);
        }
    }
    return points;
}

} // namespace unike::testing
