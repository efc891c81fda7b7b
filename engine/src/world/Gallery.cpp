#include "world/Gallery.h"

#include "world/QuestionMaker.h"
#include "world/Rng.h"
#include "world/SceneRenderer.h"
#include "world/SceneSampler.h"

#include <cstdio>
#include <set>

namespace unike::world {
namespace {

std::string fileSafe(std::string text) {
    for (char& c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            c = '_';
    return text;
}

} // namespace

std::vector<GalleryImage> galleryImages(const World& world, int imageSize, std::uint64_t seed) {
    const QuestionBank bank(world);
    const QuestionMaker maker(world, bank);
    const SceneSampler sampler(world);
    const SceneRenderer renderer(world, imageSize);
    Rng rng = Rng::derive(seed, "gallery");
    std::vector<GalleryImage> out;
    auto add = [&](const Scene& scene, const Question& q, const std::string& label) {
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%02d_", int(out.size()) + 1);
        out.push_back({prefix + fileSafe(label) + ".png", renderer.render(scene), q.text, q.answer,
                       q.trueAnswer});
    };
    const auto& types = QuestionBank::perceptionTypes();
    // Plain scenes: one of each perception question, the last about a confused colour or shape.
    std::set<int> shapesUsed, coloursUsed;
    for (int i = 0; i < 5; ++i) {
        // Each picture shows another shape in another colour.
        Scene scene;
        int object = 0;
        do {
            scene = sampler.shapes(rng, i < 2 ? 1 : 2, false);
            object = rng.uniformInt(0, int(scene.objects.size()) - 1);
        } while (shapesUsed.count(scene.objects[std::size_t(object)].shape) ||
                 coloursUsed.count(scene.objects[std::size_t(object)].colour));
        shapesUsed.insert(scene.objects[std::size_t(object)].shape);
        coloursUsed.insert(scene.objects[std::size_t(object)].colour);
        std::string type = types[std::size_t(i)];
        const auto& confusions = world.definition().nameConfusions;
        if (i == 4 && !confusions.empty()) {
            const NameConfusion& c = confusions[0];
            SceneObject& o = scene.objects[std::size_t(object)];
            (c.attribute == Attribute::Colour ? o.colour : o.shape) = c.trueIndex;
            type = c.attribute == Attribute::Colour ? "colour" : "shape";
            if (!sampler.namesAreUnique(scene)) { // the look-alike is there too: drop it
                scene.objects = {o};
                scene.objects[0].position = Center;
                scene.layout = Layout::Single;
                object = 0;
            }
            sampler.redrawNuisance(scene, rng);
        }
        const Question q = maker.perception(scene, object, type, bank.templates(type, false)[0]);
        const SceneObject& o = scene.objects[std::size_t(object)];
        add(scene, q, world.colourName(o.colour, false) + "_" + world.shapeName(o.shape, false));
    }
    // Entities: one of each kind asked its name, then facts; the last fact is a misconception.
    const auto& mis = world.definition().factMisconceptions;
    std::set<int> entitiesUsed;
    for (int i = 0; i < 5; ++i) {
        // The first three show one entity of each kind.
        int entity = 0;
        do
            entity = rng.uniformInt(0, world.entityCount() - 1);
        while (entitiesUsed.count(entity) ||
               (i < 3 && world.entity(entity).kind != static_cast<EntityKind>(i)));
        entitiesUsed.insert(entity);
        std::string type = "identity";
        if (i == 4 && !mis.empty()) {
            entity = mis[std::size_t(rng.uniformInt(0, int(mis.size()) - 1))].entity;
            for (int r : world.relationsOf(entity))
                if (world.isMisconception(entity, r))
                    type = world.relation(r).name;
        } else if (i >= 2) {
            int r = rng.pick(world.relationsOf(entity));
            while (world.isMisconception(entity, r))
                r = rng.pick(world.relationsOf(entity));
            type = world.relation(r).name;
        }
        const Scene scene =
            sampler.entityView(entity, rng.uniformInt(0, world.settingCount() - 1), rng);
        add(scene, maker.knowledge(scene, type, bank.templates(type, false)[0]),
            world.entity(entity).name);
    }
    return out;
}

} // namespace unike::world
