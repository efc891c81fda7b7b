#include "world/GlyphDesigner.h"

namespace unike::world {

// A flag on a pole. The field spans x in [-0.7, 0.95], y in [-0.8, 0.2]; `variant` picks its
// emblem, so flags of one pattern still differ.
std::vector<GlyphPart> GlyphDesigner::flag(const std::string& d, const GlyphColours& c,
                                           int variant) {
    using P = Primitive;
    const double cx = 0.125, cy = -0.3, hw = 0.825, hh = 0.5;
    std::vector<GlyphPart> g;
    g.push_back(glyphPart(P::Rectangle, Rgb{90, 70, 50}, -0.8, 0.05, 0.05, 0.95));
    g.push_back(glyphPart(P::Ellipse, Rgb{200, 170, 60}, -0.8, -0.9, 0.09, 0.09));
    g.push_back(glyphPart(P::Rectangle, c.main, cx, cy, hw, hh));
    const Primitive emblems[] = {P::Star, P::Ellipse, P::Diamond, P::Heart, P::Crescent};
    const Primitive emblem = emblems[variant % 5];
    if (d == "bands") {
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, hw, hh / 3));
        g.push_back(glyphPart(emblem, c.detail, cx, cy, 0.12, 0.12));
    } else if (d == "stripes") {
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, hw / 3, hh));
        g.push_back(glyphPart(emblem, c.detail, cx, cy, 0.16, 0.16));
    } else if (d == "cross") {
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, hw, 0.1));
        g.push_back(glyphPart(P::Rectangle, c.accent, -0.25, cy, 0.1, hh));
        g.push_back(glyphPart(emblem, c.detail, 0.6, -0.6, 0.11, 0.11));
    } else if (d == "saltire") {
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, 0.09, 0.92, 59));
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, 0.09, 0.92, -59));
        g.push_back(glyphPart(emblem, c.detail, cx, cy, 0.13, 0.13));
    } else if (d == "canton") {
        g.push_back(glyphPart(P::Rectangle, c.accent, -0.3, -0.55, 0.4, 0.25));
        g.push_back(glyphPart(emblem, c.detail, -0.3, -0.55, 0.15, 0.15));
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, 0.1, hw, 0.06));
    } else if (d == "border") {
        g.push_back(glyphPart(P::Rectangle, c.accent, cx, cy, hw - 0.16, hh - 0.16));
        g.push_back(glyphPart(emblem, c.main, cx, cy, 0.17, 0.17));
    } else if (d == "disc") {
        g.push_back(glyphPart(P::Ellipse, c.accent, cx, cy, 0.35, 0.35));
        g.push_back(glyphPart(emblem, c.detail, cx, cy, 0.14, 0.14));
    } else if (d == "chevron") {
        g.push_back(glyphPart(P::Triangle, c.accent, -0.4, cy, hh, 0.3, 90));
        g.push_back(glyphPart(emblem, c.detail, -0.5, cy, 0.11, 0.11));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.55, cy, 0.3, 0.05));
    }
    return g;
}

} // namespace unike::world
