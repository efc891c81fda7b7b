#pragma once
// Labels for an auxiliary classification head on the vision side (EVIDENCE.md: without one,
// a small model learned nothing visual in its first minutes). They are the TRUE visual classes,
// not the taught names: the model should see a purple object as purple even where it learned to
// call it blue, so that an edit has a distinct representation to act on.
//
// Slots, in order: for objects 0, 1, 2 (reading order) shape, colour, size, position; then the
// object count (0 = one), the entity, the setting. -1: the slot does not apply.

#include "world/Scene.h"
#include "world/World.h"

#include <string>
#include <vector>

namespace unike::world {

class AuxLabels {
public:
    explicit AuxLabels(const World& world);

    const std::vector<int>& sizes() const { return sizes_; } // classes per slot
    const std::vector<std::string>& names() const { return names_; }
    // The words naming each slot's classes, as answers use them ("heart", "red", "large",
    // "left"); empty for the slots no one-word answer names (count, entity, setting).
    const std::vector<std::vector<std::string>>& words() const { return words_; }
    std::vector<int> of(const Scene& scene) const;
    std::vector<int> none() const { return std::vector<int>(sizes_.size(), -1); }

private:
    std::vector<int> sizes_;
    std::vector<std::string> names_;
    std::vector<std::vector<std::string>> words_;
};

} // namespace unike::world
