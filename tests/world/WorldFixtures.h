#pragma once
// Helpers shared by the world tests: image distances and every prompt a set of templates can
// produce, computed from the question bank independently of the sample generator.

#include "vision/RgbImage.h"
#include "world/QuestionBank.h"
#include "world/World.h"

#include <set>
#include <string>

namespace worldtests {

// Mean absolute difference per channel value, 0..255; 255 when the sizes differ.
double meanDifference(const unike::vision::RgbImage& a, const unike::vision::RgbImage& b);

// Every bare question (or caption stub) the bank can phrase with its held-out templates, or
// with its training ones, over every slot value of the world.
std::set<std::string> phrasings(const unike::world::World& world,
                                const unike::world::QuestionBank& bank, bool heldOut);

} // namespace worldtests
