#pragma once
// Procedural glyphs for the world's entities: each is several primitives in two or three
// colours, laid out after a design (a beetle, a tower, a flag with a cross...). Entities sharing a
// design differ in colours and in a variant detail, so every glyph is its own picture and none
// looks like a plain one-colour shape.

#include "world/WorldDefinition.h"

#include <string>
#include <vector>

namespace unike::world {

struct GlyphColours {
    Rgb main{};   // the body, the building, the flag's field
    Rgb accent{}; // the parts that set it apart
    Rgb detail{}; // eyes, windows, emblems: dark on light bodies, light on dark ones
};

class GlyphDesigner {
public:
    static const std::vector<std::string>& designs(EntityKind kind);
    // Throws Error(InvalidInput) for a design `kind` does not have.
    static std::vector<GlyphPart> draw(EntityKind kind, const std::string& design,
                                       const GlyphColours& colours, int variant);

private:
    static std::vector<GlyphPart> creature(const std::string& design, const GlyphColours& c,
                                           int variant);
    static std::vector<GlyphPart> landmark(const std::string& design, const GlyphColours& c,
                                           int variant);
    static std::vector<GlyphPart> flag(const std::string& design, const GlyphColours& c,
                                       int variant);
};

// One part, in the glyph frame ([-1, 1], y down); angle in degrees, clockwise.
inline GlyphPart glyphPart(Primitive p, const Rgb& colour, double x, double y, double w, double h,
                           double angle = 0) {
    return GlyphPart{p, colour, x, y, w, h, angle};
}

} // namespace unike::world
