// PCA against a constructed answer, trustworthiness at its extremes, and the
// CSV reader's acceptance and refusals.
#include "ClusterData.h"

#include <unike/Error.h>
#include <unike/Projection.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <random>

using namespace unike;

namespace {

std::string writeFile(const QTemporaryDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path) << text;
    return path;
}

} // namespace

class TestProjection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pcaRecoversConstructedDirections() {
        // Points a*u + b*v + offset in 5-D, with u, v orthonormal and var(a) = 16 var(b):
        // the projection must be (a - mean a, b - mean b) up to each axis' sign.
        const std::vector<double> u = {0.6, 0.8, 0.0, 0.0, 0.0};
        const std::vector<double> v = {0.0, 0.0, 0.0, 1.0, 0.0};
        const std::vector<double> offset = {3.0, -1.0, 2.0, 0.5, 7.0};
        std::mt19937 engine(3);
        std::normal_distribution<double> normal(0.0, 1.0);
        const int n = 200;
        std::vector<double> a(n), b(n);
        double meanA = 0, meanB = 0;
        for (int i = 0; i < n; ++i) {
            a[i] = 4.0 * normal(engine);
            b[i] = normal(engine);
            meanA += a[i] / n;
            meanB += b[i] / n;
        }
        // Make the sample of b exactly uncorrelated with a, or PCA's answer would
        // rightly rotate away from (u, v) by their sample covariance.
        double covariance = 0, varianceA = 0;
        for (int i = 0; i < n; ++i) {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
        }
        for (int i = 0; i < n; ++i)
            b[i] -= covariance / varianceA * (a[i] - meanA);
        PointMatrix points{n, 5, {}};
        for (int i = 0; i < n; ++i)
            for (int d = 0; d < 5; ++d)
                points.values.push_back(float(a[i] * u[d] + b[i] * v[d] + offset[d]));
        const Projection pca = runPca(points, 2);
        QCOMPARE(pca.method, std::string("pca"));
        QCOMPARE(pca.coords.size(), size_t(2 * n));
        const double signA = pca.coords[0] * (a[0] - meanA) >= 0 ? 1.0 : -1.0;
        const double signB = pca.coords[1] * (b[0] - meanB) >= 0 ? 1.0 : -1.0;
        double worst = 0.0, varA = 0.0, varB = 0.0;
        for (int i = 0; i < n; ++i) {
            worst = std::max(worst, std::abs(pca.coords[2 * i] - signA * (a[i] - meanA)));
            worst = std::max(worst, std::abs(pca.coords[2 * i + 1] - signB * (b[i] - meanB)));
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        QVERIFY2(worst < 1e-4, qPrintable(QString("largest error %1").arg(worst)));
        QCOMPARE(pca.explainedVariance.size(), size_t(2));
        QVERIFY(std::abs(pca.explainedVariance[0] - varA / (varA + varB)) < 1e-5);
        QVERIFY(std::abs(pca.explainedVariance[1] - varB / (varA + varB)) < 1e-5);
    }

    void pcaWithMoreDimensionsThanPoints() {
        // 10 points in 50-D: the Gram path must give the same distances as the data's span.
        const PointMatrix points = testing::clusteredPoints(2, 5, 50, 5.0, 8);
        const Projection pca = runPca(points, 2);
        QCOMPARE(pca.rows, 10);
        QVERIFY(pca.explainedVariance[0] >= pca.explainedVariance[1]);
        QVERIFY(pca.explainedVariance[0] > 0.5); // two clusters: one dominant direction
        QVERIFY_THROWS_EXCEPTION(Error, runPca(points, 11));
    }

    void trustworthinessAtTheExtremes() {
        const PointMatrix points = testing::clusteredPoints(4, 25, 2, 5.0, 6);
        Projection identity;
        identity.rows = points.rows;
        identity.coords = points.values;
        QVERIFY(std::abs(trustworthiness(points, identity, 5) - 1.0) < 1e-9);
        Projection shuffled = identity;
        std::mt19937 engine(1);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        for (float& c : shuffled.coords)
            c = normal(engine);
        QVERIFY(trustworthiness(points, shuffled, 5) < 0.7);
        QVERIFY_THROWS_EXCEPTION(Error, trustworthiness(points, identity, 60));
    }

    void readsAHeaderlessCsv() {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "ok.csv", "1,2,3\n4.5, -5e-1 ,6\r\n\n7,8,9\n");
        const PointMatrix points = readPointsCsv(path);
        QCOMPARE(points.rows, 3);
        QCOMPARE(points.cols, 3);
        QCOMPARE(points.at(1, 1), -0.5f);
        QCOMPARE(points.at(2, 2), 9.0f);
    }

    void refusesMalformedCsv_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("header") << "x,y\n1,2\n"
                                << "header";
        QTest::newRow("ragged") << "1,2\n3,4,5\n"
                                << "line 2";
        QTest::newRow("word") << "1,2\n3,abc\n"
                              << "'abc'";
        QTest::newRow("empty cell") << "1,,2\n"
                                    << "column 2";
        QTest::newRow("nan") << "1,nan\n"
                             << "finite";
        QTest::newRow("no points") << "\n\n"
                                   << "no points";
    }
    void refusesMalformedCsv() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "bad.csv", text.toStdString());
        try {
            readPointsCsv(path);
            QFAIL("accepted a malformed CSV");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::File);
            QVERIFY2(QString(error.what()).contains(mentions), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, readPointsCsv(path + ".missing"));
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "TestProjection.moc"
