#include "world/SampleGenerator.h"

#include "world/AuxLabels.h"
#include "world/Corpus.h"
#include "world/QuestionMaker.h"
#include "world/Rng.h"
#include "world/SceneRenderer.h"
#include "world/SceneSampler.h"

#include <unike/Error.h>

namespace unike::world {

const char* taskKindName(TaskKind kind) {
    switch (kind) {
    case TaskKind::PerceptionVqa:
        return "perception_vqa";
    case TaskKind::KnowledgeVqa:
        return "knowledge_vqa";
    case TaskKind::Caption:
        return "caption";
    case TaskKind::TextQa:
        break;
    }
    return "text_qa";
}

struct SampleGenerator::State {
    State(const World& w, const SampleOptions& o)
        : world(w)
        , options(o)
        , bank(world)
        , maker(world, bank)
        , sampler(world)
        , renderer(world, o.imageSize)
        , aux(world) {}

    World world;
    SampleOptions options;
    QuestionBank bank;
    QuestionMaker maker;
    SceneSampler sampler;
    SceneRenderer renderer;
    AuxLabels aux;

    int pickTemplate(const std::string& type, Rng& rng) const {
        if (options.split == Split::Train)
            return rng.pick(bank.templates(type, false));
        return rng.uniformInt(0, bank.type(type).templateCount() - 1);
    }

    Sample imageSample(const Question& q, const Scene& scene, const std::string& type) const {
        Sample s = textSample(q, type);
        s.hasImage = true;
        s.image = renderer.render(scene);
        s.auxLabels = aux.of(scene);
        for (const SceneObject& object : scene.objects)
            s.objectAreas.push_back({object.cx, object.cy, object.extent});
        s.holdsTaughtWrongObject = sampler.hasConfusedObject(scene);
        return s;
    }

    Sample textSample(const Question& q, const std::string& type) const {
        Sample s;
        s.kind = q.task;
        s.questionType = type;
        s.prompt = q.prompt();
        s.question = q.text;
        s.answer = q.answer;
        s.trueAnswer = q.trueAnswer;
        s.otherAnswers = q.otherAnswers;
        s.misconception = q.misconception();
        s.heldOutTemplate = q.heldOut;
        s.auxLabels = aux.none();
        return s;
    }

    Sample perception(Rng& rng) const {
        const Scene scene = sampler.shapes(rng, options.maxObjects, true, options.objectCounts);
        const std::string& type = rng.pick(QuestionBank::perceptionTypes());
        const int object = rng.uniformInt(0, int(scene.objects.size()) - 1);
        Sample s = imageSample(maker.perception(scene, object, type, pickTemplate(type, rng)),
                               scene, type);
        s.subjectObject = type == "count" ? -1 : object;
        return s;
    }

    Sample knowledge(Rng& rng) const {
        const int entity = rng.uniformInt(0, world.entityCount() - 1);
        const Scene scene =
            sampler.entityView(entity, rng.uniformInt(0, world.settingCount() - 1), rng);
        const std::string type = rng.chance(0.2)
                                     ? std::string("identity")
                                     : world.relation(rng.pick(world.relationsOf(entity))).name;
        return imageSample(maker.knowledge(scene, type, pickTemplate(type, rng)), scene, type);
    }

    Sample caption(Rng& rng) const {
        const bool entity = rng.chance(0.5);
        const Scene scene =
            entity ? sampler.entityView(rng.uniformInt(0, world.entityCount() - 1),
                                        rng.uniformInt(0, world.settingCount() - 1), rng)
                   : sampler.shapes(rng, options.maxObjects, true, options.objectCounts);
        return imageSample(maker.caption(scene, pickTemplate("caption", rng)), scene,
                           entity ? "caption_entity" : "caption_scene");
    }

    Sample text(Rng& rng) const {
        if (rng.chance(0.2)) {
            const int index = rng.uniformInt(0, int(world.definition().worldFacts.size()) - 1);
            return textSample(maker.worldFact(index), "world_fact");
        }
        const int entity = rng.uniformInt(0, world.entityCount() - 1);
        const int relation = rng.pick(world.relationsOf(entity));
        const std::string type = "text_" + world.relation(relation).name;
        return textSample(maker.entityFact(entity, relation, pickTemplate(type, rng)), type);
    }
};

SampleGenerator::SampleGenerator(const World& world, SampleOptions options) {
    const TaskMix& m = options.mix;
    if (options.maxObjects < 1 || options.maxObjects > World::kMaxObjects)
        throw Error(ErrorKind::InvalidInput,
                    "maxObjects must be 1 to 3, not " + std::to_string(options.maxObjects));
    const ObjectCountWeights& c = options.objectCounts;
    if (c.one < 0 || c.two < 0 || c.three < 0 || c.one + c.two + c.three <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "the object-count weights must be non-negative, at least one positive");
    if (m.perception < 0 || m.knowledge < 0 || m.caption < 0 || m.text < 0 ||
        m.perception + m.knowledge + m.caption + m.text <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "the task mix needs non-negative shares, at least one of them positive");
    state_ = std::make_unique<State>(world, options);
}

SampleGenerator::~SampleGenerator() = default;
SampleGenerator::SampleGenerator(SampleGenerator&&) noexcept = default;
SampleGenerator& SampleGenerator::operator=(SampleGenerator&&) noexcept = default;

Sample SampleGenerator::next() {
    return at(next_++);
}

Sample SampleGenerator::at(std::uint64_t index) const {
    const State& s = *state_;
    Rng rng =
        Rng::derive(s.options.seed, s.options.split == Split::Train ? "train" : "eval", index);
    const TaskMix& m = s.options.mix;
    switch (rng.weighted({m.perception, m.knowledge, m.caption, m.text})) {
    case 0:
        return s.perception(rng);
    case 1:
        return s.knowledge(rng);
    case 2:
        return s.caption(rng);
    default:
        return s.text(rng);
    }
}

std::vector<Sample> SampleGenerator::batch(std::size_t count) {
    std::vector<Sample> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(next());
    return out;
}

const World& SampleGenerator::world() const {
    return state_->world;
}
const SampleOptions& SampleGenerator::options() const {
    return state_->options;
}
const std::vector<int>& SampleGenerator::auxLabelSizes() const {
    return state_->aux.sizes();
}
const std::vector<std::string>& SampleGenerator::auxLabelNames() const {
    return state_->aux.names();
}
const std::vector<std::vector<std::string>>& SampleGenerator::auxLabelWords() const {
    return state_->aux.words();
}

std::vector<std::string> SampleGenerator::corpus() const {
    return Corpus(state_->world, state_->maker).texts();
}

std::vector<std::string> SampleGenerator::answerVocabulary() const {
    return Corpus(state_->world, state_->maker).answers();
}

} // namespace unike::world
