#include "analysis/SparseAffinities.h"

#include "analysis/NearestNeighbours.h"
#include "analysis/PerplexitySearch.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <numeric>

namespace unike::analysis {

int neighbourCount(int rows, double perplexity) {
    return std::min(rows - 1, static_cast<int>(3.0 * perplexity + 1.0));
}

SparseAffinities sparseAffinities(const torch::Tensor& points, double perplexity,
                                  const Progress& progress) {
    const int n = static_cast<int>(points.size(0));
    const int k = neighbourCount(n, perplexity);
    const Neighbours neighbours = nearestNeighbours(points, k, progress.subRange(0.0, 0.8));
    const torch::Tensor distances = neighbours.squaredDistances.contiguous();
    const torch::Tensor indexTensor = neighbours.indices.contiguous();
    const float* distance = distances.data_ptr<float>();
    const int64_t* index = indexTensor.data_ptr<int64_t>();

    // Conditional p_{j|i} on each row's neighbours; rows are independent.
    std::vector<float> conditional(static_cast<size_t>(n) * k);
    at::parallel_for(0, n, 16, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            calibrateRow(distance + i * k, k, perplexity, conditional.data() + i * k);
    });
    progress.throwIfCancelled("t-SNE");

    // P = (P_cond + P_cond^T) / (2n): each entry i->j lands in row i and row j.
    std::vector<int> counts(n + 1, 0);
    for (int64_t e = 0; e < static_cast<int64_t>(n) * k; ++e) {
        ++counts[e / k + 1];
        ++counts[index[e] + 1];
    }
    std::vector<int> start(counts.size());
    std::partial_sum(counts.begin(), counts.end(), start.begin());
    std::vector<std::pair<int, float>> entries(start.back());
    std::vector<int> fill(start.begin(), start.end() - 1);
    const float norm = 1.0f / (2.0f * n);
    for (int64_t e = 0; e < static_cast<int64_t>(n) * k; ++e) {
        const int i = static_cast<int>(e / k);
        const int j = static_cast<int>(index[e]);
        entries[fill[i]++] = {j, conditional[e] * norm};
        entries[fill[j]++] = {i, conditional[e] * norm};
    }
    // Sort each row by column and merge the duplicates (mutual neighbours).
    SparseAffinities result;
    result.rows = n;
    result.rowStart.assign(1, 0);
    result.columns.reserve(entries.size());
    result.values.reserve(entries.size());
    for (int i = 0; i < n; ++i) {
        auto first = entries.begin() + start[i];
        auto last = entries.begin() + start[i + 1];
        std::sort(first, last, [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (result.columns.size() > static_cast<size_t>(result.rowStart.back()) &&
                result.columns.back() == it->first)
                result.values.back() += it->second;
            else {
                result.columns.push_back(it->first);
                result.values.push_back(it->second);
            }
        }
        result.rowStart.push_back(static_cast<int>(result.columns.size()));
    }
    progress.report(1.0, "t-SNE: affinities");
    return result;
}

} // namespace unike::analysis
