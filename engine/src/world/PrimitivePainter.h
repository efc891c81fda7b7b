#pragma once
// Fills the drawing primitives into an RGB canvas as polygons. Outlines are in a unit frame
// ([-1, 1], y down) and are scaled to half extents and turned about their centre. The renderer
// draws on a supersampled canvas and averages it down, which is the anti-aliasing.

#include "world/WorldDefinition.h"

#include <opencv2/core.hpp>

#include <vector>

namespace unike::world {

class PrimitivePainter {
public:
    // canvas: CV_8UC3 in RGB order. centre and half extents in canvas pixels; angle in degrees,
    // clockwise on screen.
    static void paint(cv::Mat& canvas, Primitive primitive, const Rgb& colour, cv::Point2d centre,
                      double halfWidth, double halfHeight, double angle);

    // The primitive's contours in the unit frame; a second contour is a hole (even-odd fill).
    static const std::vector<std::vector<cv::Point2d>>& outline(Primitive primitive);
};

} // namespace unike::world
