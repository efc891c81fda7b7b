#pragma once
// Calibrates one row of t-SNE's input affinities: the Gaussian precision beta for
// which the row's conditional distribution has the requested perplexity.

namespace unike::analysis {

struct RowCalibration {
    double beta = 0.0;    // the precision found, for the shifted distances
    double entropy = 0.0; // in nats; exp(entropy) is the perplexity reached
    int steps = 0;
};

// Fills probabilities[j] = exp(-beta * d_j) / sum for the `count` squared
// distances of one row (the point itself excluded), with beta chosen so that
// exp(entropy) = perplexity within `tolerance` nats. Safeguarded Newton on beta:
// Newton steps while they stay inside the bracket, bisection otherwise.
RowCalibration calibrateRow(const float* squaredDistances, int count, double perplexity,
                            float* probabilities, double tolerance = 1e-5, int maxSteps = 100);

} // namespace unike::analysis
