#pragma once
// Builds the benchmark's records. Edit cases either correct a misconception the demo model was
// trained with (pred: the taught value, alt: the truth: the model is really wrong there, as in
// MMEdit) or are counterfactual (pred: the truth, alt: another value of the same kind). Training
// records are (question, right, wrong) triplets: alt the right answer, pred a plausible wrong one.
// Every record gets a held-out rephrasing, an image rephrase, text and image locality probes
// unrelated to it, and a neighbour probe close to it.

#include "world/EditCase.h"
#include "world/QuestionBank.h"
#include "world/QuestionMaker.h"
#include "world/Rng.h"
#include "world/SceneRenderer.h"
#include "world/SceneSampler.h"
#include "world/World.h"

namespace unike::world {

enum class EditKind {
    FactCorrection,
    PerceptionCorrection,
    FactCounterfactual,
    PerceptionCounterfactual,
    CaptionCorrection,
    SceneCaptionCounterfactual,
    EntityCaptionCounterfactual,
    VqaTraining,
    CaptionTraining,
};
const char* editKindName(EditKind kind);

class EditCaseBuilder {
public:
    EditCaseBuilder(const World& world, int imageSize);
    EditCaseBuilder(const EditCaseBuilder&) = delete;
    EditCaseBuilder& operator=(const EditCaseBuilder&) = delete;

    // `which` chooses the misconception a correction is about, modulo their number.
    EditCase build(EditKind kind, Rng& rng, int which = 0) const;

private:
    EditCase factCorrection(Rng& rng, int which) const;
    EditCase factCase(Rng& rng, bool training) const;
    EditCase perceptionCorrection(Rng& rng, int which, bool caption) const;
    EditCase perceptionCase(Rng& rng, bool training) const;
    EditCase sceneCaptionCase(Rng& rng, bool training) const;
    EditCase entityCaptionCase(Rng& rng, bool training) const;

    int trainTemplate(const std::string& type, Rng& rng) const;
    int heldOutTemplate(const std::string& type, Rng& rng) const;
    // Text fields, the image and its rephrase from a question about `scene`.
    EditCase start(const Question& src, const std::string& rephrase, const Scene& scene,
                   EditKind kind, Rng& rng) const;
    // (pred, alt) for a counterfactual edit or, swapped, for a training triplet.
    static void setTargets(EditCase& c, const Question& q, bool training, Rng& rng);
    // loc/loc_ans and m_loc/m_loc_q/m_loc_a; m_loc comes from the other family (plain scenes
    // for entity edits, entities for scene edits), never a misconception.
    void addProbes(EditCase& c, bool aboutEntity, int avoidEntity, Rng& rng) const;
    void entityNeighbour(EditCase& c, int entity, const Question& src, Rng& rng) const;
    void sceneNeighbour(EditCase& c, const Scene& scene, int object, const Question& src,
                        Rng& rng) const;
    void captionNeighbour(EditCase& c, const Scene& scene, const Question& src, Rng& rng) const;
    Scene confusedScene(const NameConfusion& confusion, Rng& rng, int& target) const;

    const World& world_;
    QuestionBank bank_;
    QuestionMaker maker_;
    SceneSampler sampler_;
    SceneRenderer renderer_;
};

} // namespace unike::world
