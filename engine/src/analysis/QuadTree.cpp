#include "analysis/QuadTree.h"

#include <algorithm>
#include <numeric>

namespace unike::analysis {
namespace {
constexpr int kMaxDepth = 40; // below this the cells are narrower than float spacing
} // namespace

QuadTree::QuadTree(const float* xy, int n, int leafCapacity)
    : order_(n)
    , leafOf_(n)
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
    self.squaredWidth = 4.0f * halfWidth * halfWidth;
    self.pointBegin = begin;
    self.pointEnd = end;
    if (count <= leafCapacity_ || depth >= kMaxDepth) {
        for (int i = begin; i < end; ++i)
            leafOf_[order_[i]] = cell;
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

void QuadTree::leafSums(float x, float y, int begin, int end, float& z, float& fx,
                        float& fy) const {
    // A plain loop: measured faster here than eight vectorised lanes, whose
    // set-up does not pay off over a leaf's few dozen points.
    // Local sums: the outputs are references that could alias the inputs.
    const float* xs = sortedX_.data();
    const float* ys = sortedY_.data();
    float sumZ = 0.0f, sumX = 0.0f, sumY = 0.0f;
    for (int p = begin; p < end; ++p) {
        const float dx = x - xs[p];
        const float dy = y - ys[p];
        const float w = 1.0f / (1.0f + dx * dx + dy * dy);
        sumZ += w;
        sumX += w * w * dx;
        sumY += w * w * dy;
    }
    z += sumZ;
    fx += sumX;
    fy += sumY;
}

void QuadTree::repulsion(float x, float y, int self, float squaredTheta, double& z, double& fx,
                         double& fy) const {
    int stack[4 * kMaxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    float sumZ = 0.0f, sumX = 0.0f, sumY = 0.0f;
    while (top > 0) {
        const int index = stack[--top];
        const QuadCell& cell = cells_[index];
        const float dx = x - cell.massX;
        const float dy = y - cell.massY;
        const float squaredDistance = dx * dx + dy * dy;
        // Far enough (side / distance < theta): the cell acts as one point at its centre of mass.
        if (cell.squaredWidth < squaredTheta * squaredDistance) {
            const float w = 1.0f / (1.0f + squaredDistance);
            const float weight = cell.count * w;
            sumZ += weight;
            sumX += weight * w * dx;
            sumY += weight * w * dy;
            continue;
        }
        if (cell.firstChild < 0) {
            // No test for `self` inside the loop: its own term (w = 1, no force)
            // is taken back here, which keeps the loop branch-free.
            if (index == leafOf_[self])
                sumZ -= 1.0f;
            leafSums(x, y, cell.pointBegin, cell.pointEnd, sumZ, sumX, sumY);
            continue;
        }
        for (int q = 0; q < 4; ++q) {
            if (cells_[cell.firstChild + q].count > 0)
                stack[top++] = cell.firstChild + q;
        }
    }
    z += sumZ;
    fx += sumX;
    fy += sumY;
}

} // namespace unike::analysis
