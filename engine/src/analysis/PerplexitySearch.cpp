#include "analysis/PerplexitySearch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace unike::analysis {
namespace {

struct RowMoments {
    double sum = 0.0;
    double mean = 0.0;     // E[d] under the row's distribution
    double variance = 0.0; // Var[d]
};

// Writes the unnormalised exp(-beta d) and returns the moments the search needs.
RowMoments evaluate(const float* shifted, int count, double beta, float* out) {
    double sum = 0.0, first = 0.0, second = 0.0;
    for (int j = 0; j < count; ++j) {
        const double d = shifted[j];
        const double p = std::exp(-beta * d);
        out[j] = static_cast<float>(p);
        sum += p;
        first += p * d;
        second += p * d * d;
    }
    RowMoments moments;
    moments.sum = sum;
    moments.mean = first / sum;
    moments.variance = std::max(0.0, second / sum - moments.mean * moments.mean);
    return moments;
}

} // namespace

RowCalibration calibrateRow(const float* squaredDistances, int count, double perplexity,
                            float* probabilities, double tolerance, int maxSteps) {
    // Shifting by the smallest distance leaves the distribution unchanged and
    // keeps exp() from underflowing for every entry at once.
    const float nearest = *std::min_element(squaredDistances, squaredDistances + count);
    std::vector<float> shifted(squaredDistances, squaredDistances + count);
    double scale = 0.0;
    for (float& d : shifted) {
        d -= nearest;
        scale += d;
    }
    scale /= count;
    const double target = std::log(perplexity);
    double low = 0.0;
    double high = std::numeric_limits<double>::infinity();
    double beta = scale > 0 ? 1.0 / scale : 1.0;
    RowCalibration result;
    RowMoments moments;
    for (result.steps = 1; result.steps <= maxSteps; ++result.steps) {
        moments = evaluate(shifted.data(), count, beta, probabilities);
        const double entropy = std::log(moments.sum) + beta * moments.mean;
        result.entropy = entropy;
        result.beta = beta;
        const double excess = entropy - target;
        if (std::abs(excess) <= tolerance)
            break;
        // Entropy falls as beta grows: dH/dbeta = -beta Var[d].
        if (excess > 0)
            low = beta;
        else
            high = beta;
        const double slope = beta * moments.variance;
        double next = slope > 0 ? beta + excess / slope : -1.0;
        if (!(next > low && next < high))
            next = std::isinf(high) ? std::max(2.0 * beta, 1e-12) : 0.5 * (low + high);
        beta = next;
    }
    const float inverse = static_cast<float>(1.0 / moments.sum);
    for (int j = 0; j < count; ++j)
        probabilities[j] *= inverse;
    return result;
}

} // namespace unike::analysis
