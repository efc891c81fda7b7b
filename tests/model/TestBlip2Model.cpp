// The BLIP-2 (OPT) forward pass on tiny random configurations: shapes, the image
// prefix, positions under padding, and the editing hook points.
#include "TinyConfig.h"
#include "model/blip2/Blip2Model.h"

#include <unike/Error.h>

#include <QtTest>

using namespace unike;

namespace {

std::shared_ptr<model::Blip2Model> tinyModel(bool project = false, bool preNorm = true) {
    auto config = test::tinyConfig(project, preNorm);
    config.initializerRange = 0.2; // peaked distributions make argmax tests meaningful
    return model::Blip2Model::createRandom(config, 7);
}

torch::Tensor pixels(int64_t batch) {
    torch::manual_seed(3);
    return torch::randn({batch, 3, 16, 16});
}

class AddFfnDelta : public model::DecoderLayerHook {
public:
    torch::Tensor ffnDelta(const torch::Tensor& ffnInput, const model::LayerHookContext&) override {
        seenShape = ffnInput.sizes().vec();
        return torch::ones_like(ffnInput) * 0.5;
    }
    std::vector<int64_t> seenShape;
};

class SilentHook : public model::DecoderLayerHook {};

class KnowledgeHook : public model::DecoderLayerHook {
public:
    explicit KnowledgeHook(double alpha)
        : alpha_(alpha) {}
    torch::Tensor knowledgeStates(const model::LayerHookContext& context) override {
        return torch::randn({3, context.layerInput.size(2)});
    }
    torch::Tensor knowledgeWeight(const torch::Tensor& in, const torch::Tensor& know,
                                  const model::LayerHookContext&) override {
        shapesMatched = in.sizes() == know.sizes();
        return torch::full({in.size(0), 1, 1}, alpha_);
    }

    bool shapesMatched = false;

private:
    double alpha_;
};

} // namespace

class TestBlip2Model : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forwardShapes() {
        torch::NoGradGuard noGrad;
        for (bool project : {false, true}) {
            for (bool preNorm : {true, false}) {
                auto model = tinyModel(project, preNorm);
                model::ForwardInput input;
                input.pixelValues = pixels(2);
                input.inputIds =
                    torch::tensor({2, 5, 6, 7, 2, 8, 9, 10}, torch::kLong).view({2, 4});
                model::ForwardOptions options;
                options.captureHidden = true;
                options.captureFfnInputs = true;
                auto out = model->forward(input, options);
                QCOMPARE(out.prefixLength, int64_t(4));
                QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{2, 8, 50}));
                QCOMPARE(out.hiddenStates.size(), size_t(3));
                QCOMPARE(out.hiddenStates[0].sizes().vec(), (std::vector<int64_t>{2, 8, 40}));
                QCOMPARE(out.ffnInputs[2].sizes().vec(), (std::vector<int64_t>{2, 8, 40}));
                QVERIFY(torch::isfinite(out.logits).all().item<bool>());
            }
        }
    }

    void imageChangesTheAnswerButTextOnlyWorks() {
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput input;
        input.inputIds = torch::tensor({2, 5, 6}, torch::kLong).view({1, 3});
        auto textOnly = model->forward(input);
        QCOMPARE(textOnly.prefixLength, int64_t(0));
        QCOMPARE(textOnly.logits.size(1), int64_t(3));
        input.pixelValues = pixels(1);
        auto withImage = model->forward(input);
        auto other = input;
        other.pixelValues = -input.pixelValues;
        auto withOtherImage = model->forward(other);
        QVERIFY(
            !torch::allclose(withImage.logits.select(1, 6), withOtherImage.logits.select(1, 6)));
    }

    void precomputedPrefixEqualsPixels() {
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput input;
        input.pixelValues = pixels(1);
        input.inputIds = torch::tensor({2, 5, 6}, torch::kLong).view({1, 3});
        auto a = model->forward(input);
        model::ForwardInput b = input;
        b.pixelValues = torch::Tensor();
        b.imagePrefix = model->imagePrefix(input.pixelValues);
        QVERIFY(torch::equal(a.logits, model->forward(b).logits));
    }

    void leftPaddingKeepsPositions() {
        // With left padding, positions restart after the pads, so the real tokens'
        // logits equal those of the unpadded sequence.
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput single;
        single.inputIds = torch::tensor({2, 5, 6, 7}, torch::kLong).view({1, 4});
        auto reference = model->forward(single).logits;
        model::ForwardInput padded;
        padded.inputIds = torch::tensor({1, 1, 2, 5, 6, 7}, torch::kLong).view({1, 6});
        padded.attentionMask = torch::tensor({0, 0, 1, 1, 1, 1}, torch::kLong).view({1, 6});
        auto logits = model->forward(padded).logits;
        QVERIFY(torch::allclose(logits.narrow(1, 2, 4), reference, 1e-4, 1e-5));
    }

    void silentHooksLeaveOutputsBitwiseEqual() {
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput input;
        input.pixelValues = pixels(1);
        input.inputIds = torch::tensor({2, 5, 6, 9}, torch::kLong).view({1, 4});
        auto plain = model->forward(input).logits;
        SilentHook silent;
        model::DecoderHooks hooks;
        for (int layer = 0; layer < 3; ++layer)
            hooks.attach(layer, &silent);
        model::ForwardOptions options;
        options.hooks = &hooks;
        QVERIFY(torch::equal(plain, model->forward(input, options).logits));
        KnowledgeHook zeroAlpha(0.0);
        model::DecoderHooks knowledge;
        knowledge.attach(2, &zeroAlpha);
        options.hooks = &knowledge;
        QVERIFY(torch::allclose(plain, model->forward(input, options).logits, 1e-5, 1e-6));
    }

    void hooksChangeOutputs() {
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput input;
        input.inputIds = torch::tensor({2, 5, 6, 9}, torch::kLong).view({1, 4});
        auto plain = model->forward(input).logits;
        AddFfnDelta delta;
        model::DecoderHooks hooks;
        hooks.attach(1, &delta);
        model::ForwardOptions options;
        options.hooks = &hooks;
        auto edited = model->forward(input, options).logits;
        QVERIFY(!torch::allclose(plain, edited));
        QCOMPARE(delta.seenShape, (std::vector<int64_t>{1, 4, 40}));
        KnowledgeHook fullAlpha(1.0);
        model::DecoderHooks knowledge;
        knowledge.attach(1, &fullAlpha);
        options.hooks = &knowledge;
        QVERIFY(!torch::allclose(plain, model->forward(input, options).logits));
        QVERIFY(fullAlpha.shapesMatched);
    }

    void badInputsAreRefused() {
        torch::NoGradGuard noGrad;
        auto model = tinyModel();
        model::ForwardInput input;
        input.inputIds = torch::tensor({2, 500}, torch::kLong).view({1, 2});
        QVERIFY_THROWS_EXCEPTION(unike::Error, model->forward(input));
        input.inputIds = torch::tensor({2, 5}, torch::kLong).view({1, 2});
        input.pixelValues = torch::zeros({1, 3, 8, 8});
        QVERIFY_THROWS_EXCEPTION(unike::Error, model->forward(input));
        input.pixelValues = torch::Tensor();
        input.inputIds = torch::ones({1, 70}, torch::kLong);
        QVERIFY_THROWS_EXCEPTION(unike::Error, model->forward(input)); // past 64 positions
    }
};

QTEST_GUILESS_MAIN(TestBlip2Model)
#include "TestBlip2Model.moc"
