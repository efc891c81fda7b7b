#include "world/NameMaker.h"

#include <unike/Error.h>

#include <utility>
#include <vector>

namespace unike::world {
namespace {

const std::vector<std::string> kSimpleOnsets = {"b", "d", "f", "g", "k", "l", "m",
                                                "n", "p", "r", "s", "t", "v", "z"};
const std::vector<std::string> kClusterOnsets = {"br", "dr", "gl", "kr", "pl", "sk",
                                                 "sn", "st", "tr", "th", "sh", "qu"};
const std::vector<std::string> kVowels = {"a", "e", "i", "o", "u"};
const std::vector<std::string> kLongVowels = {"oo", "ai", "ee"};
const std::vector<std::string> kCodas = {"n", "l", "r", "m", "k", "x", "sh", "th", "ll", "rn"};
// Names must not read as a word a teacher would rather not show; checked as substrings.
const std::vector<std::string> kBlocked = {
    "porn", "sex",  "ass",  "fag",  "nig",  "cum",  "tit",  "fuk",  "fuc",  "shit", "dick", "cock",
    "pus",  "rape", "kill", "nazi", "piss", "anal", "anus", "butt", "slut", "hore", "crap", "damn",
    "hell", "dam",  "poo",  "pee",  "die",  "dead", "gun",  "war",  "kkk",  "god"};

bool blocked(const std::string& name) {
    for (const std::string& b : kBlocked)
        if (name.find(b) != std::string::npos)
            return true;
    return false;
}

} // namespace

NameMaker::NameMaker(Rng& rng, std::set<std::string> reserved)
    : rng_(rng)
    , taken_(std::move(reserved)) {}

std::string NameMaker::syllable(bool simpleOnset, bool closed) {
    std::string s =
        simpleOnset || rng_.chance(0.6) ? rng_.pick(kSimpleOnsets) : rng_.pick(kClusterOnsets);
    s += rng_.chance(0.15) ? rng_.pick(kLongVowels) : rng_.pick(kVowels);
    if (closed)
        s += rng_.pick(kCodas);
    return s;
}

std::string NameMaker::makeCreature() {
    // The second onset stays simple so no three consonants meet ("zor" + "bel").
    return syllable(false, rng_.chance(0.6)) + syllable(true, rng_.chance(0.8));
}

// Two syllables, so a place name is rarely an English word ("kerak", "vomir").
std::string NameMaker::makePlace() {
    return syllable(false, rng_.chance(0.3)) + syllable(true, true);
}

std::string NameMaker::unique(std::string (NameMaker::*make)()) {
    for (int attempt = 0; attempt < 10000; ++attempt) {
        std::string name = (this->*make)();
        if (name.size() >= 4 && name.size() <= 7 && !blocked(name) && taken_.insert(name).second)
            return name;
    }
    throw Error(ErrorKind::Internal, "the name maker ran out of new names");
}

std::string NameMaker::creature() {
    return unique(&NameMaker::makeCreature);
}
std::string NameMaker::place() {
    return unique(&NameMaker::makePlace);
}

} // namespace unike::world
