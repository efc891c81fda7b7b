#pragma once
// Invented, pronounceable names ("zorbel", "quill") from syllables, never repeating a name and
// never one of the world's other words, so that a name is a token of its own meaning.

#include "world/Rng.h"

#include <set>
#include <string>

namespace unike::world {

class NameMaker {
public:
    NameMaker(Rng& rng, std::set<std::string> reserved);

    std::string creature(); // two syllables: "zorbel"
    std::string place();    // two syllables, the second closed: "kerak"

private:
    std::string syllable(bool simpleOnset, bool closed);
    std::string unique(std::string (NameMaker::*make)());
    std::string makeCreature();
    std::string makePlace();

    Rng& rng_;
    std::set<std::string> taken_;
};

} // namespace unike::world
