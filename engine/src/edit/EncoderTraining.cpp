#include "edit/EncoderTraining.h"

#include <unike/Error.h>

namespace unike::edit {
namespace {

torch::Tensor cosineMatrix(const torch::Tensor& a, const torch::Tensor& b) {
    return torch::matmul(
        torch::nn::functional::normalize(a, torch::nn::functional::NormalizeFuncOptions().dim(-1)),
        torch::nn::functional::normalize(b, torch::nn::functional::NormalizeFuncOptions().dim(-1))
            .t());
}

// Anchors (B, D) raw; candidates: Enc_sem of every sample's h_pos and h_neg.
torch::Tensor semanticLoss(const torch::Tensor& anchors, const torch::Tensor& encodedPos,
                           const torch::Tensor& encodedNeg, double temperature) {
    const auto logitsPos = cosineMatrix(anchors, encodedPos) / temperature; // (B, B)
    const auto logitsNeg = cosineMatrix(anchors, encodedNeg) / temperature;
    const auto all = torch::cat({logitsPos, logitsNeg}, 1);                         // (B, 2B)
    const auto own = torch::stack({logitsPos.diagonal(), logitsNeg.diagonal()}, 1); // (B, 2)
    return (torch::logsumexp(all, 1) - torch::logsumexp(own, 1)).mean();
}

} // namespace

torch::Tensor supervisedContrastiveLoss(const torch::Tensor& z, const torch::Tensor& labels,
                                        double temperature) {
    const int64_t n = z.size(0);
    const auto self = torch::eye(n, torch::TensorOptions().dtype(torch::kBool).device(z.device()));
    auto logits = cosineMatrix(z, z) / temperature;
    logits = logits.masked_fill(self, -1e9);
    const auto logProb = logits - torch::logsumexp(logits, 1, true);
    const auto same = labels.view({-1, 1}).eq(labels.view({1, -1})).logical_and(self.logical_not());
    const auto sameF = same.to(z.dtype());
    const auto counts = sameF.sum(1).clamp_min(1.0);
    return (-(logProb * sameF).sum(1) / counts).mean();
}

TrainedEncoders trainSpaceEncoders(const TripletStates& states,
                                   const EncoderTrainingOptions& options,
                                   const Progress& progress) {
    const int64_t n = states.sem.size(0), d = states.sem.size(1);
    if (n < 2)
        throw Error(ErrorKind::InvalidInput,
                    "the encoders need at least 2 triplets; the training split gave " +
                        std::to_string(n));
    torch::manual_seed(options.seed);
    const torch::Device device = states.sem.device();
    // A seeded split: the last `held` rows of a permutation are only checked.
    const auto split = torch::randperm(n, torch::TensorOptions().dtype(torch::kLong)).to(device);
    const int64_t held = std::min<int64_t>(n - 2, int64_t(double(n) * options.heldOut));
    const auto trainRows = split.slice(0, 0, n - held), checkRows = split.slice(0, n - held, n);
    auto rows = [&](const torch::Tensor& t, const torch::Tensor& index) {
        return t.to(torch::kFloat32).index_select(0, index);
    };
    const auto sem = rows(states.sem, trainRows), pos = rows(states.pos, trainRows),
               neg = rows(states.neg, trainRows);
    const int64_t trainCount = sem.size(0);
    TrainedEncoders out;
    out.semantic = SpaceEncoder::create(d, d, d, true, device);
    out.truth = SpaceEncoder::create(d, d, options.truthDims, false, device);
    {
        const auto both = torch::cat({pos, neg}, 0);
        out.truth.inputMean = both.mean(0);
        out.truth.inputScale = both.std(0).clamp_min(1e-6);
    }
    std::vector<torch::Tensor> parameters = out.semantic.parameters();
    for (const auto& t : out.truth.parameters())
        parameters.push_back(t);
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(options.learningRate));
    const int64_t batch = std::min<int64_t>(options.batchSize, trainCount);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        progress.throwIfCancelled("the encoder training");
        const auto order =
            torch::randperm(trainCount, torch::TensorOptions().dtype(torch::kLong)).to(device);
        double semanticSum = 0, truthSum = 0;
        int batches = 0;
        for (int64_t start = 0; start + 1 < trainCount; start += batch) {
            const auto index = order.slice(0, start, std::min(trainCount, start + batch));
            if (index.size(0) < 2)
                break;
            const auto bSem = sem.index_select(0, index), bPos = pos.index_select(0, index),
                       bNeg = neg.index_select(0, index);
            const auto sLoss =
                semanticLoss(bSem, out.semantic(bPos), out.semantic(bNeg), options.temperature);
            const auto z = torch::cat({out.truth(bPos), out.truth(bNeg)}, 0);
            const auto labels = torch::cat({torch::ones({index.size(0)}, torch::kLong),
                                            torch::zeros({index.size(0)}, torch::kLong)})
                                    .to(device);
            const auto tLoss = supervisedContrastiveLoss(z, labels, options.temperature);
            optimizer.zero_grad();
            (sLoss + tLoss).backward();
            optimizer.step();
            semanticSum += sLoss.item<double>();
            truthSum += tLoss.item<double>();
            ++batches;
        }
        out.semanticLoss = semanticSum / std::max(1, batches);
        out.truthLoss = truthSum / std::max(1, batches);
        progress.reportScalars(epoch,
                               {{"semantic_loss", out.semanticLoss}, {"truth_loss", out.truthLoss}},
                               double(epoch + 1) / options.epochs);
    }
    out.semantic.freeze();
    out.truth.freeze();
    torch::NoGradGuard noGrad;
    out.zeta = out.truth(pos).mean(0) - out.truth(neg).mean(0);
    if (held > 0) {
        const auto checkSem = rows(states.sem, checkRows), checkPos = rows(states.pos, checkRows),
                   checkNeg = rows(states.neg, checkRows);
        const auto along = [&](const torch::Tensor& h) {
            return torch::matmul(out.truth(h), out.zeta);
        };
        out.truthAccuracy =
            along(checkPos).gt(along(checkNeg)).to(torch::kFloat64).mean().item<double>();
        const auto nearest = cosineMatrix(checkSem, out.semantic(checkPos)).argmax(1);
        out.semanticRecall = nearest.eq(torch::arange(held, nearest.options()))
                                 .to(torch::kFloat64)
                                 .mean()
                                 .item<double>();
    }
    return out;
}

} // namespace unike::edit
