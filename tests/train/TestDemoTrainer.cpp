// The demo trainer on a toy task: a few steps lower the loss, and a short run
// learns to name a solid colour, so the whole path (batches, masks, aux head,
// optimiser) really trains, for BLIP-2 and for LLaVA with its chat prompts.
#include "../model/TinyConfig.h"
#include "model/blip2/Blip2Model.h"
#include "model/llava/LlavaModel.h"
#include "model/llava/LlavaPromptFormat.h"
#include "text/BpeTrainer.h"
#include "text/LlamaTokenizer.h"
#include "text/LlamaTokenizerFromByteLevel.h"
#include "train/AuxHeads.h"
#include "train/BatchPrefetcher.h"
#include "train/DemoTrainer.h"
#include "train/ObjectAttentionLoss.h"

#include <QTemporaryDir>
#include <QtTest>

#include <numeric>
#include <optional>
#include <random>

using namespace unike;

namespace {

const std::vector<std::pair<std::string, std::array<uint8_t, 3>>> kColours = {
    {"red", {220, 30, 30}},
    {"green", {30, 200, 40}},
    {"blue", {30, 40, 220}},
    {"yellow", {230, 220, 30}}};

// Prompts in BLIP-2's plain format, or a chat family's (`format`).
class ColourSource : public train::SampleSource {
public:
    explicit ColourSource(uint64_t seed, const model::PromptFormat* format = nullptr)
        : rng_(seed)
        , format_(format ? format : &plain_) {}

    train::TrainingSample next() override {
        train::TrainingSample sample;
        const int colour = int(rng_() % kColours.size());
        if (rng_() % 4 == 0) { // a text-only fact, as the world's text QA
            sample.prompt = format_->prompt("nq question: what is the colour of " +
                                                std::to_string(colour) + "?",
                                            model::PromptKind::Raw, "", false);
            sample.answer = kColours[size_t(colour)].first;
            sample.group = "text";
            return sample;
        }
        sample.hasImage = true;
        sample.image = vision::RgbImage(16, 16);
        for (size_t i = 0; i < sample.image.pixels.size(); ++i)
            sample.image.pixels[i] = kColours[size_t(colour)].second[i % 3];
        sample.prompt = format_->prompt("what colour is it?", model::PromptKind::Vqa);
        sample.answer = kColours[size_t(colour)].first;
        sample.auxLabels = {colour};
        sample.group = "vqa";
        return sample;
    }
    std::vector<int> auxLabelSizes() const override { return {int(kColours.size())}; }

private:
    std::mt19937_64 rng_;
    model::PlainPromptFormat plain_;
    const model::PromptFormat* format_;
};

text::BpeTokenizer toyTokenizer() {
    text::BpeTrainer trainer({320, 1});
    ColourSource source(1);
    for (int i = 0; i < 200; ++i) {
        auto s = source.next();
        trainer.feed(s.prompt + " " + s.answer);
    }
    return trainer.train();
}

// A LLaVA as small as tinyConfig's BLIP-2, on 16 px images (four visual tokens).
io::LlavaConfig tinyLlavaConfig(int64_t vocabSize, int64_t imageToken, int64_t padToken) {
    io::LlavaConfig c;
    c.vision.hiddenSize = 32;
    c.vision.intermediateSize = 64;
    c.vision.numHiddenLayers = 2;
    c.vision.numAttentionHeads = 4;
    c.vision.imageSize = 16;
    c.vision.patchSize = 8;
    c.visionFeatureLayers = {-1};
    c.text.vocabSize = vocabSize;
    c.text.hiddenSize = 40;
    c.text.intermediateSize = 56;
    c.text.numHiddenLayers = 3;
    c.text.numAttentionHeads = 4;
    c.text.numKeyValueHeads = 2;
    c.text.headDim = 10;
    c.text.padTokenId = c.padTokenId = padToken;
    c.imageTokenIndex = imageToken;
    c.imageSeqLength = c.visualTokenCount();
    return c;
}

} // namespace

class TestDemoTrainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainingLowersTheLossAndLearns() {
        const text::BpeTokenizer tokenizer = toyTokenizer();
        auto config = test::tinyConfig();
        config.text.vocabSize = int64_t(tokenizer.vocabSize());
        auto model = model::Blip2Model::createRandom(config, 3);
        ColourSource source(7);
        std::vector<train::TrainingSample> heldOut;
        ColourSource heldOutSource(99);
        for (int i = 0; i < 64; ++i)
            heldOut.push_back(heldOutSource.next());

        train::DemoTrainer::Options options;
        options.maxSteps = 150;
        options.minutes = 5;
        options.batchSize = 16;
        options.warmupSteps = 10;
        options.imageFirstMinutes = 0;
        options.logEvery = 10;
        train::DemoTrainer trainer(*model, tokenizer, source, options);
        const auto before = trainer.evaluate(heldOut);
        std::vector<double> losses;
        Progress progress([&](const ProgressEvent& e) {
            for (const auto& [name, value] : e.scalars)
                if (name == "loss")
                    losses.push_back(value);
        });
        const train::TrainerLog log = trainer.run(progress, heldOut);
        QCOMPARE(log.steps, int64_t(150));
        QVERIFY(losses.size() >= 10);
        QVERIFY2(losses.back() < 0.5 * losses.front(),
                 qPrintable(QString("loss %1 -> %2").arg(losses.front()).arg(losses.back())));
        QVERIFY2(log.heldOutAccuracy.at("vqa") >= 90.0,
                 qPrintable(QString::number(log.heldOutAccuracy.at("vqa"))));
        QVERIFY(before.at("vqa") < 50.0);
        QVERIFY(!model->parameters().tensors().front().requires_grad());
    }

    void visionWarmupLeavesTheDecoderAlone() {
        const text::BpeTokenizer tokenizer = toyTokenizer();
        auto config = test::tinyConfig();
        config.text.vocabSize = int64_t(tokenizer.vocabSize());
        auto model = model::Blip2Model::createRandom(config, 3);
        const auto& all = model->parameters().all();
        std::map<std::string, torch::Tensor> before;
        for (const auto& [name, tensor] : all)
            before[name] = tensor.clone();
        ColourSource source(7);
        train::DemoTrainer::Options options;
        options.minutes = 0.02; // all of it the warm-up: no full step
        options.visionWarmupMinutes = 0.02;
        options.batchSize = options.visionWarmupBatchSize = 8;
        train::DemoTrainer trainer(*model, tokenizer, source, options);
        const train::TrainerLog log = trainer.run(Progress(), {});
        QVERIFY(log.visionWarmupSteps > 0);
        QCOMPARE(log.steps, int64_t(0));
        for (const auto& [name, tensor] : all) {
            const bool same = torch::equal(tensor, before.at(name));
            if (name.rfind("language_model.", 0) == 0)
                QVERIFY2(same, name.c_str());
            else if (name.rfind("vision_model.encoder.layers.0.mlp.fc1.weight", 0) == 0)
                QVERIFY2(!same, name.c_str());
        }
    }

    void objectQueriesReadEachObjectFromItsOwnTokens() {
        // Two objects over four prefix tokens: object 1's slot reads tokens 2-3 only.
        const std::vector<std::string> names = {"object0_size", "object1_size"};
        train::TrainingBatch batch;
        batch.auxLabels = torch::tensor({{-1, 2}}, torch::kLong);
        batch.rowHasImage = torch::ones({1}, torch::kBool);
        auto gradientOf = [&](bool objectQueries, bool objectTokens = false) {
            torch::manual_seed(5);
            const train::AuxHeads heads({3, 3}, names, 8, objectQueries, objectTokens);
            auto prefix = torch::randn({1, 4, 8}).requires_grad_(true);
            heads.loss(prefix, batch).backward();
            return prefix.grad().squeeze(0);
        };
        const auto pooled = gradientOf(false);
        QVERIFY(torch::allclose(pooled[0], pooled[3])); // the mean: every token alike
        const auto grouped = gradientOf(true);
        QCOMPARE(grouped.narrow(0, 0, 2).abs().max().item<float>(), 0.0f);
        QVERIFY(grouped.narrow(0, 2, 2).abs().min().item<float>() > 0.0f);
        QVERIFY(torch::allclose(grouped[2], grouped[3]));
        // With object tokens each token of the group is classified on its own, so each
        // gets its own gradient; the group's mean would give them all the same one.
        const auto tokens = gradientOf(true, true);
        QCOMPARE(tokens.narrow(0, 0, 2).abs().max().item<float>(), 0.0f);
        QVERIFY(tokens.narrow(0, 2, 2).abs().min().item<float>() > 0.0f);
        QVERIFY(!torch::allclose(tokens[2], tokens[3]));
    }

    void objectWordsClassifyThroughTheWordEmbeddings() {
        // Slot 0's classes are the words with token ids 4, 1, 6: its logits are the prefix's
        // dot products with those embedding rows; slot 1 keeps a linear head of its own.
        const std::vector<std::string> names = {"object0_size", "object0_colour"};
        train::TrainingBatch batch;
        batch.auxLabels = torch::tensor({{2, 0}}, torch::kLong);
        batch.rowHasImage = torch::ones({1}, torch::kBool);
        torch::manual_seed(5);
        train::AuxHeads heads({3, 2}, names, 8, true, true);
        heads.tieToWords({{4, 1, 6}, {}});
        auto embeddings = torch::randn({9, 8}).requires_grad_(true);
        heads.setWordEmbeddings(embeddings);
        auto prefix = torch::randn({1, 2, 8});
        // The labelled class is word 6: making the prefix equal its embedding makes it the
        // argmax, which a separate random head would not guarantee.
        prefix.copy_(embeddings.detach()[6].expand({1, 2, 8}) * 10.0);
        QCOMPARE(heads.slotAccuracy(prefix, batch, "object0_size"), 100.0);
        heads.loss(torch::randn({1, 2, 8}), batch).backward();
        const auto grad = embeddings.grad().abs().sum(1);
        for (int64_t row : {1, 4, 6})
            QVERIFY2(grad[row].item<float>() > 0.0f, std::to_string(row).c_str());
        for (int64_t row : {0, 2, 3, 5, 7, 8})
            QCOMPARE(grad[row].item<float>(), 0.0f);
        // Detached embeddings (the vision warm-up) are read but not trained.
        auto fixed = torch::randn({9, 8}).requires_grad_(true);
        heads.setWordEmbeddings(fixed.detach());
        auto trainablePrefix = torch::randn({1, 2, 8}).requires_grad_(true);
        heads.loss(trainablePrefix, batch).backward();
        QVERIFY(!fixed.grad().defined());
        QVERIFY(trainablePrefix.grad().abs().sum().item<float>() > 0.0f);
    }

    void objectAttentionPullsOneHeadTowardsTheAskedObject() {
        // Two layers, two heads, a prefix of six image tokens in three groups of two, three
        // text tokens. Row 0 asks about object 1 with a two-token prompt, so the answer is
        // predicted at position 6 + 2 - 1 = 7; row 1 asks about nothing.
        const int64_t prefix = 6, length = 9;
        train::ObjectAttentionTargets targets{prefix, 3, torch::tensor({1, -1}, torch::kLong),
                                              torch::tensor({2, 3}, torch::kLong)};
        auto scoresOn = [&](int64_t from) { // head 0 of row 0, at position 7, on tokens [from, +2)
            auto scores = torch::zeros({2, 2, length, length});
            scores.index_put_({0, 0, 7, torch::indexing::Slice(from, from + 2)}, 12.0);
            return scores.requires_grad_(true);
        };
        for (const int64_t from : {int64_t(2), int64_t(0)}) {
            auto scores0 = scoresOn(from), scores1 = scoresOn(from);
            const std::vector<torch::Tensor> attentions = {scores0.softmax(-1),
                                                           scores1.softmax(-1)};
            auto loss = train::objectAttentionLoss(attentions, targets);
            const double share = train::objectAttentionShare(attentions, targets);
            if (from == 2) { // on object 1's tokens: near 0 loss, nearly all attention there
                QVERIFY2(loss.item<double>() < 0.01, std::to_string(loss.item<double>()).c_str());
                QVERIFY(share > 0.99);
            } else { // on object 0's: a large loss, none of it right
                QVERIFY2(loss.item<double>() > 5.0, std::to_string(loss.item<double>()).c_str());
                QVERIFY(share < 0.01);
            }
            loss.backward();
            // Layer 0 (which cannot know the question yet at the answer's position), head 1,
            // row 1 and other positions get no gradient; layer 1's head 0 at position 7 does.
            QVERIFY(!scores0.grad().defined() || scores0.grad().abs().sum().item<float>() == 0.0f);
            const auto grad = scores1.grad();
            QVERIFY(grad.index({0, 0, 7}).abs().sum().item<float>() > 0.0f);
            QCOMPARE(grad.index({0, 1}).abs().sum().item<float>(), 0.0f);
            QCOMPARE(grad.index({1}).abs().sum().item<float>(), 0.0f);
            QCOMPARE(grad.index({0, 0, 6}).abs().sum().item<float>(), 0.0f);
        }
        // A head that reads only text gets no way out: it is far from the asked object.
        auto textOnly = torch::zeros({2, 2, length, length});
        textOnly.index_put_({0, 0, 7, torch::indexing::Slice(6, 8)}, 12.0);
        const std::vector<torch::Tensor> readingText = {textOnly.softmax(-1), textOnly.softmax(-1)};
        QVERIFY(train::objectAttentionLoss(readingText, targets).item<double>() > 5.0);
        // No row with a subject: nothing to learn, and no share to report.
        targets.subjectObject = torch::tensor({-1, -1}, torch::kLong);
        const std::vector<torch::Tensor> plain = {torch::full({2, 2, length, length}, 1.0 / 9),
                                                  torch::full({2, 2, length, length}, 1.0 / 9)};
        QCOMPARE(train::objectAttentionLoss(plain, targets).item<double>(), 0.0);
        QCOMPARE(train::objectAttentionShare(plain, targets), -1.0);
    }

    void objectRegionsAreTheObjectsShareOfEachPatch() {
        // A square over the top-left quarter of a 4 x 4 grid covers four patches equally.
        const std::vector<float> quarter = train::objectRegion({0.25, 0.25, 0.5}, 4);
        for (int patch : {0, 1, 4, 5})
            QCOMPARE(quarter[size_t(patch)], 0.25f);
        QCOMPARE(std::accumulate(quarter.begin(), quarter.end(), 0.0f), 1.0f);
        // Half a patch on each side of a patch border: equal weights on the two.
        const std::vector<float> border = train::objectRegion({0.5, 0.125, 0.25}, 4);
        QCOMPARE(border[1], border[2]);
        QVERIFY(border[1] > 0.3f && border[5] == 0.0f);
        // An empty area reads nothing.
        const std::vector<float> none = train::objectRegion({0.5, 0.5, 0.0}, 4);
        QCOMPARE(std::accumulate(none.begin(), none.end(), 0.0f), 0.0f);
    }

    void objectRegionsReadOnlyTheObjectsPatches() {
        // Object 1 covers patches 2 and 3 of four; its slot's gradient reaches only them.
        const std::vector<std::string> names = {"object0_size", "object1_size"};
        train::TrainingBatch batch;
        batch.auxLabels = torch::tensor({{-1, 2}}, torch::kLong);
        batch.rowHasImage = torch::ones({1}, torch::kBool);
        batch.objectRegions =
            torch::tensor({0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.5f, 0.5f}).view({1, 2, 4});
        const train::AuxHeads heads({3, 3}, names, 8, train::AuxHeads::ObjectReading::Regions);
        QCOMPARE(heads.objectGroups(), 2);
        auto prefix = torch::randn({1, 4, 8}).requires_grad_(true);
        heads.loss(prefix, batch).backward();
        const auto grad = prefix.grad().squeeze(0);
        QCOMPARE(grad.narrow(0, 0, 2).abs().max().item<float>(), 0.0f);
        QVERIFY(grad.narrow(0, 2, 2).abs().min().item<float>() > 0.0f);
    }

    void objectAttentionFindsTheAskedObjectsPatches() {
        // LLaVA: four patch tokens at positions 2..5 (after "<s> USER"), expanded from one
        // <image>, so text after it is 3 positions later; row 0 asks about object 1 (patches
        // 1 and 3) with a five-token prompt: the answer is predicted at 5 + 3 - 1 = 7.
        const int64_t length = 10;
        train::ObjectAttentionTargets targets{3, 2, torch::tensor({1}, torch::kLong),
                                              torch::tensor({5}, torch::kLong)};
        targets.objectRegions =
            torch::tensor({1.f, 0.f, 0.f, 0.f, 0.f, 0.5f, 0.f, 0.5f}).view({1, 2, 4});
        targets.visualStart = 2;
        auto attentionOn = [&](std::vector<int64_t> positions) {
            auto scores = torch::zeros({1, 1, length, length});
            for (int64_t p : positions)
                scores.index_put_({0, 0, 7, p}, 12.0);
            return std::vector<torch::Tensor>{scores.softmax(-1), scores.softmax(-1)};
        };
        QVERIFY(train::objectAttentionShare(attentionOn({3, 5}), targets) > 0.99);
        QVERIFY(train::objectAttentionLoss(attentionOn({3, 5}), targets).item<double>() < 0.01);
        // Object 0's patch, or the text, is wrong.
        QVERIFY(train::objectAttentionShare(attentionOn({2}), targets) < 0.01);
        QVERIFY(train::objectAttentionLoss(attentionOn({6, 7}), targets).item<double>() > 5.0);
    }

    void batchesCarryTheSubjectAndThePromptLength() {
        const text::BpeTokenizer tokenizer = toyTokenizer();
        vision::ImageProcessorConfig processing;
        processing.height = processing.width = 16;
        const vision::ImagePreprocessor preprocessor(processing);
        ColourSource source(7);
        std::vector<train::TrainingSample> samples = {source.next(), source.next()};
        samples[0].subjectObject = 2;
        const train::TrainingBatch batch =
            train::buildBatch(samples, tokenizer, preprocessor, 16, 1);
        QCOMPARE(batch.subjectObject[0].item<int64_t>(), int64_t(2));
        QCOMPARE(batch.subjectObject[1].item<int64_t>(), int64_t(-1));
        for (int64_t row = 0; row < 2; ++row) {
            const int64_t prompt =
                int64_t(tokenizer.encode(samples[size_t(row)].prompt, true).size());
            QCOMPARE(batch.promptLength[row].item<int64_t>(), prompt);
            // The first labelled token is the answer's, right after the prompt.
            QCOMPARE(batch.labels[row][prompt - 1].item<int64_t>(), int64_t(-100));
            QVERIFY(batch.labels[row][prompt].item<int64_t>() != -100);
        }
    }

    void prefetchedBatchesMatchOnDemandOnes() {
        // The second thread draws the same samples in the same order as the caller would.
        const text::BpeTokenizer tokenizer = toyTokenizer();
        vision::ImageProcessorConfig processing;
        processing.height = processing.width = 16;
        const vision::ImagePreprocessor preprocessor(processing);
        ColourSource onDemandSource(7), prefetchedSource(7);
        train::BatchPrefetcher onDemand(onDemandSource, tokenizer, preprocessor, 16, 1, false);
        train::BatchPrefetcher prefetched(prefetchedSource, tokenizer, preprocessor, 16, 1, true);
        std::optional<train::BatchRequest> previous;
        for (const bool imagesOnly : {true, true, false, false, true}) {
            const train::BatchRequest request{8, imagesOnly, 0.0};
            // The prefetcher's batch was started by the previous call, with its request.
            const train::BatchRequest& built = previous ? *previous : request;
            const train::TrainingBatch expected = onDemand.take(built);
            const train::TrainingBatch got = prefetched.take(request);
            previous = request;
            QCOMPARE(got.inputIds.size(0), int64_t(8));
            QVERIFY(torch::equal(got.inputIds, expected.inputIds));
            QVERIFY(torch::equal(got.pixelValues, expected.pixelValues));
            QVERIFY(torch::equal(got.labels, expected.labels));
            if (built.imagesOnly)
                QVERIFY(got.rowHasImage.all().item<bool>());
        }
    }

    void aLlavaLearnsThroughItsChatPromptsAndLlamaTokenizer() {
        const model::LlavaPromptFormat chat;
        QTemporaryDir dir;
        text::BpeTrainer bpe({320, 1});
        ColourSource corpus(1, &chat);
        for (int i = 0; i < 200; ++i) {
            auto s = corpus.next();
            bpe.feed(s.prompt + " " + s.answer);
        }
        text::writeLlamaTokenizerFromByteLevel(bpe.train(), {"<image>", "<pad>"},
                                               dir.path().toStdString(), "<pad>");
        const auto tokenizer = text::LlamaTokenizer::fromDirectory(dir.path().toStdString());
        const int image = tokenizer.tokenToId("<image>");
        auto model = model::LlavaModel::createRandom(
            tinyLlavaConfig(int64_t(tokenizer.vocabSize()), image, tokenizer.padId()), 3);
        ColourSource source(7, &chat);
        std::vector<train::TrainingSample> heldOut;
        ColourSource heldOutSource(99, &chat);
        for (int i = 0; i < 64; ++i)
            heldOut.push_back(heldOutSource.next());
        QVERIFY(heldOut.front().prompt.find("ASSISTANT:") != std::string::npos);

        train::DemoTrainer::Options options;
        options.maxSteps = 150;
        options.minutes = 5;
        options.batchSize = 16;
        options.warmupSteps = 10;
        options.imageFirstMinutes = 0;
        train::DemoTrainer trainer(*model, tokenizer, source, options);
        QVERIFY(trainer.evaluate(heldOut).at("vqa") < 50.0);
        const train::TrainerLog log = trainer.run(Progress(), heldOut);
        QCOMPARE(log.steps, int64_t(150));
        // Seeing the colour needs the visual tokens in place of the one <image>.
        QVERIFY2(log.heldOutAccuracy.at("vqa") >= 90.0,
                 qPrintable(QString::number(log.heldOutAccuracy.at("vqa"))));
        // A chunk of text-only rows has nothing in front of its text.
        std::vector<train::TrainingSample> textOnly;
        for (const auto& sample : heldOut)
            if (!sample.hasImage)
                textOnly.push_back(sample);
        QVERIFY(!textOnly.empty());
        const auto textAccuracy = trainer.evaluate(textOnly);
        QCOMPARE(textAccuracy.size(), size_t(1));
        QCOMPARE(textAccuracy.at("text"), log.heldOutAccuracy.at("text"));
    }

    void cancelStopsTraining() {
        const text::BpeTokenizer tokenizer = toyTokenizer();
        auto config = test::tinyConfig();
        config.text.vocabSize = int64_t(tokenizer.vocabSize());
        auto model = model::Blip2Model::createRandom(config, 3);
        ColourSource source(7);
        train::DemoTrainer::Options options;
        options.maxSteps = 1000;
        options.batchSize = 4;
        train::DemoTrainer trainer(*model, tokenizer, source, options);
        Progress progress;
        progress.cancel();
        QCOMPARE(trainer.run(progress, {}).steps, int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDemoTrainer)
#include "TestDemoTrainer.moc"
