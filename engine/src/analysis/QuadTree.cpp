#include "analysis/QuadTree.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace unike::analysis {
namespace {
constexpr int kMaxDepth = 40; // below this the cells are narrower than float spacing
} // namespace

QuadTree::QuadTree(const float* xy, int n, int leafCapacity)
    : order_(n)
    , xy_(xy)
    , leafCapacity_(std::max(1, leafCapacity)) {
    std::iota(order_.begin(), order_.end(), 0);
    float minX = xy[0], maxX = xy[0], minY = xy[1], maxY = xy[1];
    for (int i = 1; i < n; ++i) {
        minX = std::min(minX, xy[2 * i]);
        maxX = std::max(maxX, xy[2 * i]);
        minY = std::min(minY, xy[2 * i + 1]);
        maxY = std::max(maxY, xy[2 * i + 1]);
    }
    // A little slack so that the largest coordinate falls inside the root.
    const float halfWidth = 0.5f * std::max(maxX - minX, maxY - minY) * 1.0001f + 1e-6f;
    cells_.reserve(static_cast<size_t>(n) * 2 / leafCapacity_ + 16);
    cells_.emplace_back();
    build(0, 0, n, 0.5f * (minX + maxX), 0.5f * (minY + maxY), halfWidth, 0);
    sortedX_.resize(n);
    sortedY_.resize(n);
    for (int i = 0; i < n; ++i) {
        sortedX_[i] = xy[2 * order_[i]];
        sortedY_[i] = xy[2 * order_[i] + 1];
    }
}

void QuadTree::build(int cell, int begin, int end, float centreX, float centreY, float halfWidth,
                     int depth) {
    double sumX = 0.0, sumY = 0.0;
    for (int i = begin; i < end; ++i) {
        sumX += xy_[2 * order_[i]];
        sumY += xy_[2 * order_[i] + 1];
    }
    const int count = end - begin;
    QuadCell& self = cells_[cell];
    self.count = count;
    if (count > 0) {
        self.massX = static_cast<float>(sumX / count);
        self.massY = static_cast<float>(sumY / count);
    }
    self.centreX = centreX;
    self.centreY = centreY;
    self.halfWidth = halfWidth;
    self.squaredWidth = 4.0f * halfWidth * halfWidth;
    self.pointBegin = begin;
    self.pointEnd = end;
    if (count <= leafCapacity_ || depth >= kMaxDepth) {
        if (count > 0)
            leaves_.push_back(cell);
        return;
    }

    // Partition the points into the quadrants: by y first, then each half by x.
    auto below = [&](int i) { return xy_[2 * i + 1] < centreY; };
    auto left = [&](int i) { return xy_[2 * i] < centreX; };
    const auto first = order_.begin() + begin;
    const auto last = order_.begin() + end;
    const auto middleY = std::partition(first, last, below);
    const auto lowSplit = std::partition(first, middleY, left);
    const auto highSplit = std::partition(middleY, last, left);
    const int bounds[5] = {begin, static_cast<int>(lowSplit - order_.begin()),
                           static_cast<int>(middleY - order_.begin()),
                           static_cast<int>(highSplit - order_.begin()), end};

    const int firstChild = static_cast<int>(cells_.size());
    cells_[cell].firstChild = firstChild; // `self` may dangle after the resize below
    cells_.resize(cells_.size() + 4);
    const float quarter = 0.5f * halfWidth;
    const float offsetX[4] = {-quarter, quarter, -quarter, quarter};
    const float offsetY[4] = {-quarter, -quarter, quarter, quarter};
    for (int q = 0; q < 4; ++q)
        build(firstChild + q, bounds[q], bounds[q + 1], centreX + offsetX[q], centreY + offsetY[q],
              quarter, depth + 1);
}

