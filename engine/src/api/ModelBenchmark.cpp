#include "compute/Device.h"
#include "model/Generator.h"
#include "model/ModelFamilies.h"
#include "model/RandomShapes.h"
#include "model/TensorConversions.h"
#include "vision/ImageDecoder.h"
#include "vision/ImagePreprocessor.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>
#include <unike/Resources.h>
#include <unike/Runtime.h>

#include <opencv2/imgcodecs.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <functional>

namespace unike {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsOf(const std::function<void()>& work, torch::Device device) {
    const auto start = Clock::now();
    work();
    if (device.is_cuda())
        torch::cuda::synchronize();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double peakResidentMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

} // namespace

BenchmarkReport benchmarkModel(const ModelBenchmarkParams& params, const Progress& progress) {
    if (params.repeat < 1 || params.decodeTokens < 1)
        throw Error(ErrorKind::InvalidInput, "repeat and decode tokens must be at least 1");
    BenchmarkReport report;
    model::LoadOptions options;
    options.device = compute::parseDevice(params.device);
    options.dtype = compute::parseDType(params.dtype, options.device);

    progress.report(0.0, "loading the model");
    std::shared_ptr<model::MultimodalModel> m;
    std::string source;
    const double loadMs = millisecondsOf(
        [&] {
            if (!params.randomConfig.empty()) {
                m = model::randomShape(params.randomConfig).create(1);
                m->to(options.device, options.dtype);
                source = "random:" + params.randomConfig;
            } else {
                source = params.modelFolder.empty() ? demoModelFolder() : params.modelFolder;
                m = model::loadModel(source, options);
            }
        },
        options.device);
    torch::NoGradGuard noGrad;

    // Preprocessing: decode a 640x480 PNG and turn it into pixel_values.
    cv::Mat noise(480, 640, CV_8UC3);
    cv::randu(noise, 0, 255);
    std::vector<uint8_t> png;
    cv::imencode(".png", noise, png);
    vision::ImageDecoder decoder;
    vision::ImageProcessorConfig processorConfig;
    processorConfig.height = processorConfig.width = int(m->imageSize());
    vision::ImagePreprocessor preprocessor(processorConfig);
    std::vector<double> preprocessMs;
    vision::PixelTensor pixels;
    for (int i = 0; i < params.repeat; ++i)
        preprocessMs.push_back(millisecondsOf(
            [&] { pixels = preprocessor.preprocess(decoder.decodeBytes(png, "noise")).pixels; },
            torch::kCPU));
    auto pixelValues = model::pixelValues(pixels).to(options.device, options.dtype);

    progress.report(0.2, "timing prefill");
    model::Generator generator(*m);
    // Twelve text tokens; a family that marks the image in the text gets its token after BOS.
    std::vector<int> prompt = {2, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    if (m->imageTokenId() >= 0)
        prompt.insert(prompt.begin() + 1, int(m->imageTokenId()));
    const int64_t textTokens = 12;
    std::vector<double> imageMs, prefillMs, cachedMs, uncachedMs;
    torch::Tensor prefix;
    model::GenerationOptions once;
    once.maxNewTokens = 1;
    once.eosTokenId = -1;
    once.topK = 0;
    model::GenerationOptions many = once;
    many.maxNewTokens = params.decodeTokens;
    for (int i = 0; i < params.repeat; ++i) {
        progress.throwIfCancelled("the benchmark");
        imageMs.push_back(
            millisecondsOf([&] { prefix = m->imagePrefix(pixelValues); }, options.device));
        prefillMs.push_back(
            millisecondsOf([&] { generator.generate(prefix, prompt, once); }, options.device));
        many.useCache = true;
        cachedMs.push_back(
            millisecondsOf([&] { generator.generate(prefix, prompt, many); }, options.device));
        many.useCache = false;
        uncachedMs.push_back(
            millisecondsOf([&] { generator.generate(prefix, prompt, many); }, options.device));
        progress.report(0.2 + 0.8 * double(i + 1) / params.repeat);
    }
    const double prefill = median(prefillMs);
    const double steps = double(params.decodeTokens - 1);
    report.labels["model"] = source;
    report.labels["device"] = compute::deviceName(options.device);
    report.labels["dtype"] = compute::dtypeName(options.dtype);
    report.labels["torch"] = runtimeInfo().torchVersion;
    report.numbers["parameters"] = double(m->parameters().parameterCount());
    report.numbers["threads"] = double(runtimeInfo().torchThreads);
    report.numbers["load_ms"] = loadMs;
    report.numbers["preprocess_ms"] = median(preprocessMs);
    report.numbers["image_encode_ms"] = median(imageMs);
    report.numbers["prefill_ms"] = prefill;
    report.numbers["prompt_tokens"] = double(textTokens + m->visualTokenCount());
    // Per repetition: (N tokens - 1 token) / (N - 1), paired, so noise between
    // repetitions does not leak in; the median of those.
    std::vector<double> cachedPerToken, uncachedPerToken;
    for (size_t i = 0; i < prefillMs.size(); ++i) {
        cachedPerToken.push_back((cachedMs[i] - prefillMs[i]) / steps);
        uncachedPerToken.push_back((uncachedMs[i] - prefillMs[i]) / steps);
    }
    report.numbers["decode_ms_per_token_cached"] = median(cachedPerToken);
    report.numbers["decode_ms_per_token_uncached"] = median(uncachedPerToken);
    report.numbers["decode_tokens"] = params.decodeTokens;
    report.numbers["repeat"] = params.repeat;
    report.numbers["peak_rss_mb"] = peakResidentMegabytes();
    return report;
}

} // namespace unike
