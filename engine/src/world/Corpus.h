#pragma once
// All the text of a world, for training its tokenizer: every prompt of every template (held-out
// ones too, so rephrasings tokenize like the rest), every answer, and captions (all one-object
// and entity captions, a seeded sample of the combinatorially many others).

#include "world/QuestionMaker.h"
#include "world/World.h"

#include <string>
#include <vector>

namespace unike::world {

class Corpus {
public:
    static constexpr int kSampledCaptions = 300; // per object count above one

    Corpus(const World& world, const QuestionMaker& maker);

    std::vector<std::string> texts() const;   // sorted, distinct
    std::vector<std::string> answers() const; // short answers only, sorted, distinct

private:
    const World& world_;
    const QuestionMaker& maker_;
};

} // namespace unike::world
