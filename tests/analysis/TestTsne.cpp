// runTsne end to end on small inputs: separated clusters stay separated with
// both gradients, a seed fixes the result, cancel stops within one iteration,
// the progress stream carries KL and snapshots, and bad inputs are refused.
#include "ClusterData.h"

#include <unike/Error.h>
#include <unike/Projection.h>

#include <QtTest>

#include <algorithm>
#include <atomic>

using namespace unike;

namespace {

// The fraction of each point's k nearest embedded neighbours that share its cluster.
double neighbourAgreement(const Projection& embedding, const std::vector<int>& labels, int k) {
    const int n = embedding.rows;
    const int dims = embedding.components;
    int agreeing = 0;
    for (int i = 0; i < n; ++i) {
        std::vector<std::pair<float, int>> distances;
        for (int j = 0; j < n; ++j) {
            if (j == i)
                continue;
            float d = 0.0f;
            for (int c = 0; c < dims; ++c) {
                const float delta = embedding.coords[i * dims + c] - embedding.coords[j * dims + c];
                d += delta * delta;
            }
            distances.emplace_back(d, j);
        }
        std::partial_sort(distances.begin(), distances.begin() + k, distances.end());
        for (int m = 0; m < k; ++m)
            agreeing += labels[distances[m].second] == labels[i];
    }
    return double(agreeing) / (double(n) * k);
}

TsneParams smallParams(TsneMethod method) {
    TsneParams params;
    params.method = method;
    params.perplexity = 15;
    params.iterations = 400;
    params.exaggerationIterations = 100;
    return params;
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clustersStaySeparated_data() {
        QTest::addColumn<int>("method");
        QTest::newRow("exact") << int(TsneMethod::Exact);
        QTest::newRow("barnes-hut") << int(TsneMethod::BarnesHut);
    }
    void clustersStaySeparated() {
        QFETCH(int, method);
        std::vector<int> labels;
        const PointMatrix points = testing::clusteredPoints(5, 60, 20, 6.0, 4, &labels);
        const Projection embedding = runTsne(points, smallParams(TsneMethod(method)));
        QCOMPARE(embedding.method,
                 std::string(method == int(TsneMethod::Exact) ? "exact" : "barnes-hut"));
        QCOMPARE(embedding.coords.size(), size_t(300 * 2));
        const double agreement = neighbourAgreement(embedding, labels, 5);
        QVERIFY2(agreement > 0.98, qPrintable(QString("agreement %1").arg(agreement)));
        const double trust = trustworthiness(points, embedding, 5);
        QVERIFY2(trust > 0.9, qPrintable(QString("trustworthiness %1").arg(trust)));
        QVERIFY(embedding.klDivergence > 0 && embedding.klDivergence < 2.0);
    }

    void sameSeedGivesTheSameResult_data() { clustersStaySeparated_data(); }
    void sameSeedGivesTheSameResult() {
        QFETCH(int, method);
        const PointMatrix points = testing::clusteredPoints(3, 40, 8, 4.0, 9);
        TsneParams params = smallParams(TsneMethod(method));
        params.iterations = 150;
        params.init = TsneInit::Random;
        params.seed = 7;
        const Projection first = runTsne(points, params);
        const Projection second = runTsne(points, params);
        QVERIFY(first.coords == second.coords);
        QCOMPARE(first.klDivergence, second.klDivergence);
        params.seed = 8;
        QVERIFY(runTsne(points, params).coords != first.coords);
    }

    void cancelStopsWithinOneIteration_data() { clustersStaySeparated_data(); }
    void cancelStopsWithinOneIteration() {
        QFETCH(int, method);
        const PointMatrix points = testing::clusteredPoints(3, 40, 8, 4.0, 9);
        TsneParams params = smallParams(TsneMethod(method));
        params.snapshotEvery = 1;
        const int cancelAt = 37;
        std::atomic<bool> cancelled{false};
        int lastSnapshot = 0;
        int snapshotsAfterCancel = 0;
        Progress progress;
        params.onSnapshot = [&](int iteration, const std::vector<float>& coords) {
            QCOMPARE(coords.size(), size_t(points.rows * 2));
            if (cancelled)
                ++snapshotsAfterCancel;
            lastSnapshot = iteration;
            if (iteration == cancelAt) {
                cancelled = true;
                progress.cancel();
            }
        };
        try {
            runTsne(points, params, progress);
            QFAIL("runTsne finished despite the cancel");
        } catch (const Error& error) {
            QVERIFY(error.isCancellation());
        }
        QCOMPARE(lastSnapshot, cancelAt);
        QCOMPARE(snapshotsAfterCancel, 0);
    }

    void reportsKlAndSnapshots() {
        const PointMatrix points = testing::clusteredPoints(3, 30, 5, 5.0, 2);
        TsneParams params = smallParams(TsneMethod::Exact);
        params.iterations = 200;
        params.snapshotEvery = 25;
        std::vector<long> klSteps;
        std::vector<double> klValues;
        Progress progress([&](const ProgressEvent& event) {
            for (const auto& [name, value] : event.scalars) {
                if (name == "kl") {
                    klSteps.push_back(event.step);
                    klValues.push_back(value);
                }
            }
        });
        std::vector<int> snapshots;
        params.onSnapshot = [&](int iteration, const std::vector<float>&) {
            snapshots.push_back(iteration);
        };
        const Projection result = runTsne(points, params, progress);
        const std::vector<int> expected = {25, 50, 75, 100, 125, 150, 175, 200};
        QVERIFY(snapshots == expected);
        // The KL every 50 iterations, as sklearn checks it.
        QVERIFY(klSteps == std::vector<long>({50, 100, 150, 200}));
        QVERIFY(klValues.back() < klValues[1]); // still falling after exaggeration
        QVERIFY(std::abs(klValues.back() - result.klDivergence) < 0.05);
    }

    void refusesInputsItCannotUse() {
        const PointMatrix points = testing::clusteredPoints(2, 10, 3, 3.0, 1);
        TsneParams params;
        params.perplexity = 30; // 20 points cannot reach it
        try {
            runTsne(points, params);
            QFAIL("accepted a perplexity above the point count");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidInput);
            QVERIFY(QString(error.what()).contains("perplexity"));
        }
        params.perplexity = 5;
        params.method = TsneMethod::BarnesHut;
        params.components = 3;
        QVERIFY_THROWS_EXCEPTION(Error, runTsne(points, params));
        PointMatrix broken = points;
        broken.values[7] = std::numeric_limits<float>::quiet_NaN();
        params.components = 2;
        QVERIFY_THROWS_EXCEPTION(Error, runTsne(broken, params));
    }

    void autoPicksBarnesHutOnTheCpu() {
        const PointMatrix points = testing::clusteredPoints(2, 30, 4, 5.0, 3);
        TsneParams params = smallParams(TsneMethod::Auto);
        params.iterations = 20;
        QCOMPARE(runTsne(points, params).method, std::string("barnes-hut"));
        params.components = 3; // the quadtree is 2-D only
        const Projection threeD = runTsne(points, params);
        QCOMPARE(threeD.method, std::string("exact"));
        QCOMPARE(threeD.coords.size(), size_t(points.rows * 3));
    }
};

QTEST_GUILESS_MAIN(TestTsne)
#include "TestTsne.moc"
