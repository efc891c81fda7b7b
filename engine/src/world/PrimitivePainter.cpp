#include "world/PrimitivePainter.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace unike::world {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kShift = 3; // fillPoly's fractional bits: an eighth of a pixel

using Contour = std::vector<cv::Point2d>;

Contour ellipse(double r, int points = 72) {
    Contour c;
    for (int i = 0; i < points; ++i) {
        const double t = 2 * kPi * i / points;
        c.push_back({r * std::cos(t), r * std::sin(t)});
    }
    return c;
}

// Centres the contours' box and scales them uniformly so the longer side spans [-1, 1].
std::vector<Contour> fitted(std::vector<Contour> contours) {
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (const Contour& c : contours)
        for (const cv::Point2d& p : c) {
            x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
        }
    const double scale = 2 / std::max(x1 - x0, y1 - y0);
    for (Contour& c : contours)
        for (cv::Point2d& p : c)
            p = {(p.x - (x0 + x1) / 2) * scale, (p.y - (y0 + y1) / 2) * scale};
    return contours;
}

std::vector<Contour> makeOutline(Primitive primitive) {
    switch (primitive) {
    case Primitive::Ellipse:
        return {ellipse(1)};
    case Primitive::Rectangle:
        return {{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}};
    case Primitive::Triangle:
        return {{{0, -1}, {1, 1}, {-1, 1}}};
    case Primitive::Star: {
        Contour c;
        for (int i = 0; i < 10; ++i) {
            const double r = i % 2 ? 0.48 : 1.0, t = -kPi / 2 + kPi * i / 5;
            c.push_back({r * std::cos(t), r * std::sin(t)});
        }
        return fitted({c});
    }
    case Primitive::Cross: {
        const double a = 0.3;
        return {{{-a, -1},
                 {a, -1},
                 {a, -a},
                 {1, -a},
                 {1, a},
                 {a, a},
                 {a, 1},
                 {-a, 1},
                 {-a, a},
                 {-1, a},
                 {-1, -a},
                 {-a, -a}}};
    }
    case Primitive::Ring:
        return {ellipse(1), ellipse(0.52)};
    case Primitive::Diamond:
        return {{{0, -1}, {1, 0}, {0, 1}, {-1, 0}}};
    case Primitive::Heart: {
        Contour c;
        for (int i = 0; i < 72; ++i) {
            const double t = 2 * kPi * i / 72, s = std::sin(t);
            c.push_back({16 * s * s * s, -(13 * std::cos(t) - 5 * std::cos(2 * t) -
                                           2 * std::cos(3 * t) - std::cos(4 * t))});
        }
        return fitted({c});
    }
    case Primitive::Crescent: {
        // The outer arc round the left, back along a shallower inner arc: a "C" opening right.
        Contour c;
        for (int i = 0; i <= 36; ++i) {
            const double t = kPi * i / 36;
            c.push_back({-std::sin(t), -std::cos(t)});
        }
        for (int i = 35; i >= 1; --i) {
            const double t = kPi * i / 36;
            c.push_back({-0.35 * std::sin(t) + 0.35, -std::cos(t) * 0.8});
        }
        for (cv::Point2d& p : c)
            p.x = p.x * 1.5 + 0.5; // fill the box's width as well
        return {c};
    }
    case Primitive::HalfDisc: {
        Contour c;
        for (int i = 0; i <= 48; ++i) {
            const double t = kPi * i / 48;
            c.push_back({std::cos(t), 1 - 2 * std::sin(t)});
        }
        return {c};
    }
    }
    return {ellipse(1)};
}

} // namespace

const std::vector<std::vector<cv::Point2d>>& PrimitivePainter::outline(Primitive primitive) {
    static const std::array<std::vector<Contour>, 10> outlines = [] {
        std::array<std::vector<Contour>, 10> all;
        for (int i = 0; i < 10; ++i)
            all[std::size_t(i)] = makeOutline(static_cast<Primitive>(i));
        return all;
    }();
    return outlines[static_cast<std::size_t>(primitive)];
}

void PrimitivePainter::paint(cv::Mat& canvas, Primitive primitive, const Rgb& colour,
                             cv::Point2d centre, double halfWidth, double halfHeight,
                             double angle) {
    const double a = angle * kPi / 180, cosA = std::cos(a), sinA = std::sin(a);
    std::vector<std::vector<cv::Point>> polygons;
    for (const Contour& contour : outline(primitive)) {
        std::vector<cv::Point> points;
        for (const cv::Point2d& p : contour) {
            const double x = p.x * halfWidth, y = p.y * halfHeight;
            const double px = centre.x + x * cosA - y * sinA, py = centre.y + x * sinA + y * cosA;
            points.push_back(
                {int(std::lround(px * (1 << kShift))), int(std::lround(py * (1 << kShift)))});
        }
        polygons.push_back(std::move(points));
    }
    cv::fillPoly(canvas, polygons, cv::Scalar(colour[0], colour[1], colour[2]), cv::LINE_8, kShift);
}

} // namespace unike::world
