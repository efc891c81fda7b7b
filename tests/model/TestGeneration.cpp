// Generation: cached and uncached decoding agree, beams, top-k, scoring.
#include "TinyConfig.h"
#include "model/Generator.h"
#include "model/blip2/Blip2Model.h"

#include <unike/Error.h>

#include <QtTest>

using namespace unike;

namespace {

std::shared_ptr<model::Blip2Model> tinyModel() {
    auto config = test::tinyConfig(true);
    config.initializerRange = 0.3;
    return model::Blip2Model::createRandom(config, 11);
}

torch::Tensor prefixFor(const model::Blip2Model& m) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    return m.imagePrefix(torch::randn({1, 3, 16, 16}));
}

std::vector<int> ids(const model::Generation& g) {
    std::vector<int> out;
    for (const auto& t : g.tokens)
        out.push_back(t.id);
    return out;
}

} // namespace

class TestGeneration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cachedLogitsEqualFullForward() {
        // Feed a sequence token by token through the cache and compare each step's
        // logits with the full teacher-forced forward.
        torch::NoGradGuard noGrad;
        auto m = tinyModel();
        auto prefix = prefixFor(*m);
        auto tokens = torch::tensor({2, 7, 8, 9, 10, 11}, torch::kLong).view({1, 6});
        model::ForwardInput input;
        input.imagePrefix = prefix;
        input.inputIds = tokens;
        auto full = m->forward(input).logits;

        const auto& decoder = m->decoder();
        model::KvCache cache(size_t(decoder.layerCount()));
        model::DecoderRun run;
        run.cache = &cache;
        auto prepared = m->prepare(prefix, tokens.narrow(1, 0, 2), torch::Tensor());
        auto mask = prepared.attentionMask;
        auto out = decoder.run(decoder.inputHidden(prepared.inputsEmbeds, mask, 0), mask, 0, run);
        QVERIFY(torch::allclose(out.logits, full.narrow(1, 0, 6), 1e-4, 1e-5));
        for (int64_t t = 2; t < 6; ++t) {
            const int64_t past = mask.size(1);
            mask = torch::cat({mask, torch::ones({1, 1}, mask.options())}, 1);
            auto hidden =
                decoder.inputHidden(decoder.embedTokens(tokens.narrow(1, t, 1)), mask, past);
            auto step = decoder.run(hidden, mask, past, run);
            QVERIFY2(torch::allclose(step.logits[0][0], full[0][4 + t], 1e-4, 1e-5),
                     qPrintable(QString("step %1").arg(t)));
        }
        QCOMPARE(cache.length(), int64_t(10));
    }

    void cachedAndUncachedGreedyAgree() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 12;
        options.eosTokenId = -1; // run the full length
        auto cached = generator.generate(prefixFor(*m), {2, 5, 6}, options);
        options.useCache = false;
        auto uncached = generator.generate(prefixFor(*m), {2, 5, 6}, options);
        QCOMPARE(ids(cached), ids(uncached));
        QCOMPARE(cached.tokens.size(), size_t(12));
        for (size_t i = 0; i < cached.tokens.size(); ++i)
            QVERIFY(std::abs(cached.tokens[i].probability - uncached.tokens[i].probability) < 1e-4);
    }

    void topKIsSortedAndHoldsTheChoice() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 4;
        options.topK = 5;
        options.eosTokenId = -1;
        auto out = generator.generate(prefixFor(*m), {2, 5}, options);
        for (const auto& token : out.tokens) {
            QCOMPARE(token.alternatives.size(), size_t(5));
            QCOMPARE(token.alternatives[0].id, token.id);
            for (size_t i = 1; i < token.alternatives.size(); ++i)
                QVERIFY(token.alternatives[i - 1].probability >= token.alternatives[i].probability);
            QVERIFY(token.probability > 0.0 && token.probability <= 1.0);
        }
    }

    void eosStopsGeneration() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 6;
        options.eosTokenId = -1;
        auto free = generator.generate(prefixFor(*m), {2, 5}, options);
        QVERIFY(free.tokens.size() >= 2);
        options.eosTokenId = free.tokens[1].id; // make the second token the end
        auto stopped = generator.generate(prefixFor(*m), {2, 5}, options);
        QVERIFY(stopped.stoppedAtEos);
        QCOMPARE(stopped.tokens.size(), size_t(1));
    }

    void beamSearchFindsAtLeastGreedysLikelihood() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 5;
        options.eosTokenId = -1;
        options.lengthPenalty = 0.0; // compare raw log-probabilities of equal lengths
        auto greedy = generator.generate(prefixFor(*m), {2, 5}, options);
        options.numBeams = 4;
        auto beam = generator.generate(prefixFor(*m), {2, 5}, options);
        QCOMPARE(beam.tokens.size(), size_t(5));
        QVERIFY(beam.logProbability >= greedy.logProbability - 1e-6);
        options.numBeams = 1;
        options.useCache = false;
        options.numBeams = 4;
        auto beamUncached = generator.generate(prefixFor(*m), {2, 5}, options);
        QCOMPARE(ids(beam), ids(beamUncached));
    }

    void scoringMatchesGeneration() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 4;
        options.eosTokenId = -1;
        auto prefix = prefixFor(*m);
        auto out = generator.generate(prefix, {2, 5, 6}, options);
        auto score = generator.score(prefix, {2, 5, 6}, ids(out));
        QCOMPARE(score.tokenAccuracy, 1.0); // greedy tokens are the argmax by definition
        double logLikelihood = 0;
        for (size_t i = 0; i < out.tokens.size(); ++i) {
            QVERIFY(std::abs(score.tokens[i].probability - out.tokens[i].probability) < 1e-4);
            logLikelihood += std::log(out.tokens[i].probability);
        }
        QVERIFY(std::abs(score.logLikelihood - logLikelihood) < 1e-3);
        // A different answer scores lower accuracy when its tokens are not the argmax.
        std::vector<int> wrong = ids(out);
        wrong[0] = (wrong[0] + 1) % 50;
        auto wrongScore = generator.score(prefix, {2, 5, 6}, wrong);
        QVERIFY(wrongScore.tokenAccuracy < 1.0);
        QCOMPARE(wrongScore.argmaxIds[0], out.tokens[0].id);
    }

    void textOnlyGenerationAndBadInput() {
        auto m = tinyModel();
        model::Generator generator(*m);
        model::GenerationOptions options;
        options.maxNewTokens = 3;
        options.eosTokenId = -1;
        QCOMPARE(generator.generate(torch::Tensor(), {2, 5}, options).tokens.size(), size_t(3));
        QVERIFY_THROWS_EXCEPTION(unike::Error, generator.generate(torch::Tensor(), {}, options));
        QVERIFY_THROWS_EXCEPTION(unike::Error, generator.score(torch::Tensor(), {2}, {}));
        options.maxNewTokens = 0;
        QVERIFY_THROWS_EXCEPTION(unike::Error, generator.generate(torch::Tensor(), {2}, options));
    }

    void cancelStopsGeneration() {
        auto m = tinyModel();
        model::Generator generator(*m);
        Progress progress;
        progress.cancel();
        try {
            generator.generate(torch::Tensor(), {2, 5}, model::GenerationOptions(), progress);
            QFAIL("expected cancellation");
        } catch (const unike::Error& e) {
            QVERIFY(e.isCancellation());
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneration)
#include "TestGeneration.moc"
