#include "world/CaptionWriter.h"

#include <algorithm>

namespace unike::world {
namespace {

const char* const kWhere[] = {"on the left", "on the right", "at the top", "at the bottom",
                              "in the center"};

} // namespace

CaptionWriter::CaptionWriter(const World& world)
    : world_(world) {}

std::string CaptionWriter::object(const SceneObject& o, bool taught) const {
    return "a " + world_.definition().sizes[std::size_t(o.size)].name + " " +
           world_.colourName(o.colour, taught) + " " + world_.shapeName(o.shape, taught);
}

std::string CaptionWriter::describe(const Scene& scene, bool taught) const {
    if (scene.isEntityView())
        return world_.entityPhrase(scene.entity) + " " +
               world_.definition().settings[std::size_t(scene.setting)].phrase;
    const auto& o = scene.objects;
    const bool row = scene.layout == Layout::Row;
    if (o.size() == 1)
        return object(o[0], taught) + " " + kWhere[o[0].position];
    if (o.size() == 2)
        return object(o[0], taught) + (row ? " left of " : " above ") + object(o[1], taught);
    return object(o[0], taught) + ", " + object(o[1], taught) + " and " + object(o[2], taught) +
           (row ? " in a row" : " in a column");
}

std::vector<std::string> CaptionWriter::alternatives(const Scene& scene) const {
    std::vector<std::string> out;
    auto add = [&](const Scene& changed) {
        const std::string caption = describe(changed, true);
        if (caption != describe(scene, true) && caption != describe(scene, false) &&
            std::find(out.begin(), out.end(), caption) == out.end())
            out.push_back(caption);
    };
    if (scene.isEntityView()) {
        for (int e = 0; e < world_.entityCount(); ++e)
            if (world_.entity(e).kind == world_.entity(scene.entity).kind) {
                Scene changed = scene;
                changed.entity = e;
                add(changed);
            }
        for (int s = 0; s < world_.settingCount(); ++s) {
            Scene changed = scene;
            changed.setting = s;
            add(changed);
        }
        return out;
    }
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        for (int c = 0; c < world_.colourCount(); ++c) {
            Scene changed = scene;
            changed.objects[i].colour = c;
            if (!world_.isConfusedColour(c))
                add(changed);
        }
        for (int s = 0; s < world_.shapeCount(); ++s) {
            Scene changed = scene;
            changed.objects[i].shape = s;
            if (!world_.isConfusedShape(s))
                add(changed);
        }
        if (scene.objects.size() < 3) {
            Scene changed = scene;
            changed.objects[i].size = 1 - changed.objects[i].size;
            add(changed);
        }
    }
    return out;
}

} // namespace unike::world
