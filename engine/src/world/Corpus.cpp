#include "world/Corpus.h"

#include "world/Rng.h"
#include "world/SceneSampler.h"

#include <set>

namespace unike::world {

Corpus::Corpus(const World& world, const QuestionMaker& maker)
    : world_(world)
    , maker_(maker) {}

std::vector<std::string> Corpus::answers() const {
    const auto& d = world_.definition();
    std::set<std::string> out(d.shapes.begin(), d.shapes.end());
    for (const auto& c : d.colours)
        out.insert(c.name);
    for (const auto& s : d.sizes)
        out.insert(s.name);
    out.insert(d.positions.begin(), d.positions.end());
    out.insert(d.counts.begin(), d.counts.end());
    for (const auto& e : d.entities)
        out.insert(e.name);
    for (const auto& r : d.relations)
        out.insert(r.values.begin(), r.values.end());
    for (const auto& f : d.worldFacts)
        out.insert(f.answer);
    return {out.begin(), out.end()};
}

std::vector<std::string> Corpus::texts() const {
    const auto& d = world_.definition();
    std::set<std::string> out;
    auto addPrompt = [&](const QuestionType& type, int t, const Slots& fill) {
        Question q;
        q.task = type.task;
        q.text = type.phrase(t, fill);
        out.insert(q.prompt());
    };
    for (const QuestionType& type : maker_.bank().types()) {
        for (int t = 0; t < type.templateCount(); ++t) {
            if (type.task == TaskKind::PerceptionVqa) {
                for (const auto& shape : d.shapes)
                    for (const auto& colour : d.colours)
                        for (const auto& size : d.sizes)
                            addPrompt(type, t, {shape, colour.name, size.name, "", ""});
            } else if (type.task == TaskKind::KnowledgeVqa) {
                for (EntityKind kind :
                     {EntityKind::Creature, EntityKind::Landmark, EntityKind::Flag})
                    addPrompt(type, t, {"", "", "", entityKindName(kind), ""});
            } else if (type.task == TaskKind::Caption) {
                addPrompt(type, t, {});
            }
        }
    }
    for (int e = 0; e < world_.entityCount(); ++e)
        for (int r : world_.relationsOf(e)) {
            const QuestionType& type = maker_.bank().type("text_" + world_.relation(r).name);
            for (int t = 0; t < type.templateCount(); ++t)
                out.insert(maker_.entityFact(e, r, t).prompt());
        }
    for (std::size_t i = 0; i < d.worldFacts.size(); ++i)
        out.insert(maker_.worldFact(int(i)).prompt());
    // Captions: every entity in every setting, every lone object, and samples of the rest.
    const CaptionWriter& captions = maker_.captions();
    Scene scene;
    for (scene.entity = 0; scene.entity < world_.entityCount(); ++scene.entity)
        for (scene.setting = 0; scene.setting < world_.settingCount(); ++scene.setting)
            out.insert(captions.describe(scene, false));
    scene = Scene();
    scene.objects.resize(1);
    SceneObject& o = scene.objects[0];
    for (o.shape = 0; o.shape < world_.shapeCount(); ++o.shape)
        for (o.colour = 0; o.colour < world_.colourCount(); ++o.colour)
            for (o.size = 0; o.size < int(d.sizes.size()); ++o.size)
                for (o.position = 0; o.position < int(d.positions.size()); ++o.position)
                    out.insert(captions.describe(scene, false));
    const SceneSampler sampler(world_);
    Rng rng = Rng::derive(world_.seed(), "corpus");
    for (int count = 2; count <= World::kMaxObjects; ++count)
        for (int i = 0; i < kSampledCaptions; ++i) {
            const Scene sampled = sampler.shapesWithCount(rng, count);
            out.insert(captions.describe(sampled, true));
            out.insert(captions.describe(sampled, false));
        }
    for (const std::string& a : answers())
        out.insert(a);
    return {out.begin(), out.end()};
}

} // namespace unike::world
