// world.json: the world definition as it ships beside a demo model. Names, not indices, link
// facts and misconceptions to relations and values, so the file reads (and diffs) like prose.

#include "world/World.h"

#include <unike/Error.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace unike::world {
namespace {

using ojson = nlohmann::ordered_json;
constexpr const char* kFormat = "unike-world";
constexpr int kVersion = 1;

ojson rgbJson(const Rgb& c) {
    return ojson::array({c[0], c[1], c[2]});
}

Rgb rgbFrom(const nlohmann::json& j) {
    if (!j.is_array() || j.size() != 3)
        throw std::runtime_error("a colour is not [r, g, b]");
    Rgb c{};
    for (std::size_t i = 0; i < 3; ++i) {
        const int v = j.at(i).get<int>();
        if (v < 0 || v > 255)
            throw std::runtime_error("a colour channel is outside 0..255");
        c[i] = std::uint8_t(v);
    }
    return c;
}

int indexIn(const std::vector<std::string>& names, const std::string& name,
            const std::string& what) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw std::runtime_error("'" + name + "' is not a known " + what);
    return int(it - names.begin());
}

const char* attributeName(Attribute a) {
    return a == Attribute::Colour ? "colour" : "shape";
}

std::vector<std::string> colourNames(const WorldDefinition& d) {
    std::vector<std::string> names;
    for (const auto& c : d.colours)
        names.push_back(c.name);
    return names;
}

std::vector<std::string> entityNames(const WorldDefinition& d) {
    std::vector<std::string> names;
    for (const auto& e : d.entities)
        names.push_back(e.name);
    return names;
}

std::vector<std::string> relationNames(const WorldDefinition& d) {
    std::vector<std::string> names;
    for (const auto& r : d.relations)
        names.push_back(r.name);
    return names;
}

WorldDefinition definitionFrom(const nlohmann::json& j) {
    if (j.value("format", "") != kFormat)
        throw std::runtime_error("it is not a world file (no \"format\": \"unike-world\")");
    if (j.at("version").get<int>() != kVersion)
        throw std::runtime_error("version " + j.at("version").dump() +
                                 " is not supported; this build reads version 1");
    WorldDefinition d;
    d.seed = j.at("seed").get<std::uint64_t>();
    d.shapes = j.at("shapes").get<std::vector<std::string>>();
    for (const auto& c : j.at("colours"))
        d.colours.push_back({c.at("name").get<std::string>(), rgbFrom(c.at("rgb"))});
    for (const auto& s : j.at("sizes"))
        d.sizes.push_back({s.at("name").get<std::string>(), s.at("scale").get<double>()});
    d.positions = j.at("positions").get<std::vector<std::string>>();
    d.counts = j.at("counts").get<std::vector<std::string>>();
    for (const auto& b : j.at("backgrounds"))
        d.backgrounds.push_back(rgbFrom(b));
    d.noise = j.at("noise").get<int>();
    for (const auto& s : j.at("settings"))
        d.settings.push_back({s.at("name").get<std::string>(), s.at("phrase").get<std::string>(),
                              rgbFrom(s.at("sky")), rgbFrom(s.at("ground")),
                              rgbFrom(s.at("accent"))});
    for (const auto& r : j.at("relations")) {
        Relation relation;
        relation.name = r.at("name").get<std::string>();
        for (const auto& k : r.at("kinds")) {
            EntityKind kind;
            if (!parseEntityKind(k.get<std::string>(), kind))
                throw std::runtime_error("'" + k.get<std::string>() + "' is not an entity kind");
            relation.kinds.push_back(kind);
        }
        relation.values = r.at("values").get<std::vector<std::string>>();
        relation.questions = r.at("questions").get<std::vector<std::string>>();
        d.relations.push_back(std::move(relation));
    }
    const std::vector<std::string> relations = relationNames(d);
    for (const auto& e : j.at("entities")) {
        Entity entity;
        entity.name = e.at("name").get<std::string>();
        if (!parseEntityKind(e.at("kind").get<std::string>(), entity.kind))
            throw std::runtime_error("the entity '" + entity.name + "' has an unknown kind");
        entity.design = e.at("design").get<std::string>();
        for (const auto& [name, value] : e.at("facts").items()) {
            const int r = indexIn(relations, name, "relation");
            entity.facts.push_back({r, indexIn(d.relations[std::size_t(r)].values,
                                               value.get<std::string>(), name + " value")});
        }
        // In relation order, whatever order the file's object keeps (plain JSON sorts keys).
        std::sort(entity.facts.begin(), entity.facts.end());
        for (const auto& p : e.at("glyph")) {
            GlyphPart part;
            if (!parsePrimitive(p.at("primitive").get<std::string>(), part.primitive))
                throw std::runtime_error("'" + p.at("primitive").get<std::string>() +
                                         "' is not a glyph primitive");
            part.colour = rgbFrom(p.at("colour"));
            part.x = p.at("x").get<double>();
            part.y = p.at("y").get<double>();
            part.w = p.at("w").get<double>();
            part.h = p.at("h").get<double>();
            part.angle = p.at("angle").get<double>();
            entity.glyph.push_back(part);
        }
        d.entities.push_back(std::move(entity));
    }
    const auto& mis = j.at("misconceptions");
    const std::vector<std::string> entities = entityNames(d);
    for (const auto& m : mis.at("facts")) {
        FactMisconception fm;
        fm.entity = indexIn(entities, m.at("entity").get<std::string>(), "entity");
        fm.relation = indexIn(relations, m.at("relation").get<std::string>(), "relation");
        const auto& values = d.relations[std::size_t(fm.relation)].values;
        fm.trueValue = indexIn(values, m.at("true").get<std::string>(), "value");
        fm.taughtValue = indexIn(values, m.at("taught").get<std::string>(), "value");
        d.factMisconceptions.push_back(fm);
    }
    for (const auto& m : mis.at("perception")) {
        NameConfusion c;
        const std::string attribute = m.at("attribute").get<std::string>();
        if (attribute != "colour" && attribute != "shape")
            throw std::runtime_error("a perception misconception is about '" + attribute +
                                     "', not colour or shape");
        c.attribute = attribute == "colour" ? Attribute::Colour : Attribute::Shape;
        const auto names = c.attribute == Attribute::Colour ? colourNames(d) : d.shapes;
        c.trueIndex = indexIn(names, m.at("true").get<std::string>(), attribute);
        c.taughtIndex = indexIn(names, m.at("taught").get<std::string>(), attribute);
        d.nameConfusions.push_back(c);
    }
    for (const auto& f : j.at("world_facts"))
        d.worldFacts.push_back(
            {f.at("question").get<std::string>(), f.at("answer").get<std::string>()});
    return d;
}

} // namespace

