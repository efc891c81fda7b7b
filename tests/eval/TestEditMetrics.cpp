// The metrics of METHOD.md §9 on logits built by hand, where the right value is
// known: token accuracy counts the answer tokens that are the argmax at the
// position before them; locality compares argmaxes (or top-k lists) before/after.
#include "eval/EditMetrics.h"

#include <QtTest>

using namespace unike;

namespace {

// (1, S, V) logits whose argmax at each position is `argmax[i]`, with the
// runner-up order given by `second[i]`.
torch::Tensor logitsWith(const std::vector<int>& argmax, const std::vector<int>& second,
                         int vocab = 6) {
    auto logits = torch::zeros({1, int64_t(argmax.size()), vocab});
    for (size_t i = 0; i < argmax.size(); ++i) {
        logits[0][int64_t(i)][argmax[i]] = 5.0;
        logits[0][int64_t(i)][second[i]] = 3.0;
    }
    return logits;
}

} // namespace

class TestEditMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenAccuracyUsesThePreviousPosition() {
        // Sequence: 4 prompt tokens then a 3-token answer starting at index 4.
        // Rows 3, 4, 5 predict the answer; their argmaxes are 1, 2, 0.
        auto logits = logitsWith({0, 0, 0, 1, 2, 0, 5}, {1, 1, 1, 0, 0, 1, 0});
        QCOMPARE(eval::tokenAccuracy(logits, 4, {1, 2, 0}), 1.0);
        QCOMPARE(eval::tokenAccuracy(logits, 4, {1, 3, 0}), 2.0 / 3.0);
        QCOMPARE(eval::tokenAccuracy(logits, 4, {2, 3, 4}), 0.0);
        // Off by one would read rows 4, 5, 6 (2, 0, 5).
        QVERIFY(eval::tokenAccuracy(logits, 4, {2, 0, 5}) < 0.5);
    }

    void localityComparesArgmaxes() {
        auto before = logitsWith({0, 1, 2, 3}, {1, 0, 0, 0});
        auto after = logitsWith({0, 1, 4, 3}, {1, 0, 0, 0});
        // Answer of 2 tokens starting at index 2: rows 1 and 2; row 2 changed.
        QCOMPARE(eval::argmaxAgreement(before, after, 2, 2), 0.5);
        QCOMPARE(eval::argmaxAgreement(before, before, 2, 2), 1.0);
        QCOMPARE(eval::argmaxAgreement(before, after, 2, 0), 1.0);
    }

    void topKComparesOrderedLists() {
        auto before = logitsWith({0, 1, 2}, {1, 2, 3});
        auto swapped = logitsWith({0, 2, 2}, {1, 1, 3}); // row 1: same set, other order
        QCOMPARE(eval::topKAgreement(before, before, 1, 2, 2), 1.0);
        QCOMPARE(eval::topKAgreement(before, swapped, 1, 2, 2), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestEditMetrics)
#include "TestEditMetrics.moc"
