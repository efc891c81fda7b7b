#pragma once
// Captions of scenes: "a large red circle left of a small blue square", "the zorbel in the
// desert". The taught caption uses the names the demo model learned (a confused colour is named
// as its look-alike); the true one uses the world's names.

#include "world/Scene.h"
#include "world/World.h"

#include <string>
#include <vector>

namespace unike::world {

class CaptionWriter {
public:
    explicit CaptionWriter(const World& world);

    std::string describe(const Scene& scene, bool taught) const;
    // Captions of scenes that differ from this one in one thing (an object's colour, shape or
    // size; an entity's name or setting), in taught names: wrong answers of the same kind.
    std::vector<std::string> alternatives(const Scene& scene) const;

private:
    std::string object(const SceneObject& o, bool taught) const;

    const World& world_;
};

} // namespace unike::world
