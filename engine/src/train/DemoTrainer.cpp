#include "train/DemoTrainer.h"

#include "train/AuxHeads.h"
#include "train/BatchPrefetcher.h"
#include "train/ObjectAttentionLoss.h"
#include "train/TrainingBatch.h"

#include <unike/Error.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace unike::train {
namespace {

using Clock = std::chrono::steady_clock;

// Where the visual tokens start in the sequence: at the image token (LLaVA; every image row of
// the trainer's prompts has it at the same place), else at 0 (BLIP-2's prefix).
int64_t visualStartOf(const torch::Tensor& inputIds, int64_t imageTokenId) {
    if (imageTokenId < 0)
        return 0;
    const auto at = inputIds.eq(imageTokenId).nonzero();
    return at.size(0) > 0 ? at[0][1].item<int64_t>() : 0;
}

// BLIP-2's ViT and LLaVA's CLIP, by their checkpoint names.
bool isVisionTower(const std::string& name) {
    return name.rfind("vision_model.", 0) == 0 || name.rfind("vision_tower.", 0) == 0;
}

// Cross-entropy of the next-token predictions on labelled text positions.
torch::Tensor languageLoss(const torch::Tensor& logits, int64_t prefix,
                           const torch::Tensor& labels) {
    const int64_t length = labels.size(1);
    // Text token i is predicted at sequence position prefix + i - 1.
    auto predicting =
        logits.narrow(1, prefix - 1 + (prefix == 0 ? 1 : 0), length - (prefix == 0 ? 1 : 0));
    auto targets = prefix == 0 ? labels.narrow(1, 1, length - 1) : labels;
    return torch::nn::functional::cross_entropy(
        predicting.reshape({-1, predicting.size(-1)}), targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

// Both phases' schedule: a linear warm-up over the first steps, then cosine decay
// from `peak` over the phase's time (`fraction` 0..1). Parameter group g gets the rate
// times groupScales[g] (1 where absent). Returns the unscaled rate.
double scheduleLearningRate(torch::optim::Optimizer& optimizer, double peak, double fraction,
                            int64_t step, int warmupSteps,
                            const std::vector<double>& groupScales = {}) {
    double lr = peak * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, fraction)));
    if (step < warmupSteps)
        lr *= double(step + 1) / warmupSteps;
    auto& groups = optimizer.param_groups();
    for (size_t g = 0; g < groups.size(); ++g)
        static_cast<torch::optim::AdamWOptions&>(groups[g].options())
            .lr(lr * (g < groupScales.size() ? groupScales[g] : 1.0));
    return lr;
}

} // namespace

DemoTrainer::DemoTrainer(model::MultimodalModel& model, const text::TextTokenizer& tokenizer,
                         SampleSource& train, TrainerOptions options)
    : model_(model)
    , tokenizer_(tokenizer)
    , train_(train)
    , options_(options)
    , imageSize_(int(model.imageSize())) {
    if (imageSize_ <= 0)
        throw Error(ErrorKind::InvalidInput, "the demo trainer needs a model with a vision tower");
    vision::ImageProcessorConfig config;
    config.height = config.width = imageSize_;
    preprocessor_ = vision::ImagePreprocessor(config);
}

