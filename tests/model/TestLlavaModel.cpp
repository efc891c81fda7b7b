// The LLaMA decoder and LLaVA on tiny random configurations: the editing hook points
// (METHOD.md §5a for knowledge slots under RoPE), the KV cache, image placement and the
// prompt format.
#include "TinyLlava.h"
#include "model/Generator.h"
#include "model/llama/LlamaTextModel.h"
#include "model/llava/LlavaModel.h"

#include <unike/Error.h>

#include <QtTest>

using namespace unike;

namespace {

std::shared_ptr<model::LlavaModel> tinyLlava() {
    return model::LlavaModel::createRandom(test::tinyLlavaConfig(), 5);
}

std::shared_ptr<model::LlamaTextModel> tinyLlama() {
    return model::LlamaTextModel::createRandom(test::tinyLlamaConfig(), 9);
}

torch::Tensor ids(std::vector<int64_t> values) {
    return torch::tensor(values, torch::kLong).view({1, -1});
}

torch::Tensor pixels(int64_t batch) {
    torch::manual_seed(3);
    return torch::randn({batch, 3, 16, 16});
}

model::ForwardResult run(const model::MultimodalModel& m, const torch::Tensor& inputIds,
                         const model::DecoderHooks* hooks = nullptr,
                         const torch::Tensor& mask = {}) {
    torch::NoGradGuard noGrad;
    model::ForwardInput input;
    input.inputIds = inputIds;
    input.attentionMask = mask;
    model::ForwardOptions options;
    options.hooks = hooks;
    options.captureHidden = true;
    options.captureFfnInputs = true;
    return m.forward(input, options);
}

class SilentHook : public model::DecoderLayerHook {};

class AddFfnDelta : public model::DecoderLayerHook {
public:
    torch::Tensor ffnDelta(const torch::Tensor& ffnInput, const model::LayerHookContext&) override {
        seen = ffnInput;
        return torch::full_like(ffnInput, 0.25);
    }
    torch::Tensor seen;
};

// Fixed knowledge states and a fixed alpha; records what the layer hands to knowledgeWeight.
class KnowledgeHook : public model::DecoderLayerHook {
public:
    KnowledgeHook(torch::Tensor states, double alpha)
        : states_(std::move(states))
        , alpha_(alpha) {}
    torch::Tensor knowledgeStates(const model::LayerHookContext&) override { return states_; }
    torch::Tensor knowledgeWeight(const torch::Tensor& in, const torch::Tensor& know,
                                  const model::LayerHookContext&) override {
        shapesMatched = in.sizes() == know.sizes();
        knowledge = know;
        return torch::full({in.size(0), 1, 1}, alpha_);
    }
    bool shapesMatched = false;
    torch::Tensor knowledge;

private:
    torch::Tensor states_;
    double alpha_;
};

torch::Tensor lastLogits(const model::ForwardResult& r) {
    return r.logits.select(1, r.logits.size(1) - 1);
}

} // namespace

class TestLlavaModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapesAndInterface() {
        auto m = tinyLlava();
        QCOMPARE(m->visualTokenCount(), int64_t(4));
        QCOMPARE(m->imageSize(), int64_t(16));
        QCOMPARE(m->decoder().ffnShape().activation, std::string("silu"));
        QVERIFY(m->decoder().ffnShape().gated);
        QCOMPARE(m->decoder().ffnShape().width, int64_t(48));
        QCOMPARE(m->decoder().fineTuneWeightName(),
                 std::string("language_model.model.layers.2.mlp.down_proj.weight"));
        QVERIFY(m->parameters().contains(m->decoder().fineTuneWeightName()));
        QCOMPARE(tinyLlama()->decoder().fineTuneWeightName(),
                 std::string("model.layers.2.mlp.down_proj.weight"));
        torch::NoGradGuard noGrad;
        model::ForwardInput input;
        input.pixelValues = pixels(2);
        input.inputIds =
            torch::tensor({1, 60, 60, 60, 60, 5, 6, 1, 60, 60, 60, 60, 7, 8}, torch::kLong)
                .view({2, 7});
        model::ForwardOptions options;
        options.captureAttention = true;
        options.captureFfnInputs = true;
        auto out = m->forward(input, options);
        QCOMPARE(out.prefixLength, int64_t(0));
        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{2, 7, 64}));
        QCOMPARE(out.attentions[1].sizes().vec(), (std::vector<int64_t>{2, 4, 7, 7}));
        QCOMPARE(out.ffnInputs[0].sizes().vec(), (std::vector<int64_t>{2, 7, 32}));
        QVERIFY(torch::isfinite(out.logits).all().item<bool>());
    }

    void noHookIsBitwiseEqualToEmptyHooks() {
        auto m = tinyLlama();
        auto plain = run(*m, ids({1, 5, 6, 7}));
        model::DecoderHooks empty;
        QVERIFY(torch::equal(plain.logits, run(*m, ids({1, 5, 6, 7}), &empty).logits));
        SilentHook silent;
        model::DecoderHooks hooks;
        hooks.attach(1, &silent);
        QVERIFY(torch::equal(plain.logits, run(*m, ids({1, 5, 6, 7}), &hooks).logits));
    }

    void ffnDeltaAddsExactlyToPostAttentionNormInput() {
        auto m = tinyLlama();
        auto plain = run(*m, ids({1, 5, 6, 7}));
        AddFfnDelta delta;
        model::DecoderHooks hooks;
        hooks.attach(0, &delta);
        auto hooked = run(*m, ids({1, 5, 6, 7}), &hooks);
        // What the hook sees is post_attention_layernorm's output, the FFN input captured.
        QVERIFY(torch::equal(delta.seen, plain.ffnInputs[0]));
        auto added = hooked.hiddenStates[1] - plain.hiddenStates[1];
        QVERIFY(torch::allclose(added, torch::full_like(added, 0.25), 0, 1e-6));
        QVERIFY(torch::equal(hooked.hiddenStates[0], plain.hiddenStates[0]));
    }

    void knowledgeAlphaZeroChangesNothing() {
        auto m = tinyLlama();
        torch::manual_seed(4);
        KnowledgeHook hook(torch::randn({3, 32}), 0.0);
        model::DecoderHooks hooks;
        for (int layer = 0; layer < 3; ++layer)
            hooks.attach(layer, &hook);
        auto plain = run(*m, ids({1, 5, 6, 7}));
        auto hooked = run(*m, ids({1, 5, 6, 7}), &hooks);
        QVERIFY(hook.shapesMatched);
        QVERIFY(torch::equal(plain.logits, hooked.logits));
    }

    void knowledgeAlphaOneReadsOnlyTheSlots() {
        // With alpha = 1 in every layer no position reads another, so the last token's
        // logits depend on that token alone; under query-position RoPE not even on where
        // it sits. Keys at position 0 ("zero") make them depend on the position.
        auto m = tinyLlama();
        torch::manual_seed(4);
        KnowledgeHook hook(torch::randn({2, 3, 32}).select(0, 0), 1.0);
        model::DecoderHooks hooks;
        for (int layer = 0; layer < 3; ++layer)
            hooks.attach(layer, &hook);
        auto alone = lastLogits(run(*m, ids({9}), &hooks));
        auto afterOthers = lastLogits(run(*m, ids({1, 5, 6, 9}), &hooks));
        QVERIFY(torch::allclose(alone, afterOthers, 1e-5, 1e-5));
        auto plain = lastLogits(run(*m, ids({1, 5, 6, 9})));
        QVERIFY(!torch::allclose(plain, afterOthers, 1e-3, 1e-3));

        hooks.setKnowledgeRope(model::KnowledgeRope::Zero);
        auto zeroAlone = lastLogits(run(*m, ids({9}), &hooks));
        auto zeroAfter = lastLogits(run(*m, ids({1, 5, 6, 9}), &hooks));
        QVERIFY(torch::allclose(zeroAlone, alone, 1e-5, 1e-5)); // position 0 is unrotated
        QVERIFY(!torch::allclose(zeroAfter, afterOthers, 1e-3, 1e-3));
    }

    void knowledgeScoreIgnoresTheQueryPosition() {
        // Layer 0's input at the last token is that token's embedding wherever it sits, so
        // the knowledge read there differs only through the query's rotation.
        auto m = tinyLlama();
        torch::manual_seed(4);
        KnowledgeHook hook(torch::randn({3, 32}), 0.5);
        model::DecoderHooks hooks;
        hooks.attach(0, &hook);
        auto knowledgeAt = [&](const torch::Tensor& inputIds, model::KnowledgeRope mode,
                               const torch::Tensor& mask = {}) {
            hooks.setKnowledgeRope(mode);
            run(*m, inputIds, &hooks, mask);
            return hook.knowledge.select(1, hook.knowledge.size(1) - 1);
        };
        using model::KnowledgeRope;
        auto near = knowledgeAt(ids({1, 9}), KnowledgeRope::QueryPosition);
        auto far = knowledgeAt(ids({1, 5, 6, 7, 8, 2, 3, 9}), KnowledgeRope::QueryPosition);
        QVERIFY(torch::allclose(near, far, 1e-6, 1e-6));
        QVERIFY(torch::equal(far, knowledgeAt(ids({1, 5, 6, 7, 8, 2, 3, 9}), KnowledgeRope::None)));
        auto zeroNear = knowledgeAt(ids({1, 9}), KnowledgeRope::Zero);
        auto zeroFar = knowledgeAt(ids({1, 5, 6, 7, 8, 2, 3, 9}), KnowledgeRope::Zero);
        QVERIFY(!torch::allclose(zeroNear, zeroFar, 1e-3, 1e-3));
        // Left padding keeps the positions (they come from the mask): nothing moves.
        auto padded = knowledgeAt(ids({0, 0, 0, 1, 9}), KnowledgeRope::Zero,
                                  torch::tensor({0, 0, 0, 1, 1}, torch::kLong).view({1, -1}));
        QVERIFY(torch::allclose(padded, zeroNear, 1e-6, 1e-6));
    }

    void kvCacheEqualsFullForward() {
        torch::NoGradGuard noGrad;
        auto m = tinyLlava();
        const auto& decoder = m->decoder();
        // A left-padded batch of two with an image; 3 tokens decoded one at a time.
        auto full = torch::tensor({0, 1, 60, 60, 60, 60, 5, 6, 11, 12, 13, //
                                   1, 7, 60, 60, 60, 60, 8, 9, 21, 22, 23},
                                  torch::kLong)
                        .view({2, 11});
        auto fullMask = torch::ones_like(full);
        fullMask[0][0] = 0;
        auto prefix = m->imagePrefix(pixels(2));
        model::ForwardInput input;
        input.imagePrefix = prefix;
        input.inputIds = full;
        input.attentionMask = fullMask;
        auto expected = m->forward(input).logits;

        const int64_t prompt = 8;
        auto start = m->prepare(prefix, full.narrow(1, 0, prompt), fullMask.narrow(1, 0, prompt));
        model::KvCache cache(size_t(decoder.layerCount()));
        model::DecoderRun runOptions;
        runOptions.cache = &cache;
        auto mask = start.attentionMask;
        auto out =
            decoder.run(decoder.inputHidden(start.inputsEmbeds, mask, 0), mask, 0, runOptions);
        // Row 0's first position is a pad: its (unused) output depends on the key count.
        QVERIFY(torch::allclose(out.logits.narrow(1, 1, prompt - 1),
                                expected.narrow(1, 1, prompt - 1), 1e-5, 1e-5));
        QVERIFY(torch::allclose(out.logits[1][0], expected[1][0], 1e-5, 1e-5));
        for (int64_t t = prompt; t < full.size(1); ++t) {
            const int64_t past = mask.size(1);
            mask = torch::cat({mask, torch::ones({2, 1}, mask.options())}, 1);
            auto embeds = decoder.embedTokens(full.narrow(1, t, 1));
            auto step =
                decoder.run(decoder.inputHidden(embeds, mask, past), mask, past, runOptions);
            QVERIFY(torch::allclose(step.logits.select(1, 0), expected.select(1, t), 1e-5, 1e-5));
        }
        QCOMPARE(cache.length(), full.size(1));
    }

    void generatorWithAndWithoutCacheAgree() {
        auto m = tinyLlava();
        model::Generator generator(*m);
        auto prefix = m->imagePrefix(pixels(1));
        model::GenerationOptions options;
        options.maxNewTokens = 6;
        options.eosTokenId = -1;
        auto cached = generator.generate(prefix, {1, 5, 60, 7}, options);
        options.useCache = false;
        auto uncached = generator.generate(prefix, {1, 5, 60, 7}, options);
        QCOMPARE(cached.tokens.size(), size_t(6));
        for (size_t i = 0; i < cached.tokens.size(); ++i)
            QCOMPARE(cached.tokens[i].id, uncached.tokens[i].id);
    }

    void imagePlacementConventionsAgree() {
        torch::NoGradGuard noGrad;
        auto m = tinyLlava();
        model::ForwardInput placeholders;
        placeholders.pixelValues = pixels(1);
        placeholders.inputIds = ids({1, 5, 60, 60, 60, 60, 7, 8});
        auto a = m->forward(placeholders);
        model::ForwardInput single = placeholders;
        single.inputIds = ids({1, 5, 60, 7, 8});
        auto b = m->forward(single);
        QCOMPARE(b.prefixLength, int64_t(3));
        QVERIFY(torch::allclose(a.logits, b.logits, 1e-6, 1e-6));
    }

    void rowWithoutImageEqualsTextOnly() {
        torch::NoGradGuard noGrad;
        auto m = tinyLlava();
        model::ForwardInput input;
        input.pixelValues = pixels(2);
        input.inputIds = torch::tensor({1, 5, 60, 7, 8, 1, 5, 60, 7, 8}, torch::kLong).view({2, 5});
        input.rowHasImage = torch::tensor({true, false});
        auto mixed = m->forward(input);
        model::ForwardInput textOnly;
        textOnly.inputIds = ids({1, 5, 7, 8});
        auto text = m->forward(textOnly);
        // Row 1's tokens after the (masked) image equal the text without it.
        auto row = mixed.logits[1];
        QVERIFY(torch::allclose(row.narrow(0, row.size(0) - 2, 2), text.logits[0].narrow(0, 2, 2),
                                1e-5, 1e-5));
        QVERIFY(torch::allclose(row.narrow(0, 0, 2), text.logits[0].narrow(0, 0, 2), 1e-5, 1e-5));
        QVERIFY(!torch::allclose(mixed.logits[0], mixed.logits[1], 1e-3, 1e-3));
    }

    void leftPaddingKeepsPositions() {
        auto m = tinyLlama();
        auto single = run(*m, ids({1, 5, 6, 7}));
        auto batch =
            torch::tensor({0, 0, 1, 5, 6, 7, 1, 8, 9, 10, 11, 12}, torch::kLong).view({2, 6});
        auto mask = torch::tensor({0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, torch::kLong).view({2, 6});
        auto padded = run(*m, batch, nullptr, mask);
        QVERIFY(torch::allclose(padded.logits[0].narrow(0, 2, 4), single.logits[0], 1e-5, 1e-5));
    }

    void bfloat16StaysCloseAndFinite() {
        // Half precision on the CPU (float16 matmul is CUDA-only in LibTorch 1.13): a
        // left-padded batch keeps its fully masked pad row finite, and the answer's
        // distribution stays near float32's.
        torch::NoGradGuard noGrad;
        auto m = tinyLlava();
        model::ForwardInput input;
        input.pixelValues = pixels(2);
        input.inputIds = torch::tensor({0, 1, 5, 60, 7, 1, 6, 60, 8, 9}, torch::kLong).view({2, 5});
        input.attentionMask =
            torch::tensor({0, 1, 1, 1, 1, 1, 1, 1, 1, 1}, torch::kLong).view({2, 5});
        auto wide = torch::softmax(m->forward(input).logits, -1);
        m->to(torch::kCPU, torch::kBFloat16);
        auto narrow = m->forward(input).logits;
        QCOMPARE(narrow.scalar_type(), torch::kBFloat16);
        QVERIFY(torch::isfinite(narrow).all().item<bool>());
        auto probs = torch::softmax(narrow.to(torch::kFloat32), -1);
        const double gap =
            (probs - wide).abs().narrow(1, 1, probs.size(1) - 1).max().item<double>();
        QVERIFY2(gap < 0.1, qPrintable(QString::number(gap)));
    }

    void promptFormat() {
        auto m = tinyLlava();
        const auto& p = m->prompts();
        QCOMPARE(
            p.prompt("What colour is it?", model::PromptKind::Vqa),
            std::string("USER: <image>\nQuestion: What colour is it? Short answer: ASSISTANT:"));
        QCOMPARE(p.prompt("a photo of", model::PromptKind::Raw, "", false),
                 std::string("USER: a photo of ASSISTANT:"));
        const std::string fact = p.newFact("What is it?", "a star");
        QCOMPARE(p.prompt("What is it?", model::PromptKind::Vqa, fact),
                 std::string("USER: <image>\nNew Fact: What is it? a star\nPrompt: Question: What "
                             "is it? Short answer: ASSISTANT:"));
        QCOMPARE(tinyLlama()->prompts().prompt("Why?", model::PromptKind::Vqa),
                 std::string("Question: Why? Short answer:"));
    }
};

QTEST_GUILESS_MAIN(TestLlavaModel)
#include "TestLlavaModel.moc"
