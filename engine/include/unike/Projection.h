#pragma once
// Projections of hidden states to 2-D for the spaces views: PCA, and t-SNE with
// an exact gradient (dense P, torch, CPU or CUDA) or Barnes-Hut (sparse kNN P,
// CPU) (METHOD.md §6 views, issue 6). Plain standard types, so the UI and the
// CLI never see torch.

#include <unike/Progress.h>

#include <functional>
#include <string>
#include <vector>

namespace unike {

// Points as a row-major matrix: rows points of cols numbers each.
struct PointMatrix {
    int rows = 0;
    int cols = 0;
    std::vector<float> values; // rows * cols
    float at(int row, int col) const { return values[static_cast<size_t>(row) * cols + col]; }
};

enum class TsneMethod {
    // On CUDA: exact up to exactMaxPoints, Barnes-Hut above. On the CPU, where
    // the dense gradient measured 20x slower than Barnes-Hut already at 2000
    // points: Barnes-Hut. Exact whenever components != 2.
    Auto,
    Exact,     // the full O(N^2) gradient with dense P, vectorised (runs on CUDA too)
    BarnesHut, // sparse kNN P, Barnes-Hut repulsion (O(N log N)), on the CPU
};

enum class TsneInit { Pca, Random };

struct TsneParams {
    int components = 2;
    double perplexity = 30.0;
    int iterations = 1000;
    unsigned long long seed = 42;
    TsneMethod method = TsneMethod::Auto;
    TsneInit init = TsneInit::Pca;
    double earlyExaggeration = 12.0;
    int exaggerationIterations = 250;
    double learningRate = -1.0; // <= 0: "auto", max(N / exaggeration / 4, 50) as sklearn
    double theta = 0.5;         // Barnes-Hut's opening angle
    int exactMaxPoints = 5000;  // Auto on CUDA switches to Barnes-Hut above this
    std::string device = "cpu"; // cpu, cuda[:N] or auto; the exact method only
    // Every snapshotEvery iterations the current embedding goes to onSnapshot
    // (rows * components, row-major), from the thread doing the work.
    int snapshotEvery = 10;
    std::function<void(int iteration, const std::vector<float>& embedding)> onSnapshot;
};

struct Projection {
    int rows = 0;
    int components = 2;
    std::vector<float> coords;  // rows * components, row-major
    double klDivergence = -1.0; // t-SNE only; -1 for PCA
    int iterations = 0;
    std::string method; // "pca", "exact" or "barnes-hut"
    double seconds = 0.0;
    std::vector<double> explainedVariance; // PCA only, per component, as fractions
};

// t-SNE of `points`. Progress gets the fraction and, every 50 iterations (as
// sklearn checks it) and at the last, the scalar "kl". Cancel stops it within one iteration
// (Error(Cancelled)). Throws Error(InvalidInput) for too few points or a
// perplexity the data cannot reach.
Projection runTsne(const PointMatrix& points, const TsneParams& params,
                   const Progress& progress = Progress());

// PCA onto the top `components` directions (centred, no whitening).
Projection runPca(const PointMatrix& points, int components = 2);

// Trustworthiness of an embedding (Venna & Kaski, as sklearn.manifold computes
// it): 1 means every embedded k-neighbourhood is a true neighbourhood.
double trustworthiness(const PointMatrix& original, const Projection& embedded, int k = 5);

// Reads a headerless CSV of numbers, one point per row (for `unike tsne --in`).
PointMatrix readPointsCsv(const std::string& path);

} // namespace unike
