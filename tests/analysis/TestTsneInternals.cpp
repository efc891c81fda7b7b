// The pieces of t-SNE checked against definitions: perplexity calibration, the
// symmetric sparse P, the exact gradient against finite differences, and
// Barnes-Hut with theta = 0 against the exact gradient.
#include "analysis/BarnesHutGradient.h"
#include "analysis/ExactGradient.h"
#include "analysis/PerplexitySearch.h"
#include "analysis/SparseAffinities.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace unike;
using namespace unike::analysis;

namespace {

double perplexityOf(const std::vector<float>& probabilities) {
    double entropy = 0.0;
    for (const float p : probabilities)
        entropy -= p > 0 ? p * std::log(double(p)) : 0.0;
    return std::exp(entropy);
}

// A random symmetric P over all pairs of n points, zero diagonal, summing to 1.
torch::Tensor randomAffinities(int n, torch::ScalarType dtype) {
    torch::manual_seed(3);
    torch::Tensor p = torch::rand({n, n}, torch::kFloat64);
    p = p + p.t();
    p.fill_diagonal_(0.0);
    return (p / p.sum()).to(dtype);
}

} // namespace

class TestTsneInternals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsReachThePerplexity() {
        std::mt19937 engine(1);
        std::exponential_distribution<float> spread(0.05f);
        for (const double perplexity : {2.0, 5.0, 30.0, 80.0}) {
            std::vector<float> distances(200);
            for (float& d : distances)
                d = spread(engine);
            std::vector<float> probabilities(distances.size());
            calibrateRow(distances.data(), int(distances.size()), perplexity, probabilities.data());
            double sum = 0.0;
            for (const float p : probabilities)
                sum += p;
            QVERIFY(std::abs(sum - 1.0) < 1e-5);
            const double reached = perplexityOf(probabilities);
            QVERIFY2(std::abs(reached - perplexity) / perplexity < 1e-3,
                     qPrintable(QString("asked %1, reached %2").arg(perplexity).arg(reached)));
        }
    }

    void sparseAffinitiesAreSymmetricAndNormalised() {
        torch::manual_seed(5);
        const torch::Tensor points = torch::randn({120, 6});
        const SparseAffinities p = sparseAffinities(points, 10.0, Progress());
        QCOMPARE(p.rows, 120);
        double total = 0.0;
        auto lookup = [&](int i, int j) {
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e)
                if (p.columns[e] == j)
                    return double(p.values[e]);
            return -1.0;
        };
        for (int i = 0; i < p.rows; ++i) {
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
                QVERIFY(p.columns[e] != i);
                QVERIFY(e == p.rowStart[i] || p.columns[e - 1] < p.columns[e]);
                QVERIFY(std::abs(lookup(p.columns[e], i) - p.values[e]) < 1e-9);
                total += p.values[e];
            }
        }
        QVERIFY(std::abs(total - 1.0) < 1e-5);
    }

    void exactGradientMatchesFiniteDifferences() {
        const int n = 7;
        ExactGradient exact(randomAffinities(n, torch::kFloat64));
        torch::manual_seed(11);
        torch::Tensor embedding = torch::randn({n, 2}, torch::kFloat64);
        torch::Tensor gradient;
        exact.compute(embedding, 1.0, false, gradient);
        const double h = 1e-6;
        double worst = 0.0;
        for (int i = 0; i < n; ++i) {
            for (int c = 0; c < 2; ++c) {
                torch::Tensor plus = embedding.clone(), minus = embedding.clone();
                plus[i][c] += h;
                minus[i][c] -= h;
                const double numeric = (exact.finalKl(plus) - exact.finalKl(minus)) / (2 * h);
                worst = std::max(worst, std::abs(numeric - gradient[i][c].item<double>()));
            }
        }
        QVERIFY2(worst < 1e-6, qPrintable(QString("largest difference %1").arg(worst)));
        QVERIFY(gradient.abs().max().item<double>() > 1e-3); // not trivially zero
    }

    void barnesHutWithZeroThetaIsExact() {
        const int n = 40;
        const torch::Tensor dense = randomAffinities(n, torch::kFloat32);
        SparseAffinities sparse;
        sparse.rows = n;
        sparse.rowStart.push_back(0);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                if (i != j) {
                    sparse.columns.push_back(j);
                    sparse.values.push_back(dense[i][j].item<float>());
                }
            }
            sparse.rowStart.push_back(int(sparse.columns.size()));
        }
        torch::manual_seed(2);
        const torch::Tensor embedding = torch::randn({n, 2}) * 3;
        ExactGradient exact(dense);
        BarnesHutGradient tree(sparse, 0.0);
        torch::Tensor exactGradient, treeGradient;
        const double exactKl = exact.compute(embedding, 4.0, true, exactGradient);
        const double treeKl = tree.compute(embedding, 4.0, true, treeGradient);
        QVERIFY(torch::allclose(treeGradient, exactGradient, 1e-4, 1e-6));
        QVERIFY(std::abs(treeKl - exactKl) < 1e-4);
        QVERIFY(std::abs(tree.finalKl(embedding) - exact.finalKl(embedding)) < 1e-4);
        // A wide opening angle approximates, but stays close.
        BarnesHutGradient coarse(sparse, 0.8);
        torch::Tensor coarseGradient;
        coarse.compute(embedding, 4.0, false, coarseGradient);
        const double error = (coarseGradient - exactGradient).norm().item<double>() /
                             exactGradient.norm().item<double>();
        QVERIFY2(error < 0.05, qPrintable(QString("relative error %1").arg(error)));
    }
};

QTEST_GUILESS_MAIN(TestTsneInternals)
#include "TestTsneInternals.moc"
