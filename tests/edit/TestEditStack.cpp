// Intrinsic and latent edits on a tiny random model: they really change the
// answer, stack, toggle independently, and leave no trace when removed or
// cancelled.
#include "../model/TinyConfig.h"
#include "edit/EditedModel.h"
#include "edit/IntrinsicEditor.h"
#include "model/blip2/Blip2Model.h"

#include <unike/Error.h>

#include <QtTest>

using namespace unike;

namespace {

struct Fixture {
    std::shared_ptr<model::Blip2Model> model;
    torch::Tensor prefix;

    Fixture() {
        auto config = test::tinyConfig();
        config.initializerRange = 0.2;
        model = model::Blip2Model::createRandom(config, 5);
        torch::NoGradGuard noGrad;
        torch::manual_seed(8);
        prefix = model->imagePrefix(torch::randn({1, 3, 16, 16}));
    }
};

edit::EditRequest request(const Fixture& f, std::vector<int> prompt, std::vector<int> target) {
    return {f.prefix, std::move(prompt), std::move(target), "prompt", "target"};
}

// The target the unedited model does NOT give: the least likely token.
std::vector<int> unlikelyTarget(const edit::EditedModel& m, const Fixture& f,
                                const std::vector<int>& prompt) {
    auto score = m.score(f.prefix, prompt, {5});
    (void)score;
    torch::NoGradGuard noGrad;
    auto logits = m.logits(f.prefix, prompt, {});
    return {int(logits[0][-1].argmin().item<int64_t>())};
}

double accuracy(const edit::EditedModel& m, const Fixture& f, const std::vector<int>& prompt,
                const std::vector<int>& target) {
    return m.score(f.prefix, prompt, target).tokenAccuracy;
}

} // namespace

class TestEditStack : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void intrinsicEditChangesTheAnswerAndRemovalRestoresBits() {
        Fixture f;
        edit::EditStack stack(*f.model);
        edit::EditHyperParams params;
        params.maxSteps = 200;
        edit::EditedModel edited(*f.model, stack, params);
        const std::vector<int> prompt = {2, 7, 8, 9};
        const auto target = unlikelyTarget(edited, f, prompt);
        const auto base = edited.logits(f.prefix, prompt, target);
        QCOMPARE(accuracy(edited, f, prompt, target), 0.0);

        edit::IntrinsicEditor editor(*f.model, stack, params, {true, false, false});
        auto patch = editor.train(request(f, prompt, target), Progress());
        const int id = stack.add(patch);
        QCOMPARE(accuracy(edited, f, prompt, target), 1.0);
        QVERIFY(patch->steps > 0 && patch->steps < 200);

