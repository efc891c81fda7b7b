#include "world/EditCaseBuilder.h"

#include <unike/Error.h>

namespace unike::world {

const char* editKindName(EditKind kind) {
    switch (kind) {
    case EditKind::FactCorrection:
        return "fact_correction";
    case EditKind::PerceptionCorrection:
        return "perception_correction";
    case EditKind::FactCounterfactual:
        return "fact_counterfactual";
    case EditKind::PerceptionCounterfactual:
        return "perception_counterfactual";
    case EditKind::CaptionCorrection:
        return "caption_correction";
    case EditKind::SceneCaptionCounterfactual:
        return "scene_caption_counterfactual";
    case EditKind::EntityCaptionCounterfactual:
        return "entity_caption_counterfactual";
    case EditKind::VqaTraining:
    case EditKind::CaptionTraining:
        break;
    }
    return "training";
}

EditCaseBuilder::EditCaseBuilder(const World& world, int imageSize)
    : world_(world)
    , bank_(world)
    , maker_(world, bank_)
    , sampler_(world)
    , renderer_(world, imageSize) {}

EditCase EditCaseBuilder::build(EditKind kind, Rng& rng, int which) const {
    switch (kind) {
    case EditKind::FactCorrection:
        return factCorrection(rng, which);
    case EditKind::PerceptionCorrection:
        return perceptionCorrection(rng, which, false);
    case EditKind::FactCounterfactual:
        return factCase(rng, false);
    case EditKind::PerceptionCounterfactual:
        return perceptionCase(rng, false);
    case EditKind::CaptionCorrection:
        return perceptionCorrection(rng, which, true);
    case EditKind::SceneCaptionCounterfactual:
        return sceneCaptionCase(rng, false);
    case EditKind::EntityCaptionCounterfactual:
        return entityCaptionCase(rng, false);
    case EditKind::VqaTraining:
        return rng.chance(0.5) ? perceptionCase(rng, true) : factCase(rng, true);
    case EditKind::CaptionTraining:
        break;
    }
    return rng.chance(0.5) ? sceneCaptionCase(rng, true) : entityCaptionCase(rng, true);
}

int EditCaseBuilder::trainTemplate(const std::string& type, Rng& rng) const {
    return rng.pick(bank_.templates(type, false));
}

int EditCaseBuilder::heldOutTemplate(const std::string& type, Rng& rng) const {
    return rng.pick(bank_.templates(type, true));
}

EditCase EditCaseBuilder::start(const Question& src, const std::string& rephrase,
                                const Scene& scene, EditKind kind, Rng& rng) const {
    EditCase c;
    c.record.src = src.text;
    c.record.rephrase = rephrase;
    c.image = renderer_.render(scene);
    c.imageRephrase = renderer_.render(sampler_.rephrased(scene, rng));
    c.editKind = editKindName(kind);
    c.questionType = src.type;
    return c;
}

void EditCaseBuilder::setTargets(EditCase& c, const Question& q, bool training, Rng& rng) {
    if (q.otherAnswers.empty())
        throw Error(ErrorKind::Internal, "the question '" + q.text + "' has no other answer");
    const std::string& other = rng.pick(q.otherAnswers);
    c.record.pred = training ? other : q.answer;
    c.record.alt = training ? q.answer : other;
}

void EditCaseBuilder::addProbes(EditCase& c, bool aboutEntity, int avoidEntity, Rng& rng) const {
    // Text locality: a world fact, or a correctly taught fact about another entity.
    Question loc;
    if (rng.chance(0.5)) {
        loc = maker_.worldFact(rng.uniformInt(0, int(world_.definition().worldFacts.size()) - 1));
    } else {
        int entity = avoidEntity, relation = 0;
        while (entity == avoidEntity || world_.isMisconception(entity, relation)) {
            entity = rng.uniformInt(0, world_.entityCount() - 1);
            relation = rng.pick(world_.relationsOf(entity));
        }
        loc = maker_.entityFact(entity, relation,
                                trainTemplate("text_" + world_.relation(relation).name, rng));
    }
    c.record.loc = loc.prompt();
    c.record.locAns = loc.answer;
    // Image locality, from the other family of questions.
    Question probe;
    Scene scene;
    if (aboutEntity) {
        scene = sampler_.shapes(rng, World::kMaxObjects, false);
        const std::string& type = rng.pick(QuestionBank::perceptionTypes());
        probe = maker_.perception(scene, rng.uniformInt(0, int(scene.objects.size()) - 1), type,
                                  trainTemplate(type, rng));
    } else {
        int entity = avoidEntity;
        while (entity == avoidEntity)
            entity = rng.uniformInt(0, world_.entityCount() - 1);
        scene = sampler_.entityView(entity, rng.uniformInt(0, world_.settingCount() - 1), rng);
        std::string type = "identity";
        const int relation = rng.pick(world_.relationsOf(entity));
        if (rng.chance(0.75) && !world_.isMisconception(entity, relation))
            type = world_.relation(relation).name;
        probe = maker_.knowledge(scene, type, trainTemplate(type, rng));
    }
    c.mLocImage = renderer_.render(scene);
    c.record.mLocQ = probe.text;
    c.record.mLocA = probe.answer;
}

} // namespace unike::world