namespace {

// Eight floats in one value: GCC's vector extension, so the loop below is
// vectorised as written (AVX2, or two SSE halves) whatever the optimiser decides.
using Float8 = float __attribute__((vector_size(32)));
constexpr size_t kLanes = 8;

// sum_c count_c w_c, sum_c count_c w_c^2 (x - x_c) and the same for y over an
// interaction list padded to a multiple of eight (padding has count 0),
// w = 1 / (1 + d^2). Built for AVX2 too, chosen at run time.
__attribute__((target_clones("avx2", "default"))) void
interactionSums(float x, float y, const float* xs, const float* ys, const float* counts, size_t n,
                float& z, float& fx, float& fy) {
    const Float8 px = Float8{} + x, py = Float8{} + y;
    Float8 sumZ = {}, sumX = {}, sumY = {};
    for (size_t c = 0; c < n; c += kLanes) {
        Float8 cx, cy, count;
        std::memcpy(&cx, xs + c, sizeof cx);
        std::memcpy(&cy, ys + c, sizeof cy);
        std::memcpy(&count, counts + c, sizeof count);
        const Float8 dx = px - cx, dy = py - cy;
        const Float8 w = 1.0f / (1.0f + dx * dx + dy * dy);
        const Float8 weight = count * w;
        sumZ += weight;
        sumX += weight * w * dx;
        sumY += weight * w * dy;
    }
    for (size_t l = 0; l < kLanes; ++l) {
        z += sumZ[l];
        fx += sumX[l];
        fy += sumY[l];
    }
}

} // namespace

void QuadTree::repulsionByLeaf(float squaredTheta, std::vector<double>& rowZ,
                               std::vector<float>& forces) const {
    at::parallel_for(0, static_cast<int64_t>(leaves_.size()), 1, [&](int64_t first, int64_t last) {
        // One leaf's interaction list: far cells at their centre of mass with their
        // count, and every point of the near leaves with a count of one.
        std::vector<float> listX, listY, listCount;
        for (int64_t l = first; l < last; ++l) {
            const QuadCell& leaf = cells_[leaves_[l]];
            listX.clear();
            listY.clear();
            listCount.clear();
            int stack[4 * kMaxDepth + 8];
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                const QuadCell& cell = cells_[stack[--top]];
                // The distance from the leaf's square to the cell's centre of mass.
                const float gapX =
                    std::max(0.0f, std::abs(cell.massX - leaf.centreX) - leaf.halfWidth);
                const float gapY =
                    std::max(0.0f, std::abs(cell.massY - leaf.centreY) - leaf.halfWidth);
                if (cell.squaredWidth < squaredTheta * (gapX * gapX + gapY * gapY)) {
                    listX.push_back(cell.massX);
                    listY.push_back(cell.massY);
                    listCount.push_back(static_cast<float>(cell.count));
                } else if (cell.firstChild < 0) {
                    listX.insert(listX.end(), sortedX_.begin() + cell.pointBegin,
                                 sortedX_.begin() + cell.pointEnd);
                    listY.insert(listY.end(), sortedY_.begin() + cell.pointBegin,
                                 sortedY_.begin() + cell.pointEnd);
                    listCount.insert(listCount.end(), cell.pointEnd - cell.pointBegin, 1.0f);
                } else {
                    for (int q = 0; q < 4; ++q)
                        if (cells_[cell.firstChild + q].count > 0)
                            stack[top++] = cell.firstChild + q;
                }
            }
            while (listX.size() % kLanes != 0) {
                listX.push_back(0.0f);
                listY.push_back(0.0f);
                listCount.push_back(0.0f);
            }
            for (int p = leaf.pointBegin; p < leaf.pointEnd; ++p) {
                float z = -1.0f, fx = 0.0f, fy = 0.0f; // -1: the point's own w = 1, no force
                interactionSums(sortedX_[p], sortedY_[p], listX.data(), listY.data(),
                                listCount.data(), listX.size(), z, fx, fy);
                const int i = order_[p];
                rowZ[i] = z;
                forces[2 * i] = fx;
                forces[2 * i + 1] = fy;
            }
        }
    });
}

} // namespace unike::analysis
