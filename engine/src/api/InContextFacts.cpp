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

// The facts are in the IKE editors' own wording (PromptFormat::newFact), which every family
// shares.
std::string InContextFacts::apply(world::Sample& sample) {
    const model::PlainPromptFormat format;
    if (options_.share == 0.0)
        return {}; // the default: nothing to rewrite, nothing to remember
    if (seen_++ % std::uint64_t(options_.runLength) == 0)
        inRun_ = rng_.chance(options_.share);
    std::string question = sample.question, answer = sample.answer;
    std::vector<std::string> others = sample.otherAnswers;
    std::string fact;
    if (inRun_) {
        if (!sample.otherAnswers.empty() && rng_.chance(options_.relatedShare)) {
            sample.answer = rng_.pick(sample.otherAnswers);
            fact = format.newFact(sample.question, sample.answer);
        } else if (!earlierQuestion_.empty() && earlierQuestion_ != sample.question) {
            const std::string& stated = earlierOthers_.empty() || rng_.chance(0.5)
                                            ? earlierAnswer_
                                            : rng_.pick(earlierOthers_);
            fact = format.newFact(earlierQuestion_, stated);
        }
    }
    earlierQuestion_ = std::move(question);
    earlierAnswer_ = std::move(answer);
    earlierOthers_ = std::move(others);
    return fact;
}

} // namespace unike
