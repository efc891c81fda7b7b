#include "world/SceneSampler.h"

#include <unike/Error.h>

#include <cmath>
#include <set>

namespace unike::world {
namespace {

// Centres of the five positions when one object is alone; rows and columns use their own.
constexpr double kSingle[5][2] = {{0.28, 0.5}, {0.72, 0.5}, {0.5, 0.28}, {0.5, 0.72}, {0.5, 0.5}};
constexpr double kPair[2] = {0.25, 0.75};
constexpr double kTriple[3] = {0.17, 0.5, 0.83};

} // namespace

SceneSampler::SceneSampler(const World& world)
    : world_(world) {}

Scene SceneSampler::shapes(Rng& rng, int maxObjects, bool allowConfused,
                           const ObjectCountWeights& counts) const {
    const std::vector<double> weights = {counts.one, maxObjects >= 2 ? counts.two : 0.0,
                                         maxObjects >= 3 ? counts.three : 0.0};
    return shapesWithCount(rng, rng.weighted(weights) + 1, allowConfused);
}

Scene SceneSampler::shapesWithCount(Rng& rng, int count, bool allowConfused) const {
    if (count < 1 || count > World::kMaxObjects)
        throw Error(ErrorKind::InvalidInput,
                    "a scene holds 1 to 3 objects, not " + std::to_string(count));
    Scene scene;
    scene.layout = count == 1 ? Layout::Single : rng.chance(0.5) ? Layout::Row : Layout::Column;
    const bool row = scene.layout == Layout::Row;
    const std::vector<int> positions =
        count == 1 ? std::vector<int>{rng.uniformInt(0, 4)}
        : count == 2
            ? (row ? std::vector<int>{Left, Right} : std::vector<int>{Top, Bottom})
            : (row ? std::vector<int>{Left, Center, Right} : std::vector<int>{Top, Center, Bottom});
    for (int attempt = 0; attempt < 1000; ++attempt) {
        scene.objects.clear();
        for (int position : positions) {
            SceneObject o;
            o.shape = rng.uniformInt(0, world_.shapeCount() - 1);
            o.colour = rng.uniformInt(0, world_.colourCount() - 1);
            o.size = count == 3 ? 0 : rng.uniformInt(0, 1);
            o.position = position;
            scene.objects.push_back(o);
        }
        if (namesAreUnique(scene) && (allowConfused || !hasConfusedObject(scene))) {
            redrawNuisance(scene, rng);
            return scene;
        }
    }
    throw Error(ErrorKind::Internal, "no scene of distinct objects could be drawn");
}

Scene SceneSampler::entityView(int entity, int setting, Rng& rng) const {
    Scene scene;
    scene.entity = entity;
    scene.setting = setting;
    redrawNuisance(scene, rng);
    return scene;
}

void SceneSampler::placeObject(const Scene& scene, std::size_t index, Rng& rng,
                               SceneObject& o) const {
    const auto& sizes = world_.definition().sizes;
    o.extent = sizes[std::size_t(o.size)].scale * rng.uniform(0.95, 1.05);
    o.angle = rng.uniform(-6, 6);
    const std::size_t n = scene.objects.size();
    double along = 0, across = 0.5 + rng.uniform(-0.08, 0.08);
    if (n == 1) {
        o.cx = kSingle[o.position][0] + rng.uniform(-0.03, 0.03);
        o.cy = kSingle[o.position][1] + rng.uniform(-0.03, 0.03);
        return;
    }
    // Along a row or column objects only move apart, so two large ones never touch.
    if (n == 2)
        along = kPair[index] + (index == 0 ? -1 : 1) * rng.uniform(0, 0.008);
    else
        along = kTriple[index] + rng.uniform(-0.01, 0.01);
    if (n == 3)
        across = 0.5 + rng.uniform(-0.1, 0.1);
    const bool row = scene.layout == Layout::Row;
    o.cx = row ? along : across;
    o.cy = row ? across : along;
}

void SceneSampler::redrawNuisance(Scene& scene, Rng& rng) const {
    const auto& d = world_.definition();
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        placeObject(scene, i, rng, scene.objects[i]);
    scene.background = rng.uniformInt(0, int(d.backgrounds.size()) - 1);
    for (int& t : scene.tint)
        t = rng.uniformInt(-12, 12);
    scene.gradient = rng.uniform(-0.15, 0.15);
    scene.horizon = rng.uniform(0.55, 0.72);
    scene.poseX = rng.uniform(-0.08, 0.08);
    scene.poseY = rng.uniform(-0.06, 0.06);
    scene.poseScale = rng.uniform(0.78, 1.05);
    scene.poseAngle = rng.uniform(-18, 18);
    scene.noise = rng.uniformInt(0, d.noise);
    scene.noiseSeed = rng.next();
}

Scene SceneSampler::rephrased(const Scene& scene, Rng& rng) const {
    Scene copy = scene;
    // Redrawn until it is visibly another picture: another backdrop for a plain scene, another
    // pose for an entity.
    for (int attempt = 0; attempt < 100; ++attempt) {
        redrawNuisance(copy, rng);
        if (scene.isEntityView() ? std::abs(copy.poseAngle - scene.poseAngle) >= 8 ||
                                       std::abs(copy.poseScale - scene.poseScale) >= 0.1
                                 : copy.background != scene.background)
            break;
    }
    return copy;
}

bool SceneSampler::namesAreUnique(const Scene& scene) const {
    std::set<int> shapes, colours;
    for (const SceneObject& o : scene.objects) {
        for (bool taught : {false, true}) {
            const int shape = taught ? world_.taughtShape(o.shape) : o.shape;
            const int colour = taught ? world_.taughtColour(o.colour) : o.colour;
            if (!shapes.insert(shape + (taught ? 1000 : 0)).second ||
                !colours.insert(colour + (taught ? 1000 : 0)).second)
                return false;
        }
    }
    return true;
}

bool SceneSampler::hasConfusedObject(const Scene& scene) const {
    for (const SceneObject& o : scene.objects)
        if (world_.isConfusedColour(o.colour) || world_.isConfusedShape(o.shape))
            return true;
    return false;
}

} // namespace unike::world
