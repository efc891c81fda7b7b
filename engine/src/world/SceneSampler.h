#pragma once
// Draws scenes: 1-3 large, distinct plain shapes (one or two most of the time, EVIDENCE.md), or
// an entity's glyph in a setting; and redraws a scene's nuisance for an image rephrase.

#include "world/Rng.h"
#include "world/Scene.h"
#include "world/World.h"

namespace unike::world {

// How often a plain scene holds one, two or three objects. Questions about one object of
// several need binding (which object is "the star"?); training may ask for more of them.
struct ObjectCountWeights {
    double one = 0.5, two = 0.35, three = 0.15;
};

class SceneSampler {
public:
    explicit SceneSampler(const World& world);

    // allowConfused: whether objects whose colour or shape the model names wrong may appear.
    Scene shapes(Rng& rng, int maxObjects = World::kMaxObjects, bool allowConfused = true,
                 const ObjectCountWeights& counts = {}) const;
    // A scene of exactly `count` objects.
    Scene shapesWithCount(Rng& rng, int count, bool allowConfused = true) const;
    Scene entityView(int entity, int setting, Rng& rng) const;

    // Same content, new placement jitter, background, pose and noise.
    void redrawNuisance(Scene& scene, Rng& rng) const;
    Scene rephrased(const Scene& scene, Rng& rng) const;

    // Every object has its own shape and colour under the true and under the taught names, so
    // "the circle" or "the red object" always means one object, in the truth and to the model.
    bool namesAreUnique(const Scene& scene) const;
    bool hasConfusedObject(const Scene& scene) const;

private:
    void placeObject(const Scene& scene, std::size_t index, Rng& rng, SceneObject& object) const;

    const World& world_;
};

} // namespace unike::world
