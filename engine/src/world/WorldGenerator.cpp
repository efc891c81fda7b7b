#include "world/WorldGenerator.h"

#include "world/GlyphDesigner.h"
#include "world/NameMaker.h"
#include "world/Rng.h"
#include "world/WorldCatalog.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace unike::world {
namespace {

int colourDistance(const Rgb& a, const Rgb& b) {
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

// Every word the world already uses, so that no invented name collides with one.
std::set<std::string> reservedWords(const WorldDefinition& d) {
    std::set<std::string> words;
    auto add = [&](const std::string& text) {
        std::istringstream in(text);
        std::string word;
        while (in >> word)
            words.insert(word);
    };
    for (const auto& s : d.shapes)
        add(s);
    for (const auto& c : d.colours)
        add(c.name);
    for (const auto& r : d.relations)
        for (const auto& v : r.values)
            add(v);
    for (const auto& s : d.settings)
        add(s.name);
    for (EntityKind kind : {EntityKind::Creature, EntityKind::Landmark, EntityKind::Flag})
        for (const auto& design : GlyphDesigner::designs(kind))
            add(design);
    for (const char* w :
         {"this", "that", "then", "thin", "than", "shin", "ship", "shop", "stop", "boon", "moon",
          "noon", "soon", "tool", "pool", "fool", "cool", "book", "look", "took", "room", "boom",
          "doom", "loom", "zoom", "mail", "tail", "rail", "sail", "nail", "fail", "pail", "kill",
          "bill", "fill", "mill", "pill", "till", "will", "sell", "tell", "bell", "dell", "fell",
          "well", "doll", "poll", "toll", "roll", "full", "pull", "bull", "dull"})
        words.insert(w);
    return words;
}

// (main, accent) pairs that stand apart from each other, shuffled by the seed.
std::vector<std::pair<Rgb, Rgb>> colourPairs(Rng& rng) {
    const std::vector<Rgb> palette = WorldCatalog::glyphColours();
    std::vector<std::pair<Rgb, Rgb>> pairs;
    for (const Rgb& a : palette)
        for (const Rgb& b : palette)
            if (colourDistance(a, b) >= 220)
                pairs.push_back({a, b});
    rng.shuffle(pairs);
    return pairs;
}

// Eyes, windows and emblems: dark or light, whichever stands further from both colours.
Rgb detailFor(const Rgb& main, const Rgb& accent) {
    const Rgb dark{25, 25, 25}, light{245, 245, 245};
    const int darkGap = std::min(colourDistance(dark, main), colourDistance(dark, accent));
    const int lightGap = std::min(colourDistance(light, main), colourDistance(light, accent));
    return darkGap >= lightGap ? dark : light;
}

void addEntities(WorldDefinition& d, Rng& rng) {
    NameMaker names(rng, reservedWords(d));
    const std::vector<std::pair<Rgb, Rgb>> pairs = colourPairs(rng);
    std::size_t nextPair = 0;
    std::map<std::string, std::vector<std::pair<Rgb, Rgb>>> coloursByDesign;
    const std::pair<EntityKind, int> plan[] = {{EntityKind::Creature, WorldGenerator::kCreatures},
                                               {EntityKind::Landmark, WorldGenerator::kLandmarks},
                                               {EntityKind::Flag, WorldGenerator::kFlags}};
    for (const auto& [kind, count] : plan) {
        std::vector<std::string> designs = GlyphDesigner::designs(kind);
        rng.shuffle(designs);
        for (int i = 0; i < count; ++i) {
            Entity e;
            e.kind = kind;
            e.design = designs[std::size_t(i) % designs.size()];
            const int variant = i / int(designs.size());
            // Entities of one design differ in both colours, by far, so their glyphs differ
            // over most of their area, not only in a detail.
            std::pair<Rgb, Rgb> colours = pairs[nextPair++ % pairs.size()];
            auto& used = coloursByDesign[e.design];
            while (std::any_of(used.begin(), used.end(), [&](const std::pair<Rgb, Rgb>& u) {
                return colourDistance(u.first, colours.first) < 200 ||
                       colourDistance(u.second, colours.second) < 150;
            }))
                colours = pairs[nextPair++ % pairs.size()];
            used.push_back(colours);
            e.glyph = GlyphDesigner::draw(
                kind, e.design,
                {colours.first, colours.second, detailFor(colours.first, colours.second)}, variant);
            if (kind == EntityKind::Creature)
                e.name = names.creature();
            else if (kind == EntityKind::Landmark)
                e.name = e.design + " of " + names.place();
            else
                e.name = "flag of " + names.place();
            for (std::size_t r = 0; r < d.relations.size(); ++r) {
                const Relation& relation = d.relations[r];
                if (std::find(relation.kinds.begin(), relation.kinds.end(), kind) !=
                    relation.kinds.end())
                    e.facts.push_back({int(r), rng.uniformInt(0, int(relation.values.size()) - 1)});
            }
            d.entities.push_back(std::move(e));
        }
    }
}

// About one fact in ten, at most one per entity, is taught with another value of its relation.
void addMisconceptions(WorldDefinition& d, Rng& rng) {
    std::size_t facts = 0;
    for (const Entity& e : d.entities)
        facts += e.facts.size();
    const std::size_t wanted = std::min(
        d.entities.size(), std::size_t(std::lround(facts * WorldGenerator::kMisconceptionShare)));
    std::vector<int> order(d.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    rng.shuffle(order);
    order.resize(wanted);
    std::sort(order.begin(), order.end());
    for (int entity : order) {
        const auto& fact = rng.pick(d.entities[std::size_t(entity)].facts);
        const int values = int(d.relations[std::size_t(fact.first)].values.size());
        int taught = rng.uniformInt(0, values - 2);
        if (taught >= fact.second)
            ++taught;
        d.factMisconceptions.push_back({entity, fact.first, fact.second, taught});
    }
}

int indexOf(const std::vector<std::string>& names, const std::string& name) {
    return int(std::find(names.begin(), names.end(), name) - names.begin());
}

void addConfusions(WorldDefinition& d, Rng& rng) {
    std::vector<std::string> colourNames;
    for (const auto& c : d.colours)
        colourNames.push_back(c.name);
    auto colours = WorldCatalog::colourConfusions();
    auto shapes = WorldCatalog::shapeConfusions();
    rng.shuffle(colours);
    rng.shuffle(shapes);
    for (int i = 0; i < WorldGenerator::kColourConfusions; ++i)
        d.nameConfusions.push_back({Attribute::Colour, indexOf(colourNames, colours[i].first),
                                    indexOf(colourNames, colours[i].second)});
    for (int i = 0; i < WorldGenerator::kShapeConfusions; ++i)
        d.nameConfusions.push_back({Attribute::Shape, indexOf(d.shapes, shapes[i].first),
                                    indexOf(d.shapes, shapes[i].second)});
}

} // namespace

WorldDefinition WorldGenerator::generate(std::uint64_t seed) {
    WorldDefinition d;
    d.seed = seed;
    d.shapes = WorldCatalog::shapes();
    d.colours = WorldCatalog::colours();
    d.sizes = WorldCatalog::sizes();
    d.positions = WorldCatalog::positions();
    d.counts = WorldCatalog::counts();
    d.backgrounds = WorldCatalog::backgrounds();
    d.noise = 10;
    d.settings = WorldCatalog::settings();
    d.relations = WorldCatalog::relations();
    d.worldFacts = WorldCatalog::worldFacts();
    Rng rng = Rng::derive(seed, "world");
    addEntities(d, rng);
    addMisconceptions(d, rng);
    addConfusions(d, rng);
    return d;
}

} // namespace unike::world
