// runTsne: affinities, initialisation, then sklearn's two-phase optimisation
// (early exaggeration with momentum 0.5, then momentum 0.8), with the exact or
// the Barnes-Hut gradient.
#include "analysis/BarnesHutGradient.h"
#include "analysis/DenseAffinities.h"
#include "analysis/ExactGradient.h"
#include "analysis/GradientDescent.h"
#include "analysis/PointsTensor.h"
#include "analysis/SparseAffinities.h"
#include "analysis/TsneInitialisation.h"
#include "analysis/TsneMethodChoice.h"
#include "compute/Device.h"

#include <unike/Error.h>
#include <unike/Projection.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

namespace unike {
namespace {

constexpr int kKlEvery = 50; // sklearn's n_iter_check

void validate(const PointMatrix& points, const TsneParams& params) {
    auto invalid = [](const std::string& message) {
        throw Error(ErrorKind::InvalidInput, "t-SNE: " + message);
    };
    if (points.rows < 3)
        invalid("needs at least 3 points; the input has " + std::to_string(points.rows));
    if (params.components < 1 || params.components > 3)
        invalid("embeds into 1, 2 or 3 components, not " + std::to_string(params.components));
    if (!(params.perplexity > 0))
        invalid("the perplexity must be positive (typically 5 to 50)");
    if (params.perplexity >= points.rows - 1)
        invalid("a perplexity of " + std::to_string(params.perplexity) + " needs more than " +
                std::to_string(static_cast<int>(params.perplexity) + 1) +
                " points, and the input has " + std::to_string(points.rows) +
                "; lower --perplexity below the number of points (a third of it is usual)");
    if (params.iterations < 1)
        invalid("needs at least 1 iteration");
    if (params.earlyExaggeration <= 0 || params.exaggerationIterations < 0)
        invalid("the early exaggeration must be positive, over zero or more iterations");
    if (params.theta < 0 || params.theta > 1)
        invalid("Barnes-Hut's theta must lie in [0, 1] (0.5 is usual)");
}

std::unique_ptr<analysis::TsneGradient>
makeGradient(analysis::TsneGradientKind kind, const torch::Tensor& points, const TsneParams& params,
             const torch::Device& device, const Progress& progress) {
    if (kind == analysis::TsneGradientKind::Exact) {
        torch::Tensor affinities = analysis::denseAffinities(points, params.perplexity, progress);
        return std::make_unique<analysis::ExactGradient>(affinities.to(device));
    }
    return std::make_unique<analysis::BarnesHutGradient>(
        analysis::sparseAffinities(points, params.perplexity, progress), params.theta);
}

torch::Tensor initialEmbedding(const torch::Tensor& points, const TsneParams& params) {
    // PCA needs as many dimensions as components; otherwise fall back to noise.
    if (params.init == TsneInit::Pca && points.size(1) >= params.components)
        return analysis::pcaInitialisation(points, params.components);
    return analysis::randomInitialisation(points.size(0), params.components, params.seed);
}

std::vector<float> toVector(const torch::Tensor& embedding) {
    const torch::Tensor cpu = embedding.to(torch::kCPU).contiguous();
    return std::vector<float>(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
}

} // namespace

Projection runTsne(const PointMatrix& points, const TsneParams& params, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    validate(points, params);
    const torch::Tensor data = analysis::pointsToTensor(points, "t-SNE");
    const torch::Device requested = compute::parseDevice(params.device);
    const analysis::TsneGradientKind kind =
        analysis::chooseTsneGradient(params, points.rows, requested.is_cuda());
    // The approximate gradients are CPU loops.
    const torch::Device device =
        kind == analysis::TsneGradientKind::Exact ? requested : torch::Device(torch::kCPU);

    progress.report(0.0, "t-SNE: affinities");
    const std::unique_ptr<analysis::TsneGradient> gradient =
        makeGradient(kind, data, params, device, progress.subRange(0.0, 0.1));
    torch::Tensor embedding = initialEmbedding(data, params).to(device);

    const double learningRate = params.learningRate > 0
                                    ? params.learningRate
                                    : std::max(points.rows / params.earlyExaggeration / 4.0, 50.0);
    analysis::GradientDescent descent(embedding, learningRate);
    const int exploring = std::min(params.exaggerationIterations, params.iterations);
    const int every = std::max(1, params.snapshotEvery);
    const Progress optimising = progress.subRange(0.1, 1.0);
    const std::string total = std::to_string(params.iterations);
    torch::Tensor step;
    for (int iteration = 1; iteration <= params.iterations; ++iteration) {
        optimising.throwIfCancelled("t-SNE");
        if (iteration == exploring + 1)
            descent.reset();
        const bool early = iteration <= exploring;
        const bool snapshot = iteration % every == 0 || iteration == params.iterations;
        // The KL costs a log per affinity, so it is checked as often as sklearn does.
        const bool checkKl = iteration % kKlEvery == 0 || iteration == params.iterations;
        const double kl =
            gradient->compute(embedding, early ? params.earlyExaggeration : 1.0, checkKl, step);
        descent.step(embedding, step, early ? 0.5 : 0.8);
        const double fraction = double(iteration) / params.iterations;
        if (checkKl)
            optimising.reportScalars(iteration, {{"kl", kl}}, fraction);
        if (snapshot && params.onSnapshot)
            params.onSnapshot(iteration, toVector(embedding));
        optimising.report(fraction, "t-SNE iteration " + std::to_string(iteration) + "/" + total);
    }

    Projection result;
    result.rows = points.rows;
    result.components = params.components;
    result.coords = toVector(embedding);
    result.klDivergence = gradient->finalKl(embedding);
    result.iterations = params.iterations;
    result.method = gradient->name();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace unike
