// Perception and caption edits: plain scenes of shapes, and captions of entity views.

#include "world/EditCaseBuilder.h"

#include <unike/Error.h>

namespace unike::world {
namespace {

constexpr int kAttempts = 2000;

int& attribute(SceneObject& o, Attribute a) {
    return a == Attribute::Colour ? o.colour : o.shape;
}

} // namespace

// A scene without confused names except one object that carries `confusion`'s true value.
Scene EditCaseBuilder::confusedScene(const NameConfusion& confusion, Rng& rng, int& target) const {
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Scene scene = sampler_.shapes(rng, World::kMaxObjects, false);
        target = rng.uniformInt(0, int(scene.objects.size()) - 1);
        attribute(scene.objects[std::size_t(target)], confusion.attribute) = confusion.trueIndex;
        if (sampler_.namesAreUnique(scene)) {
            sampler_.redrawNuisance(scene, rng);
            return scene;
        }
    }
    throw Error(ErrorKind::Internal, "no scene for a perception misconception could be drawn");
}

EditCase EditCaseBuilder::perceptionCorrection(Rng& rng, int which, bool caption) const {
    const auto& all = world_.definition().nameConfusions;
    if (all.empty())
        throw Error(ErrorKind::InvalidInput, "the world has no perception misconceptions");
    const NameConfusion& confusion = all[std::size_t(which) % all.size()];
    int target = 0;
    const Scene scene = confusedScene(confusion, rng, target);
    // The neighbour: the same scene with the real look-alike in its place. The model is right
    // about it now and must stay right after the edit.
    Scene lookAlike = scene;
    attribute(lookAlike.objects[std::size_t(target)], confusion.attribute) = confusion.taughtIndex;
    sampler_.redrawNuisance(lookAlike, rng);
    const std::string type = caption                                    ? std::string("caption")
                             : confusion.attribute == Attribute::Colour ? std::string("colour")
                                                                        : std::string("shape");
    const Question src = caption ? maker_.caption(scene, trainTemplate(type, rng))
                                 : maker_.perception(scene, target, type, trainTemplate(type, rng));
    const Question re = caption
                            ? maker_.caption(scene, heldOutTemplate(type, rng))
                            : maker_.perception(scene, target, type, heldOutTemplate(type, rng));
    const Question near = caption ? maker_.caption(lookAlike, src.templateIndex)
                                  : maker_.perception(lookAlike, target, type, src.templateIndex);
    EditCase c = start(src, re.text, scene,
                       caption ? EditKind::CaptionCorrection : EditKind::PerceptionCorrection, rng);
    if (caption)
        c.questionType = "caption_scene";
    c.record.pred = src.answer; // what the model was taught
    c.record.alt = src.trueAnswer;
    addProbes(c, false, -1, rng);
    c.nLocImage = renderer_.render(lookAlike);
    c.nLocQ = near.text;
    c.nLocA = near.answer;
    return c;
}

EditCase EditCaseBuilder::perceptionCase(Rng& rng, bool training) const {
    const Scene scene = sampler_.shapes(rng, World::kMaxObjects, false);
    const int object = rng.uniformInt(0, int(scene.objects.size()) - 1);
    const std::string& type = rng.pick(QuestionBank::perceptionTypes());
    const Question src = maker_.perception(scene, object, type, trainTemplate(type, rng));
    const Question re = maker_.perception(scene, object, type, heldOutTemplate(type, rng));
    EditCase c = start(src, re.text, scene,
                       training ? EditKind::VqaTraining : EditKind::PerceptionCounterfactual, rng);
    setTargets(c, src, training, rng);
    addProbes(c, false, -1, rng);
    sceneNeighbour(c, scene, object, src, rng);
    return c;
}

