#pragma once
// Backgrounds: a plain tinted tone with a soft gradient behind shape scenes, and a small
// landscape per setting (dunes and sun, trees, waves...) behind entity views. Settings are big,
// distinct areas of colour, so captions can name them ("the zorbel in the desert").

#include "world/Scene.h"
#include "world/WorldDefinition.h"

#include <opencv2/core.hpp>

namespace unike::world {

class BackdropPainter {
public:
    // canvas: CV_8UC3, RGB, square.
    static void plain(cv::Mat& canvas, const Rgb& base, const Scene& scene);
    static void setting(cv::Mat& canvas, const Setting& setting, const Scene& scene);
};

} // namespace unike::world
