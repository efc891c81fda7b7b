#pragma once
// Draws a scene into an RGB image of any square size (48 x 48 by default, the demo model's
// input). Shapes and glyphs are filled on a canvas up to four times larger and averaged down,
// then noise is added; the same scene always gives the same pixels.

#include "vision/RgbImage.h"
#include "world/Scene.h"
#include "world/World.h"

namespace unike::world {

class SceneRenderer {
public:
    static constexpr int kDefaultSize = 48;

    // Throws Error(InvalidInput) for a size outside 16..1024.
    SceneRenderer(const World& world, int imageSize = kDefaultSize);

    int imageSize() const { return size_; }
    vision::RgbImage render(const Scene& scene) const;

private:
    const World& world_;
    int size_;
    int supersample_;
};

} // namespace unike::world
