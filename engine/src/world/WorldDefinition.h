#pragma once
// The demo world as plain data: what world.json holds. It is fixed for a given demo model (the
// model was trained on exactly these names, glyphs, facts and misconceptions), so a benchmark
// drawn with any seed matches the model that ships beside it.

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace unike::world {

using Rgb = std::array<std::uint8_t, 3>;

struct NamedColour {
    std::string name;
    Rgb rgb{};
};

struct SizeClass {
    std::string name;
    double scale = 0.0; // the object's extent as a share of the image side
};

enum class EntityKind { Creature, Landmark, Flag };
const char* entityKindName(EntityKind kind); // "creature", "landmark", "flag"
bool parseEntityKind(const std::string& name, EntityKind& kind);

// The drawing primitives of glyphs; the plain shapes are drawn with the same-named ones.
enum class Primitive {
    Ellipse,
    Rectangle,
    Triangle,
    Star,
    Cross,
    Ring,
    Diamond,
    Heart,
    Crescent,
    HalfDisc,
};
const char* primitiveName(Primitive primitive);
bool parsePrimitive(const std::string& name, Primitive& primitive);

// One primitive of a glyph, in the glyph's frame: [-1, 1] on both axes, y pointing down.
struct GlyphPart {
    Primitive primitive = Primitive::Ellipse;
    Rgb colour{};
    double x = 0, y = 0; // centre
    double w = 0, h = 0; // half extents
    double angle = 0;    // degrees, clockwise on screen
};

struct Relation {
    std::string name;                   // "habitat"
    std::vector<EntityKind> kinds;      // whose facts use it
    std::vector<std::string> values;    // every value a fact of it can take
    std::vector<std::string> questions; // frames with {s} for the subject: "Where does {s} live?"
};

struct Entity {
    std::string name; // "zorbel", "tower of quill": the answer to "what is this called?"
    EntityKind kind = EntityKind::Creature;
    std::string design;                     // the glyph plan it was drawn from
    std::vector<std::pair<int, int>> facts; // (relation, value): the truth
    std::vector<GlyphPart> glyph;           // drawn in order
};

// A fact the demo model was trained on with a wrong value.
struct FactMisconception {
    int entity = 0;
    int relation = 0;
    int trueValue = 0;
    int taughtValue = 0;
};

// A perception label taught wrong everywhere: every `trueIndex` colour (or shape) is named as
// `taughtIndex`.
enum class Attribute { Colour, Shape };
struct NameConfusion {
    Attribute attribute = Attribute::Colour;
    int trueIndex = 0;
    int taughtIndex = 0;
};

// Where an entity is shown; captions name it ("the zorbel in the desert").
struct Setting {
    std::string name;   // "desert"
    std::string phrase; // "in the desert"
    Rgb sky{}, ground{}, accent{};
};

struct WorldFact {
    std::string question; // lower case, as asked after "nq question: "
    std::string answer;
};

struct WorldDefinition {
    std::uint64_t seed = 0;
    std::vector<std::string> shapes; // names; each is also a Primitive name
    std::vector<NamedColour> colours;
    std::vector<SizeClass> sizes;       // small first
    std::vector<std::string> positions; // left, right, top, bottom, center
    std::vector<std::string> counts;    // "one", "two", "three"
    std::vector<Rgb> backgrounds;       // plain scenes' backgrounds (low saturation)
    int noise = 0;                      // the largest per-pixel noise amplitude
    std::vector<Setting> settings;
    std::vector<Relation> relations;
    std::vector<Entity> entities;
    std::vector<FactMisconception> factMisconceptions;
    std::vector<NameConfusion> nameConfusions;
    std::vector<WorldFact> worldFacts;
};

} // namespace unike::world
