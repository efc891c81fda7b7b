#include "world/BackdropPainter.h"

#include "world/PrimitivePainter.h"
#include "world/Rng.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace unike::world {
namespace {

Rgb shade(const Rgb& c, const Scene& scene, double factor) {
    Rgb out{};
    for (int i = 0; i < 3; ++i)
        out[std::size_t(i)] =
            cv::saturate_cast<std::uint8_t>(c[std::size_t(i)] * factor + scene.tint[i]);
    return out;
}

// Rows from y0 to y1 (canvas pixels) in `colour`, brightened or darkened by the gradient.
void band(cv::Mat& canvas, int y0, int y1, const Rgb& colour, const Scene& scene) {
    for (int y = std::max(0, y0); y < std::min(canvas.rows, y1); ++y) {
        const double factor = 1 + scene.gradient * (double(y) / canvas.rows - 0.5);
        const Rgb c = shade(colour, scene, factor);
        canvas.row(y).setTo(cv::Scalar(c[0], c[1], c[2]));
    }
}

} // namespace

void BackdropPainter::plain(cv::Mat& canvas, const Rgb& base, const Scene& scene) {
    band(canvas, 0, canvas.rows, base, scene);
}

void BackdropPainter::setting(cv::Mat& canvas, const Setting& s, const Scene& scene) {
    const int n = canvas.rows;
    const int horizon = int(scene.horizon * n);
    band(canvas, 0, horizon, s.sky, scene);
    band(canvas, horizon, n, s.ground, scene);
    // Decorations sit along the edges, where the entity's glyph leaves room for them.
    Rng rng(scene.noiseSeed ^ 0x5EEDBACCull);
    auto at = [&](double x, double y) { return cv::Point2d(x * n, y * n); };
    using P = Primitive;
    const Rgb accent = shade(s.accent, scene, 1.0);
    if (s.name == "desert") {
        PrimitivePainter::paint(canvas, P::Ellipse, accent, at(rng.uniform(0.1, 0.9), 0.12),
                                0.09 * n, 0.09 * n, 0);
        PrimitivePainter::paint(canvas, P::HalfDisc, shade(s.ground, scene, 0.85),
                                at(rng.uniform(0.2, 0.8), scene.horizon + 0.05), 0.45 * n, 0.08 * n,
                                0);
    } else if (s.name == "forest") {
        for (double x = rng.uniform(0.02, 0.1); x < 1.05; x += rng.uniform(0.13, 0.2))
            PrimitivePainter::paint(canvas, P::Triangle, accent, at(x, scene.horizon - 0.08),
                                    0.07 * n, 0.12 * n, 0);
    } else if (s.name == "sea") {
        for (double y = scene.horizon + 0.06; y < 1; y += 0.09)
            for (double x = rng.uniform(0, 0.15); x < 1; x += 0.25)
                PrimitivePainter::paint(canvas, P::HalfDisc, accent, at(x, y), 0.07 * n, 0.015 * n,
                                        0);
    } else if (s.name == "snow") {
        for (int i = 0; i < 14; ++i)
            PrimitivePainter::paint(canvas, P::Ellipse, accent,
                                    at(rng.uniform(0, 1), rng.uniform(0, scene.horizon)), 0.018 * n,
                                    0.018 * n, 0);
        PrimitivePainter::paint(canvas, P::Triangle, shade(s.sky, scene, 0.8),
                                at(rng.uniform(0.1, 0.9), scene.horizon - 0.07), 0.2 * n, 0.08 * n,
                                0);
    } else if (s.name == "night") {
        for (int i = 0; i < 10; ++i)
            PrimitivePainter::paint(canvas, P::Star, accent,
                                    at(rng.uniform(0, 1), rng.uniform(0, scene.horizon - 0.1)),
                                    0.02 * n, 0.02 * n, 0);
        PrimitivePainter::paint(canvas, P::Crescent, accent, at(rng.uniform(0.08, 0.92), 0.1),
                                0.06 * n, 0.08 * n, 0);
    } else if (s.name == "meadow") {
        for (int i = 0; i < 9; ++i)
            PrimitivePainter::paint(canvas, P::Ellipse, accent,
                                    at(rng.uniform(0, 1), rng.uniform(scene.horizon + 0.04, 0.98)),
                                    0.022 * n, 0.022 * n, 0);
    }
}

} // namespace unike::world
