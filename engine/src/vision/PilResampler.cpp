#include "vision/PilResampler.h"

#include <unike/Error.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace unike::vision {
namespace {

// Pillow's fixed point: 8 bits of result, 2 bits of headroom for negative lobes.
constexpr int kPrecisionBits = 32 - 8 - 2;
constexpr double kPi = 3.14159265358979323846; // M_PI, which strict C++17 lacks

double bicubic(double x) {
    constexpr double a = -0.5; // Pillow's choice (Catmull-Rom), not OpenCV's -0.75
    x = std::fabs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

double bilinear(double x) {
    x = std::fabs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

double box(double x) {
    return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
}

double hamming(double x) {
    x = std::fabs(x);
    if (x == 0.0)
        return 1.0;
    if (x >= 1.0)
        return 0.0;
    x *= kPi;
    return std::sin(x) / x * (0.54f + 0.46f * std::cos(x)); // Pillow's float constants
}

double sinc(double x) {
    if (x == 0.0)
        return 1.0;
    x *= kPi;
    return std::sin(x) / x;
}

double lanczos(double x) {
    return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0;
}

struct Kernel {
    double (*function)(double);
    double support;
};

Kernel kernelFor(ResampleFilter filter) {
    switch (filter) {
    case ResampleFilter::Box:
        return {box, 0.5};
    case ResampleFilter::Bilinear:
        return {bilinear, 1.0};
    case ResampleFilter::Hamming:
        return {hamming, 1.0};
    case ResampleFilter::Bicubic:
        return {bicubic, 2.0};
    case ResampleFilter::Lanczos:
        return {lanczos, 3.0};
    case ResampleFilter::Nearest:
        break;
    }
    throw Error(ErrorKind::Unsupported, "nearest-neighbour resampling is not supported; use "
                                        "bicubic (resample 3), as BLIP does");
}

// For each output sample: the first input sample used, how many, and their weights.
struct Weights {
    int taps = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> fixed; // taps per output sample
};

Weights computeWeights(int inSize, int outSize, const Kernel& kernel) {
    // Same arithmetic, in the same order, as Pillow's precompute_coeffs, so that the
    // fixed-point weights come out bit-identical.
    const double scale = static_cast<double>(static_cast<float>(inSize)) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = kernel.support * filterScale;
    const double inverse = 1.0 / filterScale;
    Weights w;
    w.taps = static_cast<int>(std::ceil(support)) * 2 + 1;
    w.first.resize(outSize);
    w.count.resize(outSize);
    w.fixed.assign(static_cast<std::size_t>(outSize) * w.taps, 0);
    std::vector<double> k(w.taps);
    for (int i = 0; i < outSize; ++i) {
        const double center = (i + 0.5) * scale;
        const int lo = std::max(static_cast<int>(center - support + 0.5), 0);
        const int hi = std::min(static_cast<int>(center + support + 0.5), inSize);
        const int n = hi - lo;
        double sum = 0.0;
        for (int x = 0; x < n; ++x) {
            k[x] = kernel.function((x + lo - center + 0.5) * inverse);
            sum += k[x];
        }
        for (int x = 0; x < n; ++x) {
            const double v = sum != 0.0 ? k[x] / sum : k[x];
            const double scaled = v * (1 << kPrecisionBits);
            w.fixed[static_cast<std::size_t>(i) * w.taps + x] =
                static_cast<std::int32_t>(v < 0 ? scaled - 0.5 : scaled + 0.5);
        }
        w.first[i] = lo;
        w.count[i] = n;
    }
    return w;
}

std::uint8_t clip8(std::int64_t accumulator) {
    const std::int64_t v = accumulator >> kPrecisionBits; // arithmetic shift: floor
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(v, 0, 255));
}

constexpr std::int64_t kHalf = std::int64_t(1) << (kPrecisionBits - 1);

RgbImage resampleHorizontal(const RgbImage& in, int outWidth, const Kernel& kernel) {
    const Weights w = computeWeights(in.width, outWidth, kernel);
    RgbImage out(outWidth, in.height);
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* src = in.pixel(0, y);
        std::uint8_t* dst = out.pixel(0, y);
        for (int x = 0; x < outWidth; ++x) {
            const std::int32_t* k = &w.fixed[static_cast<std::size_t>(x) * w.taps];
            const std::uint8_t* s = src + static_cast<std::size_t>(w.first[x]) * 3;
            std::int64_t r = kHalf, g = kHalf, b = kHalf;
            for (int t = 0; t < w.count[x]; ++t, s += 3) {
                r += s[0] * k[t];
                g += s[1] * k[t];
                b += s[2] * k[t];
            }
            dst[x * 3 + 0] = clip8(r);
            dst[x * 3 + 1] = clip8(g);
            dst[x * 3 + 2] = clip8(b);
        }
    }
    return out;
}

RgbImage resampleVertical(const RgbImage& in, int outHeight, const Kernel& kernel) {
    const Weights w = computeWeights(in.height, outHeight, kernel);
    RgbImage out(in.width, outHeight);
    const std::size_t rowBytes = static_cast<std::size_t>(in.width) * 3;
    std::vector<std::int64_t> sums(rowBytes);
    for (int y = 0; y < outHeight; ++y) {
        std::fill(sums.begin(), sums.end(), kHalf);
        const std::int32_t* k = &w.fixed[static_cast<std::size_t>(y) * w.taps];
        for (int t = 0; t < w.count[y]; ++t) {
            const std::uint8_t* src = in.pixel(0, w.first[y] + t);
            for (std::size_t i = 0; i < rowBytes; ++i)
                sums[i] += src[i] * k[t];
        }
        std::uint8_t* dst = out.pixel(0, y);
        for (std::size_t i = 0; i < rowBytes; ++i)
            dst[i] = clip8(sums[i]);
    }
    return out;
}

} // namespace

const char* resampleFilterName(ResampleFilter filter) noexcept {
    switch (filter) {
    case ResampleFilter::Nearest:
        return "nearest";
    case ResampleFilter::Lanczos:
        return "lanczos";
    case ResampleFilter::Bilinear:
        return "bilinear";
    case ResampleFilter::Bicubic:
        return "bicubic";
    case ResampleFilter::Box:
        return "box";
    case ResampleFilter::Hamming:
        return "hamming";
    }
    return "unknown";
}

PilResampler::PilResampler(ResampleFilter filter)
    : filter_(filter) {
    kernelFor(filter); // refuse an unsupported filter now, not at the first image
}

RgbImage PilResampler::resize(const RgbImage& image, int width, int height) const {
    if (image.empty() || image.pixels.size() != image.offset(0, image.height))
        throw Error(ErrorKind::InvalidInput, "cannot resize an empty or malformed image (" +
                                                 std::to_string(image.width) + " x " +
                                                 std::to_string(image.height) + ")");
    if (width <= 0 || height <= 0)
        throw Error(ErrorKind::InvalidInput, "cannot resize an image to " + std::to_string(width) +
                                                 " x " + std::to_string(height) +
                                                 " pixels; both sides must be positive");
    const Kernel kernel = kernelFor(filter_);
    // Like Pillow: horizontal pass first, and a pass is skipped when its size is unchanged.
    RgbImage result = width != image.width ? resampleHorizontal(image, width, kernel) : image;
    if (height != image.height)
        result = resampleVertical(result, height, kernel);
    return result;
}

} // namespace unike::vision
