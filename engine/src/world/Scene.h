#pragma once
// One picture of the world, split into content (what questions and captions are about) and
// nuisance (exactly where, how big, on what background, with what noise). An image rephrase
// keeps the content and draws the nuisance anew.

#include "world/WorldDefinition.h"

#include <cstdint>
#include <vector>

namespace unike::world {

enum class Layout { Single, Row, Column };

struct SceneObject {
    // Content.
    int shape = 0;
    int colour = 0;
    int size = 0;     // index into the world's sizes: 0 small, 1 large
    int position = 0; // a Position
    // Nuisance, as shares of the image side.
    double cx = 0.5, cy = 0.5;
    double extent = 0.3; // the shape's width and height
    double angle = 0;    // degrees; plain shapes stay nearly upright
};

struct Scene {
    // Content.
    Layout layout = Layout::Single;
    std::vector<SceneObject> objects; // reading order: left to right, top to bottom
    int entity = -1;                  // an entity view when >= 0 (then no objects)
    int setting = -1;                 // where the entity is shown
    // Nuisance.
    int background = 0; // plain scenes: index into the world's backgrounds
    int tint[3] = {0, 0, 0};
    double gradient = 0;  // brightness change from top to bottom
    double horizon = 0.6; // entity views: where the setting's ground begins
    double poseX = 0, poseY = 0, poseScale = 1, poseAngle = 0;
    int noise = 0; // per-pixel amplitude
    std::uint64_t noiseSeed = 0;

    bool isEntityView() const { return entity >= 0; }
};

} // namespace unike::world
