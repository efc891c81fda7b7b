#pragma once
// One record of the generated benchmark before it is written: MMEdit's text fields, the pictures
// behind its image fields, and the neighbour probe this project adds (EVIDENCE.md: real locality
// failures were another entity asked about the same relation, and a scene edit leaking to
// other scenes asked the same way; MMEdit's own probes are too far from the edit to see them).

#include "data/MmeditRecord.h"
#include "vision/RgbImage.h"

#include <string>

namespace unike::world {

struct EditCase {
    data::MmeditRecord record; // image paths are filled in by the writer
    vision::RgbImage image, imageRephrase, mLocImage, nLocImage;
    std::string nLocQ;        // the neighbour's question (or caption stub), asked like src
    std::string nLocA;        // its answer, which the edit must leave alone
    std::string editKind;     // "fact_correction", "perception_counterfactual", "training"...
    std::string questionType; // a QuestionType id, "caption_scene" or "caption_entity"
};

} // namespace unike::world
