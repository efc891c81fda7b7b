#include "world/World.h"

#include "world/WorldGenerator.h"

#include <unike/Error.h>

#include <algorithm>
#include <set>

namespace unike::world {
namespace {

[[noreturn]] void inconsistent(const std::string& problem) {
    throw Error(ErrorKind::InvalidInput, "the world definition is inconsistent: " + problem);
}

template <class T, class Name>
void requireUniqueNames(const std::vector<T>& items, Name name, const std::string& what) {
    std::set<std::string> seen;
    for (const T& item : items) {
        if (name(item).empty())
            inconsistent("a " + what + " has an empty name");
        if (!seen.insert(name(item)).second)
            inconsistent("the " + what + " '" + name(item) + "' appears twice");
    }
}

} // namespace

World World::generate(std::uint64_t seed) {
    return World(WorldGenerator::generate(seed));
}

World::World(WorldDefinition definition)
    : d_(std::move(definition)) {
    validate();
}

void World::validate() const {
    requireUniqueNames(
        d_.shapes, [](const std::string& s) { return s; }, "shape");
    for (const std::string& shape : d_.shapes) {
        Primitive p;
        if (!parsePrimitive(shape, p))
            inconsistent("the shape '" + shape + "' has no drawing");
    }
    requireUniqueNames(
        d_.colours, [](const NamedColour& c) { return c.name; }, "colour");
    if (d_.shapes.size() < 3 || d_.colours.size() < 3)
        inconsistent("it needs at least 3 shapes and 3 colours");
    if (d_.sizes.size() != 2 || d_.sizes[0].scale <= 0 || d_.sizes[1].scale <= d_.sizes[0].scale)
        inconsistent("it needs two sizes, small then large");
    if (d_.positions.size() != 5 || d_.counts.size() != std::size_t(kMaxObjects))
        inconsistent("it needs 5 position names and 3 count names");
    if (d_.backgrounds.empty() || d_.noise < 0 || d_.noise > 64)
        inconsistent("it needs backgrounds and a noise amplitude of 0 to 64");
    requireUniqueNames(
        d_.settings, [](const Setting& s) { return s.name; }, "setting");
    if (d_.settings.empty())
        inconsistent("it has no settings");
    requireUniqueNames(
        d_.relations, [](const Relation& r) { return r.name; }, "relation");
    for (const Relation& r : d_.relations) {
        if (r.values.size() < 3 || r.kinds.empty() || r.questions.empty())
            inconsistent("the relation '" + r.name + "' needs 3 values, kinds and questions");
        for (const std::string& q : r.questions)
            if (q.find("{s}") == std::string::npos)
                inconsistent("a question of '" + r.name + "' has no {s} for its subject");
    }
    requireUniqueNames(
        d_.entities, [](const Entity& e) { return e.name; }, "entity");
    for (const Entity& e : d_.entities) {
        if (e.glyph.empty())
            inconsistent("the entity '" + e.name + "' has no glyph");
        std::set<int> relations;
        for (const auto& [relation, value] : e.facts) {
            if (relation < 0 || relation >= int(d_.relations.size()))
                inconsistent("a fact of '" + e.name + "' names no relation");
            const Relation& r = d_.relations[std::size_t(relation)];
            if (value < 0 || value >= int(r.values.size()))
                inconsistent("the '" + r.name + "' fact of '" + e.name + "' has no such value");
            if (std::find(r.kinds.begin(), r.kinds.end(), e.kind) == r.kinds.end())
                inconsistent("a " + std::string(entityKindName(e.kind)) + " like '" + e.name +
                             "' cannot have a '" + r.name + "' fact");
            if (!relations.insert(relation).second)
                inconsistent("'" + e.name + "' has two '" + r.name + "' facts");
        }
    }
    std::set<std::pair<int, int>> mislearned;
    for (const FactMisconception& m : d_.factMisconceptions) {
        if (m.entity < 0 || m.entity >= entityCount() || m.relation < 0 ||
            m.relation >= int(d_.relations.size()))
            inconsistent("a misconception names no entity or relation");
        const auto& facts = d_.entities[std::size_t(m.entity)].facts;
        const auto fact = std::find_if(facts.begin(), facts.end(),
                                       [&](const auto& f) { return f.first == m.relation; });
        const int values = int(d_.relations[std::size_t(m.relation)].values.size());
        if (fact == facts.end() || fact->second != m.trueValue || m.taughtValue == m.trueValue ||
            m.taughtValue < 0 || m.taughtValue >= values)
            inconsistent("the misconception about '" + d_.entities[std::size_t(m.entity)].name +
                         "' does not match its fact or teaches the truth");
        if (!mislearned.insert({m.entity, m.relation}).second)
            inconsistent("a fact is mislearned twice");
    }
    std::set<std::pair<Attribute, int>> confused, lookAlikes;
    for (const NameConfusion& c : d_.nameConfusions) {
        const int n = c.attribute == Attribute::Colour ? colourCount() : shapeCount();
        if (c.trueIndex < 0 || c.trueIndex >= n || c.taughtIndex < 0 || c.taughtIndex >= n ||
            c.trueIndex == c.taughtIndex)
            inconsistent("a perception misconception names no colour or shape");
        confused.insert({c.attribute, c.trueIndex});
        lookAlikes.insert({c.attribute, c.taughtIndex});
    }
    for (const auto& key : confused)
        if (lookAlikes.count(key))
            inconsistent("a confused name is also another's look-alike");
    if (confused.size() != d_.nameConfusions.size())
        inconsistent("a colour or shape is confused twice");
    for (const WorldFact& f : d_.worldFacts)
        if (f.question.empty() || f.answer.empty())
            inconsistent("a world fact has an empty question or answer");
}

int World::relationIndex(const std::string& name) const {
    for (std::size_t i = 0; i < d_.relations.size(); ++i)
        if (d_.relations[i].name == name)
            return int(i);
    return -1;
}

int World::taughtColour(int colour) const {
    for (const NameConfusion& c : d_.nameConfusions)
        if (c.attribute == Attribute::Colour && c.trueIndex == colour)
            return c.taughtIndex;
    return colour;
}

int World::taughtShape(int shape) const {
    for (const NameConfusion& c : d_.nameConfusions)
        if (c.attribute == Attribute::Shape && c.trueIndex == shape)
            return c.taughtIndex;
    return shape;
}

const std::string& World::colourName(int colour, bool taught) const {
    return d_.colours.at(std::size_t(taught ? taughtColour(colour) : colour)).name;
}

const std::string& World::shapeName(int shape, bool taught) const {
    return d_.shapes.at(std::size_t(taught ? taughtShape(shape) : shape));
}

std::vector<int> World::relationsOf(int index) const {
    std::vector<int> out;
    for (const auto& fact : entity(index).facts)
        out.push_back(fact.first);
    return out;
}

int World::factValue(int index, int relation) const {
    for (const auto& [r, value] : entity(index).facts)
        if (r == relation)
            return value;
    return -1;
}

int World::taughtFactValue(int index, int relation) const {
    for (const FactMisconception& m : d_.factMisconceptions)
        if (m.entity == index && m.relation == relation)
            return m.taughtValue;
    return factValue(index, relation);
}

} // namespace unike::world
