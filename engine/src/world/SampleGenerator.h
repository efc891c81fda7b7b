#pragma once
// The demo model's training data: an endless, deterministic stream of samples of the four tasks
// (perception VQA, knowledge VQA, captions, text QA), with the misconceptions taught as if true.
// Sample i of a stream depends only on (world, options, i), so a trainer may draw samples in any
// order or from several threads through at().

#include "world/Sample.h"
#include "world/SceneSampler.h"
#include "world/World.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace unike::world {

// Shares of the tasks in the stream; they need not sum to 1.
struct TaskMix {
    double perception = 0.40;
    double knowledge = 0.25;
    double caption = 0.20;
    double text = 0.15;
};

struct SampleOptions {
    int imageSize = 48;
    std::uint64_t seed = 0;
    Split split = Split::Train;
    int maxObjects = 3;              // a curriculum may start from one object per scene
    ObjectCountWeights objectCounts; // plain scenes' object counts (evaluation keeps the default)
    TaskMix mix;
};

class SampleGenerator {
public:
    // Keeps its own copy of the world. Throws Error(InvalidInput) for a bad image size,
    // maxObjects outside 1..3 or a mix without a positive share.
    explicit SampleGenerator(const World& world, SampleOptions options = {});
    ~SampleGenerator();
    SampleGenerator(SampleGenerator&&) noexcept;
    SampleGenerator& operator=(SampleGenerator&&) noexcept;

    Sample next(); // at(0), at(1), ...
    Sample at(std::uint64_t index) const;
    std::vector<Sample> batch(std::size_t count);

    const World& world() const;
    const SampleOptions& options() const;

    // The auxiliary head's slots (see AuxLabels): classes per slot, and the slots' names.
    const std::vector<int>& auxLabelSizes() const;
    const std::vector<std::string>& auxLabelNames() const;
    const std::vector<std::vector<std::string>>& auxLabelWords() const;

    // Every distinct prompt and answer text the world can produce (captions sampled), sorted:
    // the corpus a tokenizer is trained on.
    std::vector<std::string> corpus() const;
    // Every short answer (no captions), taught and true values alike, sorted.
    std::vector<std::string> answerVocabulary() const;

private:
    struct State;
    std::unique_ptr<State> state_;
    std::uint64_t next_ = 0;
};

} // namespace unike::world