std::map<std::string, double>
DemoTrainer::evaluate(const std::vector<TrainingSample>& samples) const {
    torch::NoGradGuard noGrad;
    std::map<std::string, std::pair<int, int>> counts;
    const size_t chunk = 64;
    for (size_t start = 0; start < samples.size(); start += chunk) {
        std::vector<TrainingSample> part(samples.begin() + long(start),
                                         samples.begin() +
                                             long(std::min(samples.size(), start + chunk)));
        TrainingBatch batch = buildBatch(part, tokenizer_, preprocessor_, imageSize_, 0);
        model::ForwardInput input;
        input.pixelValues = batch.pixelValues;
        input.rowHasImage = batch.rowHasImage;
        input.inputIds = batch.inputIds;
        input.attentionMask = batch.attentionMask;
        auto result = model_.forward(input);
        const int64_t prefix = result.prefixLength;
        // Text token i is predicted at position prefix + i - 1. With nothing in front of the
        // text (a LLaVA chunk of text-only rows) token 0, the unlabelled BOS, has no prediction.
        const int64_t first = prefix == 0 ? 1 : 0;
        const int64_t length = batch.labels.size(1) - first;
        const auto labels = batch.labels.narrow(1, first, length);
        auto predicted = result.logits.narrow(1, prefix - 1 + first, length).argmax(-1);
        auto wrong = (predicted.ne(labels) & labels.ne(-100)).sum(1);
        for (size_t i = 0; i < part.size(); ++i) {
            auto& c = counts[part[i].group];
            c.first += wrong[int64_t(i)].item<int64_t>() == 0;
            c.second += 1;
        }
    }
    std::map<std::string, double> accuracy;
    for (const auto& [group, c] : counts)
        accuracy[group] = 100.0 * c.first / std::max(1, c.second);
    return accuracy;
}

int64_t DemoTrainer::prefixWidth() const {
    torch::NoGradGuard noGrad;
    const auto pixels = torch::zeros({1, 3, imageSize_, imageSize_},
                                     torch::TensorOptions(model_.dtype()).device(model_.device()));
    return model_.imagePrefix(pixels).size(-1);
}

RegionGrid DemoTrainer::regionGrid(int objects) const {
    if (!options_.objectRegions)
        return {};
    const int64_t tokens = model_.visualTokenCount();
    const int side = int(std::lround(std::sqrt(double(tokens))));
    if (model_.imageTokenId() < 0 || int64_t(side) * side != tokens)
        throw Error(ErrorKind::InvalidInput,
                    "object regions need visual tokens that are the image's patches (LLaVA's "
                    "default feature selection), not " +
                        std::to_string(tokens) + " tokens of a " + model_.architecture());
    return {side, objects};
}

std::vector<torch::Tensor> DemoTrainer::visionParameters() const {
    std::vector<torch::Tensor> out;
    for (const auto& [name, tensor] : model_.parameters().all())
        if (name.rfind("language_model.", 0) != 0)
            out.push_back(tensor);
    return out;
}

torch::Tensor DemoTrainer::objectWordEmbeddings(AuxHeads& heads) const {
    if (!options_.objectWords || !options_.objectQueries)
        return {};
    // OPT's and LLaMA's names for the word embeddings.
    std::string name = "language_model.model.decoder.embed_tokens.weight";
    if (!model_.parameters().contains(name))
        name = "language_model.model.embed_tokens.weight";
    const torch::Tensor& embeddings = model_.parameters().get(name);
    if (embeddings.size(1) != prefixWidth())
        throw Error(ErrorKind::InvalidInput, "object words need word embeddings as wide as the "
                                             "image prefix");
    // A slot is tied only when every class is one token, as the demo tokenizer makes answers.
    std::vector<std::vector<int64_t>> ids;
    for (const auto& words : train_.auxLabelWords()) {
        std::vector<int64_t> slot;
        for (const std::string& word : words) {
            const std::vector<int> tokens = tokenizer_.encodeAnswer(word);
            if (tokens.size() != 1)
                break;
            slot.push_back(tokens[0]);
        }
        ids.push_back(slot.size() == words.size() ? slot : std::vector<int64_t>());
    }
    heads.tieToWords(ids);
    return embeddings;
}

