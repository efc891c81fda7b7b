#include "world/GlyphDesigner.h"

namespace unike::world {

// Buildings stand on the bottom of the glyph frame; `variant` changes the windows or the top.
std::vector<GlyphPart> GlyphDesigner::landmark(const std::string& d, const GlyphColours& c,
                                               int variant) {
    using P = Primitive;
    std::vector<GlyphPart> g;
    const bool marked = variant % 2 == 1;
    if (d == "tower") {
        g.push_back(glyphPart(P::Rectangle, c.main, 0, 0.25, 0.3, 0.72));
        g.push_back(glyphPart(P::Triangle, c.accent, 0, -0.7, 0.45, 0.28));
        for (int i = 0; i < 3; ++i)
            g.push_back(glyphPart(marked ? P::Ellipse : P::Rectangle, c.detail, 0, -0.15 + i * 0.35,
                                  0.09, 0.1));
    } else if (d == "arch") {
        g.push_back(glyphPart(P::Rectangle, c.main, -0.55, 0.25, 0.17, 0.72));
        g.push_back(glyphPart(P::Rectangle, c.main, 0.55, 0.25, 0.17, 0.72));
        g.push_back(glyphPart(P::Rectangle, c.main, 0, -0.55, 0.78, 0.18));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0, -0.82, 0.88, 0.08));
        g.push_back(glyphPart(marked ? P::Star : P::Diamond, c.detail, 0, -0.55, 0.16, 0.16));
        g.push_back(glyphPart(P::Rectangle, c.detail, -0.55, 0.2, 0.06, 0.3));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.55, 0.2, 0.06, 0.3));
    } else if (d == "dome") {
        g.push_back(glyphPart(P::Rectangle, c.main, 0, 0.55, 0.75, 0.38));
        g.push_back(glyphPart(P::HalfDisc, c.accent, 0, 0.17, 0.62, 0.62));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0, -0.55, 0.04, 0.18));
        g.push_back(glyphPart(marked ? P::Crescent : P::Ellipse, c.detail, 0, -0.75, 0.1, 0.1));
        for (int i = -1; i <= 1; ++i)
            g.push_back(glyphPart(P::Rectangle, c.detail, i * 0.45, 0.6, 0.08, 0.2));
    } else if (d == "pyramid") {
        g.push_back(glyphPart(P::Triangle, c.main, 0, 0.15, 0.95, 0.8));
        g.push_back(glyphPart(P::Triangle, c.accent, 0, -0.39, 0.3, 0.26));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0, 0.78, 0.12, 0.17));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0, 0.45, 0.55, 0.05));
        g.push_back(glyphPart(marked ? P::Star : P::Ellipse, c.detail, 0, 0.15, 0.12, 0.12));
    } else if (d == "castle") {
        g.push_back(glyphPart(P::Rectangle, c.main, 0, 0.35, 0.85, 0.55));
        for (int i = -2; i <= 2; ++i)
            g.push_back(glyphPart(P::Rectangle, c.main, i * 0.38, -0.3, 0.11, 0.13));
        g.push_back(glyphPart(P::HalfDisc, c.detail, 0, 0.9, 0.22, 0.4));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0, -0.62, 0.025, 0.25));
        g.push_back(glyphPart(P::Triangle, c.accent, 0.15, -0.75, 0.1, 0.14, 90));
        if (marked)
            g.push_back(glyphPart(P::Rectangle, c.accent, 0, 0.0, 0.85, 0.05));
    } else if (d == "windmill") {
        g.push_back(glyphPart(P::Triangle, c.main, 0, 0.4, 0.4, 0.6));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0, -0.35, 0.08, 0.62, marked ? 30 : 45));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0, -0.35, 0.08, 0.62, marked ? -60 : -45));
        g.push_back(glyphPart(P::Ellipse, c.detail, 0, -0.35, 0.1, 0.1));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0, 0.8, 0.1, 0.18));
    } else if (d == "lighthouse") {
        g.push_back(glyphPart(P::Rectangle, c.main, 0, 0.3, 0.32, 0.68));
        for (int i = 0; i < 3; ++i)
            g.push_back(glyphPart(P::Rectangle, c.accent, 0, 0.05 + i * 0.4, 0.32, 0.1));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0, -0.45, 0.4, 0.07));
        g.push_back(
            glyphPart(marked ? P::Star : P::Ellipse, Rgb{255, 230, 60}, 0, -0.68, 0.2, 0.2));
    } else if (d == "bridge") {
        g.push_back(glyphPart(P::Rectangle, c.main, -0.6, 0.15, 0.1, 0.75));
        g.push_back(glyphPart(P::Rectangle, c.main, 0.6, 0.15, 0.1, 0.75));
        g.push_back(glyphPart(P::Rectangle, c.accent, -0.3, -0.2, 0.03, 0.42, marked ? -50 : -35));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0.3, -0.2, 0.03, 0.42, marked ? 50 : 35));
        g.push_back(glyphPart(P::Rectangle, c.main, 0, 0.3, 0.98, 0.1));
        g.push_back(glyphPart(P::HalfDisc, c.detail, 0, 0.95, 0.35, 0.5));
    }
    return g;
}

} // namespace unike::world
