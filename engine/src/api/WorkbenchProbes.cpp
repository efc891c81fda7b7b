// The check views' engine side: each probe answered by the unedited model and by
// the live edits, and the teacher-forced agreement METHOD.md §9's locality uses.
#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "edit/EditedModel.h"

#include <unike/Error.h>

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
    EditSession& session = impl_->requireSession();
    GenerationParams greedy = generation;
    greedy.topK = 0;
    const model::GenerationOptions options = m.generationOptions(greedy);
    const edit::EditedModel edited(*m.model, session.edits(), session.inference());
    torch::NoGradGuard noGrad;
    std::vector<ProbeOutcome> outcomes;
    for (size_t i = 0; i < probes.size(); ++i) {
        progress.throwIfCancelled("the probe check");
        const Probe& probe = probes[i];
        progress.report(double(i) / double(probes.size()),
                        "probe " + std::to_string(i + 1) + " of " + std::to_string(probes.size()));
        const std::string question = trimmedText(probe.question);
        if (question.empty())
            throw Error(ErrorKind::InvalidInput,
                        "probe " + std::to_string(i + 1) + " has an empty question");
        // The image is encoded once and serves both sides.
        torch::Tensor prefix;
        if (!probe.image.empty())
            prefix = m.model->imagePrefix(impl_->pixelValues(probe.image));
        // With the edits live, in-context methods put their demonstrations first;
        // bypassed, liveFacts gives none.
        const PromptSpec spec{question, probe.style, prefix.defined()};
        auto promptIds = [&] {
            return m.tokenizer->encode(spec.text(m.model->prompts(), liveFacts(session.edits())),
                                       true);
        };
        auto answer = [&](const std::vector<int>& ids) {
            std::vector<int> answerIds;
            for (const model::GeneratedToken& token : edited.generate(prefix, ids, options).tokens)
                answerIds.push_back(token.id);
            return trimmedText(m.tokenizer->decode(answerIds, true));
        };

        ProbeOutcome outcome;
        outcome.probe = probe;
        std::vector<int> beforeIds;
        {
            const edit::EditBypass bypass(session.edits());
            beforeIds = promptIds();
            outcome.before = answer(beforeIds);
        }
        const std::vector<int> afterIds = promptIds();
        outcome.after = answer(afterIds);
        outcome.changed = outcome.before != outcome.after;
        outcome.hitsExpected =
            !probe.expected.empty() && outcome.after == trimmedText(probe.expected);

        // Agreement of the argmax tokens along the expected answer (or the unedited
        // model's own answer), before and after the edits, as EasyEdit's locality.
        const std::string reference = probe.expected.empty() ? outcome.before : probe.expected;
        const std::vector<int> referenceIds = m.tokenizer->encodeAnswer(trimmedText(reference));
        if (!referenceIds.empty()) {
            torch::Tensor before;
            {
                const edit::EditBypass bypass(session.edits());
                before = answerArgmax(edited.logits(prefix, beforeIds, referenceIds),
                                      referenceIds.size());
            }
            const torch::Tensor after =
                answerArgmax(edited.logits(prefix, afterIds, referenceIds), referenceIds.size());
            outcome.tokenAgreement = before.eq(after).to(torch::kFloat64).mean().item<double>();
        }
        outcomes.push_back(std::move(outcome));
    }
    progress.report(1.0, "probes checked");
    return outcomes;
}

} // namespace unike
