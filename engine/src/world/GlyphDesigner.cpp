#include "world/GlyphDesigner.h"

#include <unike/Error.h>

namespace unike::world {
namespace {

constexpr Rgb kWhite{250, 250, 250};
constexpr Rgb kBlack{20, 20, 20};

} // namespace

const std::vector<std::string>& GlyphDesigner::designs(EntityKind kind) {
    static const std::vector<std::string> creatures = {"beetle", "bird", "fish",   "snail",
                                                       "jelly",  "bat",  "turtle", "worm"};
    // A landmark's design is also the first word of its name ("tower of quill").
    static const std::vector<std::string> landmarks = {
        "tower", "arch", "dome", "pyramid", "castle", "windmill", "lighthouse", "bridge"};
    static const std::vector<std::string> flags = {"bands",  "stripes", "cross", "saltire",
                                                   "canton", "border",  "disc",  "chevron"};
    switch (kind) {
    case EntityKind::Creature:
        return creatures;
    case EntityKind::Landmark:
        return landmarks;
    case EntityKind::Flag:
        break;
    }
    return flags;
}

std::vector<GlyphPart> GlyphDesigner::draw(EntityKind kind, const std::string& design,
                                           const GlyphColours& colours, int variant) {
    std::vector<GlyphPart> parts;
    switch (kind) {
    case EntityKind::Creature:
        parts = creature(design, colours, variant);
        break;
    case EntityKind::Landmark:
        parts = landmark(design, colours, variant);
        break;
    case EntityKind::Flag:
        parts = flag(design, colours, variant);
        break;
    }
    if (parts.empty())
        throw Error(ErrorKind::InvalidInput, std::string("a ") + entityKindName(kind) +
                                                 " cannot have the design '" + design + "'");
    return parts;
}

// Creatures face right; `variant` adds or moves a marking so two of a design never match.
std::vector<GlyphPart> GlyphDesigner::creature(const std::string& d, const GlyphColours& c,
                                               int variant) {
    using P = Primitive;
    std::vector<GlyphPart> g;
    auto eye = [&](double x, double y, double r) {
        g.push_back(glyphPart(P::Ellipse, kWhite, x, y, r, r));
        g.push_back(glyphPart(P::Ellipse, kBlack, x + r * 0.25, y, r * 0.5, r * 0.5));
    };
    const bool marked = variant % 2 == 1;
    if (d == "beetle") {
        for (int i = -1; i <= 1; ++i) {
            g.push_back(glyphPart(P::Rectangle, c.detail, i * 0.4, 0.55, 0.06, 0.35, i * 15));
            g.push_back(glyphPart(P::Rectangle, c.detail, i * 0.4, -0.35, 0.06, 0.3, -i * 15));
        }
        g.push_back(glyphPart(P::Ellipse, c.main, -0.1, 0.1, 0.75, 0.55));
        g.push_back(glyphPart(P::Rectangle, c.detail, -0.1, 0.1, 0.72, 0.04));
        g.push_back(glyphPart(P::Ellipse, c.accent, 0.75, 0.05, 0.28, 0.28));
        for (int i = 0; i < (marked ? 4 : 2); ++i)
            g.push_back(
                glyphPart(P::Ellipse, c.accent, -0.55 + i * 0.3, i % 2 ? 0.35 : -0.15, 0.12, 0.12));
        eye(0.85, -0.02, 0.1);
    } else if (d == "bird") {
        g.push_back(glyphPart(P::Rectangle, c.detail, -0.1, 0.75, 0.05, 0.25));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.15, 0.75, 0.05, 0.25));
        g.push_back(glyphPart(P::Triangle, c.accent, -0.75, 0.15, 0.3, 0.3, -90));
        g.push_back(glyphPart(P::Ellipse, c.main, -0.05, 0.15, 0.6, 0.45));
        g.push_back(glyphPart(P::Ellipse, c.main, 0.5, -0.4, 0.32, 0.32));
        g.push_back(glyphPart(P::Triangle, c.accent, 0.95, -0.38, 0.12, 0.18, 90));
        g.push_back(glyphPart(P::Ellipse, c.accent, -0.1, 0.05, 0.42, 0.2, marked ? -35 : -15));
        if (marked)
            g.push_back(glyphPart(P::Triangle, c.accent, 0.45, -0.8, 0.12, 0.15));
        eye(0.6, -0.45, 0.1);
    } else if (d == "fish") {
        g.push_back(glyphPart(P::Triangle, c.accent, -0.75, 0, 0.4, 0.3, 90));
        g.push_back(glyphPart(P::Triangle, c.accent, 0, -0.45, 0.3, 0.25));
        g.push_back(glyphPart(P::Ellipse, c.main, 0.05, 0, 0.72, 0.45));
        for (int i = 0; i < (marked ? 3 : 2); ++i)
            g.push_back(glyphPart(P::Rectangle, c.accent, -0.3 + i * 0.28, 0, 0.07, 0.32));
        eye(0.5, -0.1, 0.11);
    } else if (d == "snail") {
        g.push_back(glyphPart(P::Ellipse, c.main, 0.05, 0.62, 0.9, 0.2));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.72, 0.05, 0.03, 0.35, 20));
        g.push_back(glyphPart(P::Ellipse, c.detail, 0.84, -0.3, 0.08, 0.08));
        g.push_back(glyphPart(P::Ellipse, c.accent, -0.1, 0.05, 0.6, 0.6));
        g.push_back(glyphPart(P::Ring, c.main, -0.1, 0.05, 0.42, 0.42));
        g.push_back(
            glyphPart(P::Ellipse, c.detail, -0.1, 0.05, marked ? 0.18 : 0.1, marked ? 0.18 : 0.1));
    } else if (d == "jelly") {
        for (int i = 0; i < 5; ++i)
            g.push_back(glyphPart(P::Rectangle, c.accent, -0.5 + i * 0.25, 0.5, 0.06, 0.4,
                                  marked ? (i - 2) * 8 : 0));
        g.push_back(glyphPart(P::HalfDisc, c.main, 0, 0.1, 0.75, 0.75));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0, 0.12, 0.75, 0.06));
        eye(-0.25, -0.15, 0.13);
        eye(0.25, -0.15, 0.13);
    } else if (d == "bat") {
        g.push_back(glyphPart(P::Triangle, c.accent, -0.5, -0.05, 0.4, 0.48, -90));
        g.push_back(glyphPart(P::Triangle, c.accent, 0.5, -0.05, 0.4, 0.48, 90));
        g.push_back(glyphPart(P::Triangle, c.main, -0.15, -0.55, 0.1, 0.18));
        g.push_back(glyphPart(P::Triangle, c.main, 0.15, -0.55, 0.1, 0.18));
        g.push_back(glyphPart(P::Ellipse, c.main, 0, 0.05, 0.28, 0.5));
        if (marked)
            g.push_back(glyphPart(P::Diamond, c.detail, 0, 0.25, 0.12, 0.15));
        eye(-0.1, -0.2, 0.08);
        eye(0.1, -0.2, 0.08);
    } else if (d == "turtle") {
        g.push_back(glyphPart(P::Ellipse, c.accent, 0.78, 0.25, 0.22, 0.2));
        g.push_back(glyphPart(P::Rectangle, c.accent, -0.45, 0.5, 0.1, 0.18));
        g.push_back(glyphPart(P::Rectangle, c.accent, 0.35, 0.5, 0.1, 0.18));
        g.push_back(glyphPart(P::HalfDisc, c.main, -0.05, 0.35, 0.75, 0.7));
        g.push_back(glyphPart(P::Diamond, c.detail, -0.05, 0.0, 0.2, 0.2));
        g.push_back(glyphPart(P::Diamond, c.detail, -0.45, 0.15, 0.14, 0.14));
        g.push_back(glyphPart(P::Diamond, c.detail, 0.35, 0.15, 0.14, 0.14));
        if (marked)
            g.push_back(glyphPart(P::Rectangle, c.accent, -0.05, 0.32, 0.75, 0.05));
        eye(0.85, 0.2, 0.07);
    } else if (d == "worm") {
        for (int i = 0; i < 5; ++i)
            g.push_back(glyphPart(P::Ellipse, i % 2 ? c.accent : c.main, -0.8 + i * 0.33,
                                  0.2 + (i % 2 ? -0.12 : 0.12), 0.25, 0.25));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.55, -0.35, 0.03, 0.25, -20));
        g.push_back(glyphPart(P::Rectangle, c.detail, 0.82, -0.35, 0.03, 0.25, 20));
        g.push_back(glyphPart(P::Ellipse, c.accent, 0.7, -0.1, 0.3, 0.3));
        if (marked)
            g.push_back(glyphPart(P::Star, c.detail, -0.8, 0.32, 0.14, 0.14));
        eye(0.78, -0.15, 0.1);
    }
    return g;
}

} // namespace unike::world
