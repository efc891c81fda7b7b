#pragma once
// Training triplets for UniKE's semantic and truthfulness encoders (METHOD.md §6): an image, a
// question, a right and a wrong answer. MMEdit gives them directly, as SERAC reads a record
// ("{pred} >> {alt} || {src}"): src is the question, alt the right answer, and pred, the model's
// own answer before the edit, the wrong one.

#include "data/MmeditRecord.h"

#include <string>
#include <vector>

namespace unike::data {

struct Triplet {
    std::string imagePath; // the record's resolved image, else its image as written
    std::string prompt;    // src as written; the VQA template is applied by the model code
    std::string positive;  // alt
    std::string negative;  // pred
};

// One triplet per record, in order. Records that cannot teach the contrast are skipped: an empty
// src, alt or pred, or a pred equal to alt (compared ignoring surrounding spaces and ASCII case,
// since "Yes" and "yes " would make the same answer both right and wrong).
std::vector<Triplet> makeTriplets(const std::vector<MmeditRecord>& records);

} // namespace unike::data
