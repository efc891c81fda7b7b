#pragma once
// Teaches the demo model to read in-context facts, as a pretrained LLM can. IKE and latent IKE
// presume that ability (METHOD.md §5); a model trained only on bare questions ignores a
// "New Fact" line, so ike did nothing on it (reliability 5.2 against the unedited 8.2 on the
// first 100 E-VQA cases). Off by default: `train-demo --in-context-share` (README's numbers).
// Some training samples get one fact before their prompt, in the editors' own format:
//   - a fact about the same question with another answer: the answer becomes that one;
//   - a fact about an earlier, unrelated question: the answer stays.
// The samples come in runs of `runLength`, so one training batch pads to the longer prompts and
// the others stay short.

#include "world/Rng.h"
#include "world/Sample.h"

#include <cstdint>
#include <string>
#include <vector>

namespace unike {

struct InContextFactOptions {
    double share = 0.0;        // of all samples
    double relatedShare = 0.5; // of the rewritten ones: the fact is about the same question
    int runLength = 32;        // consecutive samples decided together: the batch size
    std::uint64_t seed = 1;
};

class InContextFacts {
public:
    explicit InContextFacts(InContextFactOptions options);

    // The fact to put before `sample`'s prompt when its turn comes, "" otherwise (format the
    // prompt with worldPrompt); a related fact also changes sample.answer. Captions and
    // questions alike. Deterministic.
    std::string apply(world::Sample& sample);

private:
    InContextFactOptions options_;
    world::Rng rng_;
    std::uint64_t seen_ = 0;
    bool inRun_ = false;
    // The previous sample's question and answers: the unrelated facts.
    std::string earlierQuestion_, earlierAnswer_;
    std::vector<std::string> earlierOthers_;
};

} // namespace unike
