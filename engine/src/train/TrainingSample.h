#pragma once
// What the demo trainer learns from: one prompt/answer pair, with or without an
// image, plus labels for the auxiliary vision head. A SampleSource produces an
// endless stream of them (the synthetic world does).

#include "vision/RgbImage.h"

#include <string>
#include <vector>

namespace unike::train {

// Where an object lies, as shares of the image side (world::ObjectArea).
struct ObjectArea {
    double cx = 0.5, cy = 0.5, extent = 0.0;
};

struct TrainingSample {
    bool hasImage = false;
    vision::RgbImage image{0, 0};
    std::string prompt;                  // exactly what the model sees before the answer
    std::string answer;                  // trained as the tokenizer reads "prompt answer", then EOS
    std::vector<int> auxLabels;          // one class per slot, -1 for none
    int subjectObject = -1;              // the object slot the question asks about, -1 for none
    std::vector<ObjectArea> objectAreas; // per object slot, for object regions
    std::string group;                   // for per-kind accuracy in the log ("perception_vqa", ...)
};

class SampleSource {
public:
    virtual ~SampleSource() = default;
    virtual TrainingSample next() = 0;
    // The number of classes of each auxiliary slot.
    virtual std::vector<int> auxLabelSizes() const = 0;
    // The slots' names; slots ending in "shape" or "colour" also train an
    // order-free presence head (which shapes and colours are in the image).
    virtual std::vector<std::string> auxLabelNames() const { return {}; }
    // The words naming each slot's classes (empty where none), for AuxHeads::tieToWords.
    virtual std::vector<std::vector<std::string>> auxLabelWords() const { return {}; }
    // Where training is (0..1), for a curriculum.
    virtual void setTrainingFraction(double fraction) {}
};

} // namespace unike::train
