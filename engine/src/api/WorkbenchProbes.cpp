// The check views' engine side: each probe answered by the unedited model and by
// the live edits, and the teacher-forced agreement METHOD.md §9's locality uses.
#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "edit/EditedModel.h"

#include <unike/Error.h>

#include <optional>

namespace unike {
namespace {

// The argmax ids over the answer's positions, (T).
torch::Tensor answerArgmax(const torch::Tensor& logits, size_t answerLength) {
    const int64_t length = int64_t(answerLength);
    const int64_t start = logits.size(1) - length - 1; // position i predicts token i + 1
    return logits.slice(1, start, start + length).argmax(-1).flatten();
}

} // namespace

std::vector<ProbeOutcome> Workbench::checkProbes(const std::vector<Probe>& probes,
                                                 const GenerationParams& generation,
                                                 const Progress& progress) const {
    const LoadedModel& m = impl_->require();
    std::vector<ProbeOutcome> outcomes;
    for (size_t i = 0; i < probes.size(); ++i) {
        progress.throwIfCancelled("the probe check");
        const Probe& probe = probes[i];
        progress.report(double(i) / double(probes.size()),
                        "probe " + std::to_string(i + 1) + " of " + std::to_string(probes.size()));
        AskParams ask;
        ask.image = probe.image;
        ask.question = probe.question;
        ask.style = probe.style;
        ask.generation = generation;
        ask.generation.topK = 0;
        ProbeOutcome outcome;
        outcome.probe = probe;
        ask.bypassEdits = true;
        outcome.before = this->ask(ask).answer;
        ask.bypassEdits = false;
        outcome.after = this->ask(ask).answer;
        outcome.changed = outcome.before != outcome.after;
        outcome.hitsExpected = !probe.expected.empty() && outcome.after == trimmedText(probe.expected);

        // Agreement of the argmax tokens along the expected answer (or the unedited
        // model's own answer), before and after the edits, as EasyEdit's locality.
        const std::string reference = probe.expected.empty() ? outcome.before : probe.expected;
        torch::NoGradGuard noGrad;
        torch::Tensor prefix;
        if (!probe.image.empty())
            prefix = m.model->imagePrefix(impl_->pixelValues(probe.image));
        const std::vector<int> answerIds = m.tokenizer.encode(" " + trimmedText(reference), false);
        if (!answerIds.empty()) {
            const edit::EditedModel edited(*m.model, *m.edits, m.inference);
            torch::Tensor before, after;
            {
                const edit::EditBypass bypass(*m.edits);
                const std::vector<int> promptIds =
                    m.tokenizer.encode(promptFor(trimmedText(probe.question), probe.style), true);
                before = answerArgmax(edited.logits(prefix, promptIds, answerIds), answerIds.size());
            }
            // With edits live, in-context methods see their demonstrations.
            const std::vector<int> promptIds = m.tokenizer.encode(
                inContextPrompt(*m.edits, promptFor(trimmedText(probe.question), probe.style)),
                true);
            after = answerArgmax(edited.logits(prefix, promptIds, answerIds), answerIds.size());
            outcome.tokenAgreement = before.eq(after).to(torch::kFloat64).mean().item<double>();
        }
        outcomes.push_back(std::move(outcome));
    }
    progress.report(1.0, "probes checked");
    return outcomes;
}

} // namespace unike
