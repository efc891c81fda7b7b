#pragma once
// A 2-D Barnes-Hut quadtree over an embedding, flattened into arrays so that a
// traversal touches contiguous memory. Built afresh every iteration.

#include <vector>

namespace unike::analysis {

struct QuadCell {
    float massX = 0.0f, massY = 0.0f;                       // centre of mass of the points inside
    float centreX = 0.0f, centreY = 0.0f, halfWidth = 0.0f; // the square itself
    float squaredWidth = 0.0f;        // the cell's side, squared (the opening test)
    int count = 0;                    // points inside
    int firstChild = -1;              // four consecutive cells; -1 for a leaf
    int pointBegin = 0, pointEnd = 0; // a leaf's points in leaf order
};

class QuadTree {
public:
    // xy: n points as (x, y) pairs. Leaves hold at most leafCapacity points
    // (more only for coincident points).
    QuadTree(const float* xy, int n, int leafCapacity = 64);

    // The repulsive sums for every point i: rowZ[i] = sum_j w_ij and
    // forces[2i..2i+1] = sum_j w_ij^2 (y_i - y_j), w = 1 / (1 + d^2), with cells whose
    // side / distance < theta taken as one point at their centre of mass. One
    // traversal per leaf is shared by its points, so the test must hold from
    // everywhere in the leaf's square: each approximation is one a per-point
    // traversal would also make. Parallel over leaves; each point's sums run in a
    // fixed order. rowZ has n entries, forces 2n.
    void repulsionByLeaf(float squaredTheta, std::vector<double>& rowZ,
                         std::vector<float>& forces) const;

private:
    void build(int cell, int begin, int end, float centreX, float centreY, float halfWidth,
               int depth);

    std::vector<QuadCell> cells_;
    std::vector<int> leaves_;              // the non-empty leaf cells
    std::vector<int> order_;               // original index of each sorted point
    std::vector<float> sortedX_, sortedY_; // coordinates in leaf order
    const float* xy_ = nullptr;
    int leafCapacity_ = 8;
};

} // namespace unike::analysis
