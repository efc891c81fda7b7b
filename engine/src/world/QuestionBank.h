#pragma once
// Every question type and its phrasings. A type's templates are the combinations of its frames
// ("What colour is {s}?") and subjects ("the {shape}"). Some combinations are held out of
// training and used only as rephrasings (T-Generality): a held-out template joins a frame and a
// subject that training uses, each with others, and never borrows a phrase of another type,
// since EVIDENCE.md found such borrowed rephrasings fail while recombined ones generalise.

#include "world/Sample.h"
#include "world/World.h"

#include <string>
#include <vector>

namespace unike::world {

// The values a template's {shape}, {colour}, {size}, {kind} and {name} take.
struct Slots {
    std::string shape, colour, size, kind, name;
};

struct QuestionType {
    std::string id; // "colour", "identity", a relation name, "text_<relation>", "world_fact",
                    // "caption"
    TaskKind task = TaskKind::PerceptionVqa;
    std::vector<std::string> frames;   // "{s}" marks the subject
    std::vector<std::string> subjects; // may hold {shape} {colour} {size} {kind} {name}

    int templateCount() const { return int(frames.size() * subjects.size()); }
    // Template t = frame * subjects + subject; held out when frame == (subject + 1) % frames.
    bool heldOut(int t) const;
    std::string phrase(int t, const Slots& fill) const;
};

class QuestionBank {
public:
    explicit QuestionBank(const World& world);

    const std::vector<QuestionType>& types() const { return types_; }
    // Throws Error(Internal) for an unknown id.
    const QuestionType& type(const std::string& id) const;
    // The template indices of a type that training uses (heldOut false) or that it never sees.
    std::vector<int> templates(const std::string& id, bool heldOut) const;

    static const std::vector<std::string>& perceptionTypes(); // colour shape size position count

private:
    std::vector<QuestionType> types_;
};

} // namespace unike::world