nlohmann::ordered_json World::toJson() const {
    ojson j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["seed"] = d_.seed;
    j["shapes"] = d_.shapes;
    j["colours"] = ojson::array();
    for (const auto& c : d_.colours)
        j["colours"].push_back({{"name", c.name}, {"rgb", rgbJson(c.rgb)}});
    j["sizes"] = ojson::array();
    for (const auto& s : d_.sizes)
        j["sizes"].push_back({{"name", s.name}, {"scale", s.scale}});
    j["positions"] = d_.positions;
    j["counts"] = d_.counts;
    j["backgrounds"] = ojson::array();
    for (const auto& b : d_.backgrounds)
        j["backgrounds"].push_back(rgbJson(b));
    j["noise"] = d_.noise;
    j["settings"] = ojson::array();
    for (const auto& s : d_.settings)
        j["settings"].push_back({{"name", s.name},
                                 {"phrase", s.phrase},
                                 {"sky", rgbJson(s.sky)},
                                 {"ground", rgbJson(s.ground)},
                                 {"accent", rgbJson(s.accent)}});
    j["relations"] = ojson::array();
    for (const auto& r : d_.relations) {
        ojson kinds = ojson::array();
        for (EntityKind k : r.kinds)
            kinds.push_back(entityKindName(k));
        j["relations"].push_back(
            {{"name", r.name}, {"kinds", kinds}, {"values", r.values}, {"questions", r.questions}});
    }
    j["entities"] = ojson::array();
    for (const auto& e : d_.entities) {
        ojson facts = ojson::object();
        for (const auto& [r, v] : e.facts)
            facts[relation(r).name] = relation(r).values[std::size_t(v)];
        ojson glyph = ojson::array();
        for (const auto& p : e.glyph)
            glyph.push_back({{"primitive", primitiveName(p.primitive)},
                             {"colour", rgbJson(p.colour)},
                             {"x", p.x},
                             {"y", p.y},
                             {"w", p.w},
                             {"h", p.h},
                             {"angle", p.angle}});
        j["entities"].push_back({{"name", e.name},
                                 {"kind", entityKindName(e.kind)},
                                 {"design", e.design},
                                 {"facts", facts},
                                 {"glyph", glyph}});
    }
    ojson facts = ojson::array();
    for (const auto& m : d_.factMisconceptions) {
        const Relation& r = relation(m.relation);
        facts.push_back({{"entity", entity(m.entity).name},
                         {"relation", r.name},
                         {"true", r.values[std::size_t(m.trueValue)]},
                         {"taught", r.values[std::size_t(m.taughtValue)]}});
    }
    ojson perception = ojson::array();
    for (const auto& c : d_.nameConfusions) {
        const bool colour = c.attribute == Attribute::Colour;
        perception.push_back(
            {{"attribute", attributeName(c.attribute)},
             {"true", colour ? colourName(c.trueIndex, false) : shapeName(c.trueIndex, false)},
             {"taught",
              colour ? colourName(c.taughtIndex, false) : shapeName(c.taughtIndex, false)}});
    }
    j["misconceptions"] = {{"facts", facts}, {"perception", perception}};
    j["world_facts"] = ojson::array();
    for (const auto& f : d_.worldFacts)
        j["world_facts"].push_back({{"question", f.question}, {"answer", f.answer}});
    return j;
}

World World::fromJson(const nlohmann::json& json, const std::string& source) {
    WorldDefinition d;
    try {
        d = definitionFrom(json);
    } catch (const std::exception& e) {
        throw Error(ErrorKind::File, source + " is not a usable world file: " + e.what() +
                                         ". Regenerate it with the demo trainer, or use the "
                                         "world.json shipped beside the model");
    }
    try {
        return World(std::move(d));
    } catch (const Error& e) {
        throw Error(ErrorKind::File, source + " is not a usable world file: " + e.what());
    }
}

World World::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::File, path.string() + " cannot be opened; check that the model "
                                                     "folder holds a world.json");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorKind::File, path.string() + " is not valid JSON: " + e.what());
    } catch (const nlohmann::json::exception& e) { // a number too large to hold
        throw Error(ErrorKind::File, path.string() + " is not valid JSON: " + e.what());
    }
    return fromJson(json, path.string());
}

void World::save(const std::filesystem::path& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << toJson().dump(1) << '\n';
    out.flush();
    if (!out)
        throw Error(ErrorKind::File, "cannot write " + path.string() +
                                         "; check that the folder exists and has free space");
}

} // namespace unike::world