int64_t DemoTrainer::visionWarmup(const AuxHeads& heads, BatchPrefetcher& batches, double seconds,
                                  const Progress& progress, TrainerLog& log) {
    std::vector<torch::Tensor> parameters = visionParameters();
    for (const auto& tensor : heads.parameters())
        parameters.push_back(tensor);
    torch::optim::AdamW optimizer(parameters,
                                  torch::optim::AdamWOptions(options_.visionWarmupLearningRate)
                                      .weight_decay(options_.weightDecay));
    const auto start = Clock::now();
    double smoothedLoss = 0.0;
    double smoothedShape = -1.0;
    int64_t step = 0;
    for (;; ++step) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed >= seconds || progress.isCancelled())
            break;
        const double lr = scheduleLearningRate(optimizer, options_.visionWarmupLearningRate,
                                               elapsed / seconds, step, options_.warmupSteps);

        // Fraction 0, the curriculum's start: mostly one-object scenes.
        TrainingBatch batch = batches.take({options_.visionWarmupBatchSize, true, 0.0});
        auto prefix = model_.imagePrefix(batch.pixelValues);
        auto loss = heads.loss(prefix, batch, options_.visionWarmupShapeWeight);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(parameters, options_.gradClip);
        optimizer.step();

        const double value = loss.item<double>();
        smoothedLoss = step == 0 ? value : 0.98 * smoothedLoss + 0.02 * value;
        const double shape = heads.slotAccuracy(prefix, batch, "object0_shape");
        if (shape >= 0)
            smoothedShape = smoothedShape < 0 ? shape : 0.98 * smoothedShape + 0.02 * shape;
        if (step % options_.logEvery == 0) {
            progress.reportScalars(step, {{"aux_loss", value}, {"lr", lr}}, 0.0);
            progress.report(0.0, "vision warm-up step " + std::to_string(step));
            spdlog::info("vision warm-up step {} aux {:.4f} object0 shape {:.1f}% lr {:.2e}", step,
                         smoothedLoss, smoothedShape, lr);
        }
    }
    log.visionWarmupShapeAccuracy = smoothedShape;
    return step;
}

