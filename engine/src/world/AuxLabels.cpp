#include "world/AuxLabels.h"

namespace unike::world {
namespace {

constexpr int kPerObject = 4;

} // namespace

AuxLabels::AuxLabels(const World& world) {
    const auto& d = world.definition();
    std::vector<std::string> colours, sizes;
    for (const auto& colour : d.colours)
        colours.push_back(colour.name);
    for (const auto& size : d.sizes)
        sizes.push_back(size.name);
    for (int k = 0; k < World::kMaxObjects; ++k) {
        const std::string prefix = "object" + std::to_string(k) + "_";
        sizes_.insert(sizes_.end(), {world.shapeCount(), world.colourCount(), int(d.sizes.size()),
                                     int(d.positions.size())});
        names_.insert(names_.end(),
                      {prefix + "shape", prefix + "colour", prefix + "size", prefix + "position"});
        words_.insert(words_.end(), {d.shapes, colours, sizes, d.positions});
    }
    sizes_.insert(sizes_.end(), {World::kMaxObjects, world.entityCount(), world.settingCount()});
    names_.insert(names_.end(), {"count", "entity", "setting"});
    words_.resize(names_.size());
}

std::vector<int> AuxLabels::of(const Scene& scene) const {
    std::vector<int> labels = none();
    if (scene.isEntityView()) {
        labels[std::size_t(World::kMaxObjects * kPerObject + 1)] = scene.entity;
        labels[std::size_t(World::kMaxObjects * kPerObject + 2)] = scene.setting;
        return labels;
    }
    for (std::size_t k = 0; k < scene.objects.size(); ++k) {
        const SceneObject& o = scene.objects[k];
        const std::size_t at = k * kPerObject;
        labels[at] = o.shape;
        labels[at + 1] = o.colour;
        labels[at + 2] = o.size;
        labels[at + 3] = o.position;
    }
    labels[std::size_t(World::kMaxObjects * kPerObject)] = int(scene.objects.size()) - 1;
    return labels;
}

} // namespace unike::world
