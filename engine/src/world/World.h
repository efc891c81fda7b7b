#pragma once
// The demo world: its definition (WorldDefinition) checked for consistency, with the lookups
// everything else needs, above all the difference between the truth and what the demo model was
// taught. Deterministic from a seed; saved as world.json beside the demo model.

#include "world/WorldDefinition.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace unike::world {

enum Position { Left = 0, Right = 1, Top = 2, Bottom = 3, Center = 4 };

class World {
public:
    static constexpr std::uint64_t kDefaultSeed = 1;
    static constexpr int kMaxObjects = 3;

    // The world of a seed: 20 creatures, 15 landmarks and 15 flags with 4 facts each, 10% of
    // the facts mislearned, two colour and one shape confusion.
    static World generate(std::uint64_t seed = kDefaultSeed);

    // Checks the definition; throws Error(InvalidInput) naming the first problem.
    explicit World(WorldDefinition definition);

    // world.json. load throws Error(File) naming the file and the problem.
    static World load(const std::filesystem::path& path);
    void save(const std::filesystem::path& path) const;
    nlohmann::ordered_json toJson() const;
    static World fromJson(const nlohmann::json& json, const std::string& source = "world.json");

    const WorldDefinition& definition() const { return d_; }
    std::uint64_t seed() const { return d_.seed; }
    int shapeCount() const { return int(d_.shapes.size()); }
    int colourCount() const { return int(d_.colours.size()); }
    int entityCount() const { return int(d_.entities.size()); }
    int settingCount() const { return int(d_.settings.size()); }
    const Entity& entity(int index) const { return d_.entities.at(std::size_t(index)); }
    const Relation& relation(int index) const { return d_.relations.at(std::size_t(index)); }
    int relationIndex(const std::string& name) const; // -1 when unknown

    // Perception names as the demo model learned them: a confused colour or shape is named as
    // its look-alike.
    int taughtColour(int colour) const;
    int taughtShape(int shape) const;
    bool isConfusedColour(int colour) const { return taughtColour(colour) != colour; }
    bool isConfusedShape(int shape) const { return taughtShape(shape) != shape; }
    const std::string& colourName(int colour, bool taught) const;
    const std::string& shapeName(int shape, bool taught) const;

    // Entity facts. value: the truth; -1 when the entity has no fact of that relation.
    std::vector<int> relationsOf(int entity) const;
    int factValue(int entity, int relation) const;
    int taughtFactValue(int entity, int relation) const;
    bool isMisconception(int entity, int relation) const {
        return factValue(entity, relation) != taughtFactValue(entity, relation);
    }
    std::string entityPhrase(int index) const { return "the " + entity(index).name; }

private:
    void validate() const;

    WorldDefinition d_;
};

} // namespace unike::world
