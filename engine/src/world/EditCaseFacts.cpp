// Knowledge edits: an entity's image and a question about one of its facts (or its name).

#include "world/EditCaseBuilder.h"

#include <unike/Error.h>

namespace unike::world {

EditCase EditCaseBuilder::factCorrection(Rng& rng, int which) const {
    const auto& all = world_.definition().factMisconceptions;
    if (all.empty())
        throw Error(ErrorKind::InvalidInput, "the world has no mislearned facts to correct");
    const FactMisconception& m = all[std::size_t(which) % all.size()];
    const std::string& type = world_.relation(m.relation).name;
    const Scene scene =
        sampler_.entityView(m.entity, rng.uniformInt(0, world_.settingCount() - 1), rng);
    const Question src = maker_.knowledge(scene, type, trainTemplate(type, rng));
    const Question re = maker_.knowledge(scene, type, heldOutTemplate(type, rng));
    EditCase c = start(src, re.text, scene, EditKind::FactCorrection, rng);
    c.record.pred = src.answer; // the taught, wrong value
    c.record.alt = src.trueAnswer;
    addProbes(c, true, m.entity, rng);
    entityNeighbour(c, m.entity, src, rng);
    return c;
}

EditCase EditCaseBuilder::factCase(Rng& rng, bool training) const {
    const int entity = rng.uniformInt(0, world_.entityCount() - 1);
    std::string type = "identity";
    if (!rng.chance(0.2)) {
        int relation = rng.pick(world_.relationsOf(entity));
        while (world_.isMisconception(entity, relation))
            relation = rng.pick(world_.relationsOf(entity));
        type = world_.relation(relation).name;
    }
    const Scene scene =
        sampler_.entityView(entity, rng.uniformInt(0, world_.settingCount() - 1), rng);
    const Question src = maker_.knowledge(scene, type, trainTemplate(type, rng));
    const Question re = maker_.knowledge(scene, type, heldOutTemplate(type, rng));
    EditCase c = start(src, re.text, scene,
                       training ? EditKind::VqaTraining : EditKind::FactCounterfactual, rng);
    setTargets(c, src, training, rng);
    addProbes(c, true, entity, rng);
    entityNeighbour(c, entity, src, rng);
    return c;
}

// Another entity of the same kind, asked the very same question, whose correct answer is not the
// edit's target: an edit that leaks along the relation changes it.
void EditCaseBuilder::entityNeighbour(EditCase& c, int entity, const Question& src,
                                      Rng& rng) const {
    const int relation = world_.relationIndex(src.type);
    std::vector<int> candidates, preferred;
    for (int e = 0; e < world_.entityCount(); ++e) {
        if (e == entity || world_.entity(e).kind != world_.entity(entity).kind)
            continue;
        if (relation >= 0 &&
            (world_.factValue(e, relation) < 0 || world_.isMisconception(e, relation)))
            continue;
        const std::string answer =
            relation < 0
                ? world_.entity(e).name
                : world_.relation(relation).values[std::size_t(world_.factValue(e, relation))];
        if (answer == c.record.alt)
            continue;
        candidates.push_back(e);
        if (answer != c.record.pred)
            preferred.push_back(e);
    }
    if (candidates.empty())
        throw Error(ErrorKind::Internal, "no neighbour entity for '" + src.text + "'");
    const int other = rng.pick(preferred.empty() ? candidates : preferred);
    const Scene scene =
        sampler_.entityView(other, rng.uniformInt(0, world_.settingCount() - 1), rng);
    const Question q = maker_.knowledge(scene, src.type, src.templateIndex);
    c.nLocImage = renderer_.render(scene);
    c.nLocQ = q.text;
    c.nLocA = q.answer;
}

} // namespace unike::world
