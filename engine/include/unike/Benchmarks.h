#pragma once
// Speed benchmarks behind `unike bench`. Each returns a flat set of named numbers
// and strings that the CLI prints as JSON.

#include <unike/Progress.h>

#include <map>
#include <string>

namespace unike {

struct BenchmarkReport {
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> labels;
};

struct ModelBenchmarkParams {
    std::string modelFolder;  // empty: the demo model (unless randomConfig is set)
    std::string randomConfig; // "tiny", "demo" or "blip2-opt-2.7b": random weights, no files
    std::string device = "auto";
    std::string dtype = "auto";
    int repeat = 10;      // timed repetitions; the median is reported
    int decodeTokens = 16; // tokens generated per decode measurement
};

// Load time, preprocessing, prefill latency, per-token decode latency with and
// without the KV cache, and peak memory.
BenchmarkReport benchmarkModel(const ModelBenchmarkParams& params,
                               const Progress& progress = Progress());

} // namespace unike
