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

    // The repulsive sums for the point at (x, y) with index `self`:
    // z += sum_j w_ij and (fx, fy) += sum_j w_ij^2 (y_i - y_j), w = 1 / (1 + d^2),
    // with cells whose side / distance < theta taken as one point at their centre of mass.
    void repulsion(float x, float y, int self, float squaredTheta, double& z, double& fx,
                   double& fy) const;

    // The same sums for every point, with one traversal per leaf shared by its
    // points: a cell is taken as one point only when side / distance < theta holds
    // from everywhere in the leaf's square, so each approximation is one the
    // per-point traversal would also make. Parallel over leaves; each point's sums
    // run in a fixed order. rowZ has n entries, forces 2n.
    void repulsionByLeaf(float squaredTheta, std::vector<double>& rowZ,
                         std::vector<float>& forces) const;

    // The points in leaf order: neighbours in the plane are neighbours here, so
    // visiting them in this order makes consecutive traversals alike.
    const std::vector<int>& leafOrder() const { return order_; }

private:
    void build(int cell, int begin, int end, float centreX, float centreY, float halfWidth,
               int depth);
    // The exact sums over the sorted points [begin, end), the point itself included.
    void leafSums(float x, float y, int begin, int end, float& z, float& fx, float& fy) const;

    std::vector<QuadCell> cells_;
    std::vector<int> leaves_;              // the non-empty leaf cells
    std::vector<int> order_;               // original index of each sorted point
    std::vector<int> leafOf_;              // the leaf cell holding each original point
    std::vector<float> sortedX_, sortedY_; // coordinates in leaf order
    const float* xy_ = nullptr;
    int leafCapacity_ = 8;
};

} // namespace unike::analysis
