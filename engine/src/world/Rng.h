#pragma once
// The world's only source of randomness: xoshiro256** seeded through splitmix64, with its own
// integer and real draws. std::uniform_*_distribution differ between standard libraries, and the
// same seed must give the same world, samples and benchmark files everywhere.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace unike::world {

class Rng {
public:
    explicit Rng(std::uint64_t seed);

    // An independent stream for (seed, purpose, index): item i of a benchmark file gets the same
    // draws however many items came before it.
    static Rng derive(std::uint64_t seed, std::string_view purpose, std::uint64_t index = 0);

    std::uint64_t next();
    int uniformInt(int lo, int hi); // inclusive, unbiased
    double uniform();               // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // An index drawn with the given non-negative weights.
    int weighted(const std::vector<double>& weights);

    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(uniformInt(0, static_cast<int>(items.size()) - 1))];
    }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[static_cast<std::size_t>(uniformInt(0, int(i) - 1))]);
    }

private:
    std::uint64_t state_[4];
};

} // namespace unike::world