// Another scene in which the same question, word for word, is about an object too, and whose
// answer is not the edit's target (nor, where the answer has more than two values, its old one).
void EditCaseBuilder::sceneNeighbour(EditCase& c, const Scene& scene, int object,
                                     const Question& src, Rng& rng) const {
    const SceneObject& from = scene.objects[std::size_t(object)];
    const bool twoValued = src.type == "size" || src.otherAnswers.size() < 2;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Scene other = sampler_.shapes(rng, World::kMaxObjects, false);
        const int k = rng.uniformInt(0, int(other.objects.size()) - 1);
        SceneObject& o = other.objects[std::size_t(k)];
        // Carry over what the question may name; the asked attribute stays as drawn.
        if (src.type != "shape")
            o.shape = from.shape;
        if (src.type != "colour")
            o.colour = from.colour;
        if (src.type != "size" && other.objects.size() < 3)
            o.size = from.size;
        if (!sampler_.namesAreUnique(other) || sampler_.hasConfusedObject(other))
            continue;
        sampler_.redrawNuisance(other, rng);
        const Question q = maker_.perception(other, k, src.type, src.templateIndex);
        if (q.text != src.text || q.answer == c.record.alt ||
            maker_.captions().describe(other, false) == maker_.captions().describe(scene, false))
            continue;
        if (!twoValued && attempt < kAttempts / 2 && q.answer == c.record.pred)
            continue;
        c.nLocImage = renderer_.render(other);
        c.nLocQ = q.text;
        c.nLocA = q.answer;
        return;
    }
    throw Error(ErrorKind::Internal, "no neighbour scene for '" + src.text + "'");
}

EditCase EditCaseBuilder::sceneCaptionCase(Rng& rng, bool training) const {
    const Scene scene = sampler_.shapes(rng, World::kMaxObjects, false);
    const Question src = maker_.caption(scene, trainTemplate("caption", rng));
    const Question re = maker_.caption(scene, heldOutTemplate("caption", rng));
    EditCase c =
        start(src, re.text, scene,
              training ? EditKind::CaptionTraining : EditKind::SceneCaptionCounterfactual, rng);
    c.questionType = "caption_scene";
    setTargets(c, src, training, rng);
    addProbes(c, false, -1, rng);
    captionNeighbour(c, scene, src, rng);
    return c;
}

EditCase EditCaseBuilder::entityCaptionCase(Rng& rng, bool training) const {
    const int entity = rng.uniformInt(0, world_.entityCount() - 1);
    const Scene scene =
        sampler_.entityView(entity, rng.uniformInt(0, world_.settingCount() - 1), rng);
    const Question src = maker_.caption(scene, trainTemplate("caption", rng));
    const Question re = maker_.caption(scene, heldOutTemplate("caption", rng));
    EditCase c =
        start(src, re.text, scene,
              training ? EditKind::CaptionTraining : EditKind::EntityCaptionCounterfactual, rng);
    c.questionType = "caption_entity";
    setTargets(c, src, training, rng);
    addProbes(c, true, entity, rng);
    captionNeighbour(c, scene, src, rng);
    return c;
}

// A scene of the same sort (as many objects; or another entity in the same setting) whose
// caption is neither the edit's old nor its new one.
void EditCaseBuilder::captionNeighbour(EditCase& c, const Scene& scene, const Question& src,
                                       Rng& rng) const {
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Scene other;
        if (scene.isEntityView()) {
            const int entity = rng.uniformInt(0, world_.entityCount() - 1);
            if (entity == scene.entity)
                continue;
            other = sampler_.entityView(entity, scene.setting, rng);
        } else {
            other = sampler_.shapesWithCount(rng, int(scene.objects.size()), false);
        }
        const Question q = maker_.caption(other, src.templateIndex);
        if (q.answer == c.record.alt || q.answer == c.record.pred)
            continue;
        c.nLocImage = renderer_.render(other);
        c.nLocQ = q.text;
        c.nLocA = q.answer;
        return;
    }
    throw Error(ErrorKind::Internal, "no neighbour scene for a caption");
}

} // namespace unike::world
