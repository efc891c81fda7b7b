#include "world/QuestionBank.h"

#include <unike/Error.h>

#include <cctype>

namespace unike::world {
namespace {

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

const std::vector<std::string> kKnowledgeSubjects = {"this {kind}", "the {kind} in the picture",
                                                     "the {kind} shown here"};

} // namespace

bool QuestionType::heldOut(int t) const {
    const int f = t / int(subjects.size()), s = t % int(subjects.size());
    return frames.size() > 1 && f == (s + 1) % int(frames.size());
}

std::string QuestionType::phrase(int t, const Slots& fill) const {
    if (t < 0 || t >= templateCount())
        throw Error(ErrorKind::Internal,
                    "question type " + id + " has no template " + std::to_string(t));
    std::string text = frames[std::size_t(t) / subjects.size()];
    replaceAll(text, "{s}", subjects[std::size_t(t) % subjects.size()]);
    replaceAll(text, "{shape}", fill.shape);
    replaceAll(text, "{colour}", fill.colour);
    replaceAll(text, "{size}", fill.size);
    replaceAll(text, "{kind}", fill.kind);
    replaceAll(text, "{name}", fill.name);
    // Text QA is asked in lower case, like Natural Questions ("nq question: where does...").
    if (task == TaskKind::TextQa && !text.empty())
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

const std::vector<std::string>& QuestionBank::perceptionTypes() {
    static const std::vector<std::string> types = {"colour", "shape", "size", "position", "count"};
    return types;
}

QuestionBank::QuestionBank(const World& world) {
    using T = TaskKind;
    types_ = {
        {"colour",
         T::PerceptionVqa,
         {"What colour is {s}?", "What is the colour of {s}?", "Which colour does {s} have?"},
         {"the {shape}", "the {size} {shape}", "the {shape} in the picture"}},
        {"shape",
         T::PerceptionVqa,
         {"What shape is {s}?", "What is the shape of {s}?", "Which shape does {s} have?"},
         {"the {colour} object", "the {size} {colour} object",
          "the {colour} object in the picture"}},
        {"size",
         T::PerceptionVqa,
         {"What size is {s}?", "How big is {s}?", "Is {s} small or large?"},
         {"the {colour} {shape}", "the {shape}", "the {colour} object"}},
        {"position",
         T::PerceptionVqa,
         {"Where is {s}?", "In which part of the picture is {s}?", "Where in the picture is {s}?"},
         {"the {colour} {shape}", "the {shape}", "the {colour} object"}},
        {"count",
         T::PerceptionVqa,
         {"How many {s} are there?", "How many {s} are in the picture?",
          "What is the number of {s}?"},
         {"objects", "shapes", "things"}},
        {"identity",
         T::KnowledgeVqa,
         {"What is {s} called?", "What is the name of {s}?", "What do people call {s}?"},
         kKnowledgeSubjects},
        {"caption",
         T::Caption,
         {"a photo {s}", "an image {s}", "a picture {s}"},
         {"of", "showing"}},
        {"world_fact", T::TextQa, {"{s}"}, {"{name}"}},
    };
    for (const Relation& r : world.definition().relations) {
        types_.push_back({r.name, T::KnowledgeVqa, r.questions, kKnowledgeSubjects});
        types_.push_back({"text_" + r.name, T::TextQa, r.questions, {"{name}"}});
    }
}

const QuestionType& QuestionBank::type(const std::string& id) const {
    for (const QuestionType& t : types_)
        if (t.id == id)
            return t;
    throw Error(ErrorKind::Internal, "no question type '" + id + "'");
}

std::vector<int> QuestionBank::templates(const std::string& id, bool heldOut) const {
    const QuestionType& t = type(id);
    std::vector<int> out;
    for (int i = 0; i < t.templateCount(); ++i)
        if (t.heldOut(i) == heldOut)
            out.push_back(i);
    return out;
}

} // namespace unike::world
