#include "train/DemoTrainer.h"

#include "train/TrainingBatch.h"

#include <unike/Error.h>

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>

namespace unike::train {
namespace {

using Clock = std::chrono::steady_clock;

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

} // namespace

DemoTrainer::DemoTrainer(model::Blip2Model& model, const text::BpeTokenizer& tokenizer,
                         SampleSource& train, TrainerOptions options)
    : model_(model)
    , tokenizer_(tokenizer)
    , train_(train)
    , options_(options)
    , imageSize_(int(model.config().vision.imageSize)) {
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
        const int64_t length = batch.labels.size(1);
        auto predicted = result.logits.narrow(1, prefix - 1, length).argmax(-1);
        auto labelled = batch.labels.ne(-100);
        auto wrong = (predicted.ne(batch.labels) & labelled).sum(1);
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

TrainerLog DemoTrainer::run(const Progress& progress, const std::vector<TrainingSample>& heldOut) {
    torch::manual_seed(options_.seed);
    const std::vector<int> auxSizes = train_.auxLabelSizes();
    int auxClasses = 0;
    for (int size : auxSizes)
        auxClasses += size;
    const int64_t prefixWidth = model_.config().text.wordEmbedProjDim;
    // The auxiliary heads live only during training. Besides one class per slot, an
    // order-free presence head learns which shapes and colours are in the image: a
    // cleaner signal than "the shape of object 1", which needs binding first.
    auto auxWeight = (torch::randn({auxClasses, prefixWidth}) * 0.02).requires_grad_(true);
    auto auxBias = torch::zeros({auxClasses}).requires_grad_(true);
    const std::vector<std::string> auxNames = train_.auxLabelNames();
    std::vector<std::pair<size_t, int64_t>> presenceSlots; // (slot, offset in the presence head)
    int64_t presenceClasses = 0;
    std::map<std::string, int64_t> presenceOffsets;
    for (size_t slot = 0; slot < auxNames.size() && slot < auxSizes.size(); ++slot) {
        for (const std::string kind : {"shape", "colour"}) {
            const std::string& name = auxNames[slot];
            if (name.size() < kind.size() ||
                name.compare(name.size() - kind.size(), kind.size(), kind) != 0)
                continue;
            if (!presenceOffsets.count(kind)) {
                presenceOffsets[kind] = presenceClasses;
                presenceClasses += auxSizes[slot];
            }
            presenceSlots.emplace_back(slot, presenceOffsets[kind]);
        }
    }
    auto presenceWeight =
        (torch::randn({std::max<int64_t>(presenceClasses, 1), prefixWidth}) * 0.02)
            .requires_grad_(true);
    auto presenceBias = torch::zeros({std::max<int64_t>(presenceClasses, 1)}).requires_grad_(true);

    model_.parameters().setRequiresGrad(true);
    std::vector<torch::Tensor> parameters = model_.parameters().tensors();
    parameters.push_back(auxWeight);
    parameters.push_back(auxBias);
    if (presenceClasses > 0) {
        parameters.push_back(presenceWeight);
        parameters.push_back(presenceBias);
    }
    torch::optim::AdamW optimizer(
        parameters,
        torch::optim::AdamWOptions(options_.learningRate).weight_decay(options_.weightDecay));

    TrainerLog log;
    const auto start = Clock::now();
    const double budgetSeconds = options_.minutes * 60.0;
    double smoothed = 0.0;
    for (int64_t step = 0;; ++step) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed >= budgetSeconds || (options_.maxSteps > 0 && step >= options_.maxSteps) ||
            progress.isCancelled())
            break;
        const bool warmup = elapsed < options_.visionWarmupMinutes * 60.0;
        // Learning rate: linear warm-up, then cosine decay over the time budget.
        const double fraction = elapsed / budgetSeconds;
        double lr = options_.learningRate * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, fraction)));
        if (step < options_.warmupSteps)
            lr *= double(step + 1) / options_.warmupSteps;
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);

        train_.setTrainingFraction(fraction);
        std::vector<TrainingSample> samples;
        while (int(samples.size()) < options_.batchSize) {
            TrainingSample sample = train_.next();
            if (warmup && !sample.hasImage)
                continue; // the vision warm-up sees images only
            samples.push_back(std::move(sample));
        }
        TrainingBatch batch =
            buildBatch(samples, tokenizer_, preprocessor_, imageSize_, auxSizes.size());

        auto prefix = model_.imagePrefix(batch.pixelValues);
        model::ForwardInput input;
        input.imagePrefix = prefix;
        input.rowHasImage = batch.rowHasImage;
        input.inputIds = batch.inputIds;
        input.attentionMask = batch.attentionMask;
        auto result = model_.forward(input);
        auto lmLoss = languageLoss(result.logits, result.prefixLength, batch.labels);

        auto auxLogits = torch::nn::functional::linear(prefix.mean(1), auxWeight, auxBias);
        torch::Tensor auxLoss = torch::zeros({});
        int64_t offset = 0;
        int usedSlots = 0;
        for (size_t slot = 0; slot < auxSizes.size(); ++slot) {
            auto labels = batch.auxLabels.select(1, int64_t(slot));
            if (labels.ge(0).any().item<bool>() && ++usedSlots)
                auxLoss = auxLoss +
                          torch::nn::functional::cross_entropy(
                              auxLogits.narrow(1, offset, auxSizes[slot]), labels,
                              torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1));
            offset += auxSizes[slot];
        }
        if (usedSlots > 0)
            auxLoss = auxLoss / double(usedSlots); // the mean over slots, not their sum
        if (presenceClasses > 0) {
            auto present = torch::zeros({batch.auxLabels.size(0), presenceClasses});
            auto labels = batch.auxLabels;
            for (const auto& [slot, offset] : presenceSlots) {
                auto column = labels.select(1, int64_t(slot));
                auto valid = column.ge(0);
                auto index = (column.clamp_min(0) + offset).view({-1, 1});
                present.scatter_add_(1, index, valid.to(torch::kFloat32).view({-1, 1}));
            }
            present = present.clamp_max(1.0);
            auto hasImage = batch.rowHasImage.to(torch::kFloat32).view({-1, 1});
            auto presenceLogits =
                torch::nn::functional::linear(prefix.mean(1), presenceWeight, presenceBias);
            auto perEntry = torch::binary_cross_entropy_with_logits(presenceLogits, present, {}, {},
                                                                    at::Reduction::None);
            auxLoss =
                auxLoss + (perEntry * hasImage).sum() / (hasImage.sum() * presenceClasses + 1e-6);
        }
        const double auxFactor = options_.auxWeight * (warmup ? 3.0 : 1.0);
        auto loss = lmLoss + auxFactor * auxLoss;
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
            spdlog::info("train step {} loss {:.4f} (lm {:.4f}, aux {:.4f}) lr {:.2e}{}", step,
                         smoothed, lmLoss.item<double>(), auxLoss.item<double>(), lr,
                         warmup ? " [vision warm-up]" : "");
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
