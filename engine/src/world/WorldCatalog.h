#pragma once
// The fixed vocabulary a world is generated from: shapes, colours, settings, relations with their
// values and question frames, and simple world facts. A seed chooses among them (which entity
// gets which fact, which facts are mislearned); the lists themselves do not change with it.

#include "world/WorldDefinition.h"

#include <utility>
#include <vector>

namespace unike::world {

struct WorldCatalog {
    static std::vector<std::string> shapes();
    static std::vector<NamedColour> colours();
    static std::vector<SizeClass> sizes();
    static std::vector<std::string> positions();
    static std::vector<std::string> counts();
    static std::vector<Rgb> backgrounds();
    static std::vector<Setting> settings();
    static std::vector<Relation> relations();
    static std::vector<WorldFact> worldFacts();
    // Look-alike pairs (true name, taught name) a perception misconception is drawn from.
    static std::vector<std::pair<std::string, std::string>> colourConfusions();
    static std::vector<std::pair<std::string, std::string>> shapeConfusions();
    // Colours glyphs may use besides the named ones.
    static std::vector<Rgb> glyphColours();
};

} // namespace unike::world
