#include "world/QuestionMaker.h"

#include <unike/Error.h>

#include <algorithm>

namespace unike::world {

std::string Question::prompt() const {
    switch (task) {
    case TaskKind::PerceptionVqa:
    case TaskKind::KnowledgeVqa:
        return "Question: " + text + " Short answer:"; // EasyEdit's VQA template
    case TaskKind::Caption:
        return text;
    case TaskKind::TextQa:
        break;
    }
    return "nq question: " + text;
}

QuestionMaker::QuestionMaker(const World& world, const QuestionBank& bank)
    : world_(world)
    , bank_(bank)
    , captions_(world) {}

Question QuestionMaker::start(const std::string& type, int templateIndex, const Slots& fill) const {
    const QuestionType& t = bank_.type(type);
    Question q;
    q.type = type;
    q.templateIndex = templateIndex;
    q.heldOut = t.heldOut(templateIndex);
    q.task = t.task;
    q.text = t.phrase(templateIndex, fill);
    return q;
}

void QuestionMaker::setAnswers(Question& q, const std::string& taught, const std::string& truth,
                               const std::vector<std::string>& all) {
    q.answer = taught;
    q.trueAnswer = truth;
    for (const std::string& a : all)
        if (a != taught && a != truth &&
            std::find(q.otherAnswers.begin(), q.otherAnswers.end(), a) == q.otherAnswers.end())
            q.otherAnswers.push_back(a);
}

Question QuestionMaker::perception(const Scene& scene, int object, const std::string& type,
                                   int templateIndex) const {
    if (scene.isEntityView() || object < 0 || object >= int(scene.objects.size()))
        throw Error(ErrorKind::Internal, "a perception question needs an object of a plain scene");
    const auto& d = world_.definition();
    const SceneObject& o = scene.objects[std::size_t(object)];
    const Slots fill{world_.shapeName(o.shape, true), world_.colourName(o.colour, true),
                     d.sizes[std::size_t(o.size)].name, "", ""};
    Question q = start(type, templateIndex, fill);
    // Wrong answers come from the names the model uses: a confused name (it calls every ring a
    // circle) is never the target of a counterfactual, only of a correction.
    if (type == "colour") {
        std::vector<std::string> all;
        for (int c = 0; c < world_.colourCount(); ++c)
            if (!world_.isConfusedColour(c))
                all.push_back(d.colours[std::size_t(c)].name);
        setAnswers(q, world_.colourName(o.colour, true), world_.colourName(o.colour, false), all);
    } else if (type == "shape") {
        std::vector<std::string> all;
        for (int s = 0; s < world_.shapeCount(); ++s)
            if (!world_.isConfusedShape(s))
                all.push_back(d.shapes[std::size_t(s)]);
        setAnswers(q, world_.shapeName(o.shape, true), world_.shapeName(o.shape, false), all);
    } else if (type == "size") {
        std::vector<std::string> all;
        for (const auto& s : d.sizes)
            all.push_back(s.name);
        setAnswers(q, all[std::size_t(o.size)], all[std::size_t(o.size)], all);
    } else if (type == "position") {
        const std::string& where = d.positions[std::size_t(o.position)];
        setAnswers(q, where, where, d.positions);
    } else if (type == "count") {
        const std::string& n = d.counts[scene.objects.size() - 1];
        setAnswers(q, n, n, d.counts);
    } else {
        throw Error(ErrorKind::Internal, "'" + type + "' is not a perception question type");
    }
    return q;
}

Question QuestionMaker::knowledge(const Scene& scene, const std::string& type,
                                  int templateIndex) const {
    if (!scene.isEntityView())
        throw Error(ErrorKind::Internal, "a knowledge question needs an entity view");
    const Entity& e = world_.entity(scene.entity);
    Question q = start(type, templateIndex, {"", "", "", entityKindName(e.kind), ""});
    if (type == "identity") {
        std::vector<std::string> all;
        for (const Entity& other : world_.definition().entities)
            if (other.kind == e.kind)
                all.push_back(other.name);
        setAnswers(q, e.name, e.name, all);
        return q;
    }
    const int r = world_.relationIndex(type);
    if (r < 0 || world_.factValue(scene.entity, r) < 0)
        throw Error(ErrorKind::Internal, e.name + " has no '" + type + "' fact");
    const auto& values = world_.relation(r).values;
    setAnswers(q, values[std::size_t(world_.taughtFactValue(scene.entity, r))],
               values[std::size_t(world_.factValue(scene.entity, r))], values);
    return q;
}

Question QuestionMaker::entityFact(int entity, int relation, int templateIndex) const {
    const Relation& r = world_.relation(relation);
    if (world_.factValue(entity, relation) < 0)
        throw Error(ErrorKind::Internal, world_.entity(entity).name + " has no fact " + r.name);
    Question q =
        start("text_" + r.name, templateIndex, {"", "", "", "", world_.entityPhrase(entity)});
    setAnswers(q, r.values[std::size_t(world_.taughtFactValue(entity, relation))],
               r.values[std::size_t(world_.factValue(entity, relation))], r.values);
    return q;
}

Question QuestionMaker::worldFact(int index) const {
    const auto& facts = world_.definition().worldFacts;
    const WorldFact& f = facts.at(std::size_t(index));
    Question q = start("world_fact", 0, {"", "", "", "", f.question});
    std::vector<std::string> all;
    for (const WorldFact& other : facts)
        all.push_back(other.answer);
    setAnswers(q, f.answer, f.answer, all);
    return q;
}

Question QuestionMaker::caption(const Scene& scene, int templateIndex) const {
    Question q = start("caption", templateIndex, {});
    setAnswers(q, captions_.describe(scene, true), captions_.describe(scene, false),
               captions_.alternatives(scene));
    return q;
}

} // namespace unike::world
