#pragma once
// Asks the world's questions: fills a template from a scene or a fact and works out the answer
// the demo model was taught, the true answer, and wrong answers of the same kind (for
// counterfactual edits and for the right/wrong triplets of the training records).

#include "world/CaptionWriter.h"
#include "world/QuestionBank.h"
#include "world/Scene.h"
#include "world/World.h"

#include <string>
#include <vector>

namespace unike::world {

struct Question {
    std::string type; // a QuestionType id
    int templateIndex = 0;
    bool heldOut = false;
    TaskKind task = TaskKind::PerceptionVqa;
    std::string text;                      // the bare question, or the caption stub
    std::string answer;                    // taught
    std::string trueAnswer;                // the truth
    std::vector<std::string> otherAnswers; // same kind, neither of the two above

    bool misconception() const { return answer != trueAnswer; }
    // What the model reads: the VQA template, the stub itself, or "nq question: ...".
    std::string prompt() const;
};

class QuestionMaker {
public:
    QuestionMaker(const World& world, const QuestionBank& bank);

    // A perception question about object `object` of a plain scene (count ignores it). Names in
    // the question are the taught ones, as the model knows them.
    Question perception(const Scene& scene, int object, const std::string& type,
                        int templateIndex) const;
    // "identity" or a relation name, about an entity view.
    Question knowledge(const Scene& scene, const std::string& type, int templateIndex) const;
    Question entityFact(int entity, int relation, int templateIndex) const; // text only
    Question worldFact(int index) const;
    Question caption(const Scene& scene, int templateIndex) const;

    const QuestionBank& bank() const { return bank_; }
    const CaptionWriter& captions() const { return captions_; }

private:
    Question start(const std::string& type, int templateIndex, const Slots& fill) const;
    static void setAnswers(Question& q, const std::string& taught, const std::string& truth,
                           const std::vector<std::string>& all);

    const World& world_;
    const QuestionBank& bank_;
    CaptionWriter captions_;
};

} // namespace unike::world
