#include "world/Rng.h"

#include <unike/Error.h>

namespace unike::world {
namespace {

std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

Rng::Rng(std::uint64_t seed) {
    for (std::uint64_t& s : state_)
        s = splitmix(seed);
}

Rng Rng::derive(std::uint64_t seed, std::string_view purpose, std::uint64_t index) {
    std::uint64_t hash = 0xCBF29CE484222325ull; // FNV-1a of the purpose
    for (char c : purpose)
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    std::uint64_t mix = seed ^ hash;
    const std::uint64_t a = splitmix(mix);
    std::uint64_t mixIndex = a ^ (index * 0xD1B54A32D192ED03ull);
    return Rng(splitmix(mixIndex));
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

int Rng::uniformInt(int lo, int hi) {
    if (hi < lo)
        throw Error(ErrorKind::Internal, "Rng::uniformInt called with an empty range");
    const std::uint64_t range = static_cast<std::uint64_t>(std::int64_t(hi) - lo) + 1;
    // Reject the top sliver that would make low values more likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    std::uint64_t x = next();
    while (x >= limit)
        x = next();
    return static_cast<int>(std::int64_t(lo) + std::int64_t(x % range));
}

double Rng::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int Rng::weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights)
        total += w;
    if (weights.empty() || total <= 0)
        throw Error(ErrorKind::Internal, "Rng::weighted needs a positive weight");
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (x < weights[i])
            return static_cast<int>(i);
        x -= weights[i];
    }
    // Rounding can leave x just past the end: take the last non-zero weight.
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0)
            return static_cast<int>(i);
    return 0;
}

} // namespace unike::world
