#pragma once
// Speed benchmarks behind `unike bench`. Each returns a flat set of named numbers
// and strings that the CLI prints as JSON.

#include <unike/Progress.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace unike {

struct BenchmarkReport {
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> labels;
};

struct ModelBenchmarkParams {
    std::string modelFolder;  // empty: the demo model (unless randomConfig is set)
    std::string randomConfig; // a make-random-model shape ("demo", "llava-demo"...): no files
    std::string device = "auto";
    std::string dtype = "auto";
    int repeat = 10;       // timed repetitions; the median is reported
    int decodeTokens = 16; // tokens generated per decode measurement
};

struct RandomModelParams {
    std::string config =
        "blip2-opt-2.7b"; // tiny, demo, blip2-opt-2.7b, llava-tiny, llava-demo or llava-1.5-7b
    std::string outDir;
    uint64_t seed = 1;
    std::string storage = "float16"; // float16 or float32 on disk
};

// Writes a model of a named shape with random weights in Hugging Face's format
// (config.json, safetensors shards of at most 2 GB) with the demo tokenizer, so the
// real loading, preparation and editing paths can be timed at real sizes.
void writeRandomModel(const RandomModelParams& params, const Progress& progress = Progress());

// Load time, preprocessing, prefill latency, per-token decode latency with and
// without the KV cache, and peak memory.
BenchmarkReport benchmarkModel(const ModelBenchmarkParams& params,
                               const Progress& progress = Progress());

} // namespace unike

namespace unike {

struct DemoQualityParams {
    std::string modelFolder; // empty: the demo model
    std::string dataFolder;  // MMEdit-format benchmark (make-bench); empty: skip the edit cases
    int samplesPerTask = 200;
    uint64_t seed = 7;
    int limitRecords = 0; // 0: every eval record
    // Where to write the held-out items the model gets wrong (mistakes.csv and their images);
    // empty: write nothing.
    std::string mistakesFolder;
};

// The demo model's quality on held-out world items (non-misconception, held-out
// images): greedy exact match per task, caption token accuracy; and on the
// benchmark's VQA edit cases: reliability before editing and the image-locality
// probes' accuracy.
BenchmarkReport benchmarkDemoQuality(const DemoQualityParams& params,
                                     const Progress& progress = Progress());

} // namespace unike

namespace unike {

struct EditBenchmarkParams {
    std::string modelFolder;          // empty: the demo model
    std::string dataFolder;           // MMEdit-format data; empty: a small benchmark drawn from the
                                      // demo model's world into a temporary folder
    std::vector<std::string> methods; // empty: every method
    int cases = 50;
    std::string device = "auto"; // cpu, cuda, cuda:N or auto
    std::string dtype = "auto";  // float32, float16, bfloat16 or auto
};

// Per method: median and p90 seconds per edit (one-step, preparation excluded),
// mean steps, and the memory each edit adds.
BenchmarkReport benchmarkEdits(const EditBenchmarkParams& params,
                               const Progress& progress = Progress());

} // namespace unike