TrainerLog DemoTrainer::run(const Progress& progress, const std::vector<TrainingSample>& heldOut) {
    torch::manual_seed(options_.seed);
    const std::vector<int> auxSizes = train_.auxLabelSizes();
    using Reading = AuxHeads::ObjectReading;
    const Reading reading = options_.objectRegions    ? Reading::Regions
                            : !options_.objectQueries ? Reading::Pooled
                            : options_.objectTokens   ? Reading::QueryTokens
                                                      : Reading::Queries;
    AuxHeads heads(auxSizes, train_.auxLabelNames(), prefixWidth(), reading);
    const torch::Tensor wordEmbeddings = objectWordEmbeddings(heads);
    model_.parameters().setRequiresGrad(true);
    TrainerLog log;
    BatchPrefetcher batches(train_, tokenizer_, preprocessor_, imageSize_, auxSizes.size(),
                            options_.prefetchBatches, regionGrid(heads.objectGroups()));
    const auto start = Clock::now();
    const double warmupSeconds = std::min(options_.visionWarmupMinutes, options_.minutes) * 60.0;
    if (warmupSeconds > 0) {
        // The decoder does not train yet: its word embeddings are fixed targets.
        if (wordEmbeddings.defined())
            heads.setWordEmbeddings(wordEmbeddings.detach());
        log.visionWarmupSteps = visionWarmup(heads, batches, warmupSeconds, progress, log);
    }
    if (wordEmbeddings.defined())
        heads.setWordEmbeddings(wordEmbeddings);

    // Two groups: the ViT, whose rate can be scaled (BLIP-2 keeps its image encoder frozen,
    // LLaVA its CLIP), and the rest with the aux heads.
    std::vector<torch::Tensor> visionTower, rest;
    for (const auto& [name, tensor] : model_.parameters().all())
        (isVisionTower(name) ? visionTower : rest).push_back(tensor);
    for (const auto& tensor : heads.parameters())
        rest.push_back(tensor);
    std::vector<torch::Tensor> parameters = rest;
    parameters.insert(parameters.end(), visionTower.begin(), visionTower.end());
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(rest);
    groups.emplace_back(visionTower);
    torch::optim::AdamW optimizer(
        groups,
        torch::optim::AdamWOptions(options_.learningRate).weight_decay(options_.weightDecay));
    const std::vector<double> groupScales = {1.0, options_.visionTowerLearningRateScale};

    const bool findsObjects = options_.objectAttentionWeight > 0 && heads.objectGroups() > 0;
    const auto mainStart = Clock::now();
    const double budgetSeconds =
        options_.minutes * 60.0 - std::chrono::duration<double>(mainStart - start).count();
    double smoothed = 0.0;
    for (int64_t step = 0;; ++step) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - mainStart).count();
        if (elapsed >= budgetSeconds || (options_.maxSteps > 0 && step >= options_.maxSteps) ||
            progress.isCancelled())
            break;
        const bool imageFirst = elapsed < options_.imageFirstMinutes * 60.0;
        const double fraction = elapsed / budgetSeconds;
        const double lr = scheduleLearningRate(optimizer, options_.learningRate, fraction, step,
                                               options_.warmupSteps, groupScales);

        // The first minutes see images only.
        TrainingBatch batch = batches.take({options_.batchSize, imageFirst, fraction});

        auto prefix = model_.imagePrefix(batch.pixelValues);
        model::ForwardInput input;
        input.imagePrefix = prefix;
        input.rowHasImage = batch.rowHasImage;
        input.inputIds = batch.inputIds;
        input.attentionMask = batch.attentionMask;
        model::ForwardOptions forwardOptions;
        forwardOptions.captureAttention = findsObjects;
        auto result = model_.forward(input, forwardOptions);
        auto lmLoss = languageLoss(result.logits, result.prefixLength, batch.labels);
        auto auxLoss = heads.loss(prefix, batch);
        const double auxFactor = options_.auxWeight * (imageFirst ? 3.0 : 1.0);
        auto loss = lmLoss + auxFactor * auxLoss;
        ObjectAttentionTargets attentionTargets{result.prefixLength, heads.objectGroups(),
                                                batch.subjectObject, batch.promptLength};
        if (heads.readsRegions()) {
            attentionTargets.objectRegions = batch.objectRegions;
            attentionTargets.visualStart = visualStartOf(batch.inputIds, model_.imageTokenId());
        }
        if (findsObjects)
            loss = loss + options_.objectAttentionWeight *
                              objectAttentionLoss(result.attentions, attentionTargets);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(parameters, options_.gradClip);
        optimizer.step();

        const double value = loss.item<double>();
        smoothed = step == 0 ? value : 0.98 * smoothed + 0.02 * value;
        log.steps = step + 1;
        if (step % options_.logEvery == 0) {
            log.lossCurve.emplace_back(step, smoothed);
            progress.reportScalars(step,
                                   {{"loss", value},
                                    {"lm_loss", lmLoss.item<double>()},
                                    {"aux_loss", auxLoss.item<double>()},
                                    {"lr", lr}},
                                   fraction);
            progress.report(fraction, "step " + std::to_string(step) + ", loss " +
                                          std::to_string(smoothed).substr(0, 6));
            // The aux head's shape accuracy on this batch tells a vision side that has not
            // learned shape apart from a decoder that has not learned to read it.
            spdlog::info("train step {} loss {:.4f} (lm {:.4f}, aux {:.4f}, object0 shape "
                         "{:.0f}%, object attention {:.2f}) lr {:.2e}{}",
                         step, smoothed, lmLoss.item<double>(), auxLoss.item<double>(),
                         heads.slotAccuracy(prefix, batch, "object0_shape"),
                         findsObjects ? objectAttentionShare(result.attentions, attentionTargets)
                                      : -1.0,
                         lr, imageFirst ? " [images first]" : "");
        }
    }
    model_.parameters().setRequiresGrad(false);
    log.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    log.finalLoss = smoothed;
    if (!heldOut.empty())
        log.heldOutAccuracy = evaluate(heldOut);
    return log;
}

} // namespace unike::train
