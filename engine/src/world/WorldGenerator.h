#pragma once
// Draws a world definition from a seed: names, glyph colours, facts, misconceptions. Everything
// else (the vocabulary, the designs) comes from WorldCatalog and GlyphDesigner.

#include "world/WorldDefinition.h"

#include <cstdint>

namespace unike::world {

class WorldGenerator {
public:
    static constexpr int kCreatures = 20;
    static constexpr int kLandmarks = 15;
    static constexpr int kFlags = 15;
    static constexpr double kMisconceptionShare = 0.10; // of all entity facts
    static constexpr int kColourConfusions = 2;
    static constexpr int kShapeConfusions = 1;

    static WorldDefinition generate(std::uint64_t seed);
};

} // namespace unike::world