        stack.setEnabled(id, false);
        QVERIFY(torch::equal(base, edited.logits(f.prefix, prompt, target)));
        stack.setEnabled(id, true);
        QCOMPARE(accuracy(edited, f, prompt, target), 1.0);
        stack.remove(id);
        QVERIFY(stack.empty());
        QVERIFY(torch::equal(base, edited.logits(f.prefix, prompt, target)));
    }

    void rephrasingsAreTrainedWhenAsked() {
        Fixture f;
        const std::vector<int> prompt = {2, 7, 8, 9};
        const std::vector<int> rephrasing = {2, 11, 12, 13, 14};
        auto editWith = [&](bool trainOnRephrasings) {
            edit::EditStack stack(*f.model);
            edit::EditHyperParams params;
            params.maxSteps = 200;
            params.gateNeurons = false; // T-Patcher's neurons: the gate would hide the rephrasing
            params.trainOnRephrasings = trainOnRephrasings;
            edit::EditedModel edited(*f.model, stack, params);
            const auto target = unlikelyTarget(edited, f, prompt);
            auto asked = request(f, prompt, target);
            asked.rephrasingPromptIds = {rephrasing};
            edit::IntrinsicEditor editor(*f.model, stack, params, {true, false, false});
            auto patch = editor.train(asked, Progress());
            stack.add(patch);
            return std::make_pair(accuracy(edited, f, prompt, target),
                                  edited.score(f.prefix, rephrasing, target));
        };
        const auto [promptOnly, rephrasingUntrained] = editWith(false);
        const auto [promptTrained, rephrasingTrained] = editWith(true);
        QCOMPARE(promptOnly, 1.0);
        QCOMPARE(promptTrained, 1.0);
        QCOMPARE(rephrasingTrained.tokenAccuracy, 1.0);
        QVERIFY(rephrasingTrained.logLikelihood > rephrasingUntrained.logLikelihood);
    }

    void stackedEditsToggleIndependently() {
        Fixture f;
        edit::EditStack stack(*f.model);
        edit::EditHyperParams params;
        params.maxSteps = 200;
        edit::EditedModel edited(*f.model, stack, params);
        const std::vector<std::vector<int>> prompts = {
            {2, 7, 8, 9}, {2, 20, 21, 3, 30}, {2, 40, 11, 12}};
        std::vector<std::vector<int>> targets;
        std::vector<int> ids;
        edit::IntrinsicEditor editor(*f.model, stack, params, {true, true, false});
        for (const auto& prompt : prompts) {
            targets.push_back(unlikelyTarget(edited, f, prompt));
            double last = 0;
            Progress progress([&](const ProgressEvent& e) {
                for (const auto& [k, v] : e.scalars)
                    if (k == "accuracy")
                        last = v;
            });
            auto patch = editor.train(request(f, prompt, targets.back()), progress);
            qDebug() << "steps" << patch->steps << "train accuracy" << last;
            ids.push_back(stack.add(patch));
        }
        for (size_t i = 0; i < prompts.size(); ++i)
            QCOMPARE(accuracy(edited, f, prompts[i], targets[i]), 1.0);
        stack.setEnabled(ids[1], false);
        QCOMPARE(stack.liveCount(), 2);
        QCOMPARE(accuracy(edited, f, prompts[0], targets[0]), 1.0);
        QCOMPARE(accuracy(edited, f, prompts[1], targets[1]), 0.0);
        QCOMPARE(accuracy(edited, f, prompts[2], targets[2]), 1.0);
        stack.setEnabled(ids[1], true);
        QCOMPARE(accuracy(edited, f, prompts[1], targets[1]), 1.0);
    }

    // Half-precision CUDA models take the same path; float64 on the CPU stands in for
    // any dtype other than the float32 the trained neurons are kept in.
    void editsWorkWhenTheModelIsNotFloat32() {
        Fixture f;
        f.model->to(torch::kCPU, torch::kFloat64);
        f.prefix = f.prefix.to(torch::kFloat64);
        edit::EditStack stack(*f.model);
        const int64_t width = f.model->config().text.hiddenSize;
        torch::manual_seed(3);
        stack.setZeta(torch::randn({4}, torch::kFloat64));
        edit::EditHyperParams params;
        params.maxSteps = 200;
        edit::EditedModel edited(*f.model, stack, params);
        const std::vector<int> prompt = {2, 7, 8, 9};
        const auto target = unlikelyTarget(edited, f, prompt);
        QCOMPARE(accuracy(edited, f, prompt, target), 0.0);

        edit::IntrinsicEditor editor(*f.model, stack, params, {true, true, true});
        std::map<int, torch::Tensor> memory;
        for (int layer : params.resolvedLayers(f.model->decoder().layerCount()))
            memory[layer] = torch::randn({6, width}, torch::kFloat64);
        editor.setMemory(memory);
        auto patch = editor.train(request(f, prompt, target), Progress());
        QVERIFY(patch->zetaProjection.defined());
        QCOMPARE(patch->zetaProjection.scalar_type(), torch::kFloat32);
        stack.add(patch);
        QCOMPARE(accuracy(edited, f, prompt, target), 1.0);
    }

    void cancelledEditLeavesNothing() {
        Fixture f;
        edit::EditStack stack(*f.model);
        edit::EditHyperParams params;
        edit::IntrinsicEditor editor(*f.model, stack, params, {true, false, false});
        Progress progress;
        progress.cancel();
        try {
            editor.train(request(f, {2, 7, 8}, {9}), progress);
            QFAIL("expected cancellation");
        } catch (const unike::Error& e) {
            QVERIFY(e.isCancellation());
        }
        QVERIFY(stack.empty());
    }

    void hyperParametersValidateAndOverride() {
        edit::EditHyperParams params;
        params.set("neurons_per_edit", "4");
        params.set("layers", "[1,2]");
        params.set("alpha_mode", "fixed");
        QCOMPARE(params.neuronsPerEdit, 4);
        QCOMPARE(params.resolvedLayers(3), (std::vector<int>{1, 2}));
        QCOMPARE(params.alphaMode, edit::AlphaMode::Fixed);
        QVERIFY_THROWS_EXCEPTION(unike::Error, params.set("nonsense", "1"));
        QVERIFY_THROWS_EXCEPTION(unike::Error, params.set("neurons_per_edit", "\"many\""));
        params.layers = {7};
        QVERIFY_THROWS_EXCEPTION(unike::Error, params.validate(3));
        edit::EditHyperParams copy;
        copy.applyJson(edit::EditHyperParams().toJson(), "defaults");
        QCOMPARE(copy.toJson(), edit::EditHyperParams().toJson());
    }
};

QTEST_GUILESS_MAIN(TestEditStack)
#include "TestEditStack.moc"
