#include "api/InContextFacts.h"

#include "model/PromptFormat.h"

#include <unike/Error.h>

namespace unike {

InContextFacts::InContextFacts(InContextFactOptions options)
    : options_(options)
    , rng_(world::Rng::derive(options.seed, "in-context facts")) {
    if (options_.share < 0 || options_.share > 1 || options_.relatedShare < 0 ||
        options_.relatedShare > 1 || options_.runLength < 1)
        throw Error(ErrorKind::InvalidInput,
                    "in-context fact shares must be within 0..1 and runs at least one sample");
}

// The demo model is a BLIP-2, trained on exactly the IKE editors' format.
void InContextFacts::apply(world::Sample& sample) {
    const model::PlainPromptFormat format;
    if (options_.share == 0.0)
        return; // the default: nothing to rewrite, nothing to remember
    if (seen_++ % std::uint64_t(options_.runLength) == 0)
        inRun_ = rng_.chance(options_.share);
    std::string question = sample.question, answer = sample.answer;
    std::vector<std::string> others = sample.otherAnswers;
    if (inRun_) {
        if (!sample.otherAnswers.empty() && rng_.chance(options_.relatedShare)) {
            sample.answer = rng_.pick(sample.otherAnswers);
            sample.prompt = model::PlainPromptFormat::afterFacts(
                format.newFact(sample.question, sample.answer), sample.prompt);
        } else if (!earlierQuestion_.empty() && earlierQuestion_ != sample.question) {
            const std::string& stated = earlierOthers_.empty() || rng_.chance(0.5)
                                            ? earlierAnswer_
                                            : rng_.pick(earlierOthers_);
            sample.prompt = model::PlainPromptFormat::afterFacts(
                format.newFact(earlierQuestion_, stated), sample.prompt);
        }
    }
    earlierQuestion_ = std::move(question);
    earlierAnswer_ = std::move(answer);
    earlierOthers_ = std::move(others);
}

} // namespace unike
