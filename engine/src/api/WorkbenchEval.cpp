// `unike eval`: the MMEdit evaluation harness (METHOD.md §9).
#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "data/EditProtocol.h"
#include "data/MmeditDataset.h"
#include "edit/EditedModel.h"
#include "eval/EditMetrics.h"

#include <unike/Error.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace unike {
namespace {

struct Case {
    data::MmeditTask task;
    const data::MmeditRecord* record;
    size_t index;
};

// Everything one case needs, encoded once.
struct PreparedCase {
    torch::Tensor image, imageRephrase, localityImage;
    PromptSpec promptSpec, rephraseSpec, locSpec, mLocSpec; // before in-context facts
    std::vector<int> prompt, rephrase, target, loc, locAnswer, mLocPrompt, mLocAnswer;
    torch::Tensor locBefore, mLocBefore; // unedited logits of the locality probes
};

} // namespace

EvalReport Workbench::evaluate(const EvalParams& params, const Progress& progress) const {
    const LoadedModel& m = impl_->require();
    EditSession& session = impl_->requireSession();
    const bool none = params.method == "none";
    edit::EditHyperParams hyper =
        none ? edit::EditHyperParams()
             : m.hyperParams(params.method, params.hyperParamsJson, params.overrides);
    hyper.validate(m.model->decoder().layerCount());
    const EditMethod* method = none ? nullptr : &editMethod(params.method);

    // Load the cases.
    EvalReport report;
    std::vector<data::MmeditLoadResult> loaded;
    auto load = [&](data::MmeditTask task) {
        data::MmeditLoadOptions options;
        options.task = task;
        options.imageRoot = params.imageRoot;
        options.rephraseImageRoot = params.rephraseImageRoot;
        loaded.push_back(
            data::loadMmeditFile(data::findMmeditFile(params.dataFolder, task, "eval"), options));
        for (const auto& problem : loaded.back().problems)
            report.problems.push_back(loaded.back().path + ": record " +
                                      std::to_string(problem.index) + ", " + problem.field + ": " +
                                      problem.reason);
    };
    std::vector<std::vector<Case>> chunks;
    if (params.task == "cross") {
        load(data::MmeditTask::Vqa);
        load(data::MmeditTask::Caption);
        size_t nVqa = loaded[0].records.size(), nCaption = loaded[1].records.size();
        if (params.limit) {
            nVqa = std::min(nVqa, params.limit / 2);
            nCaption = std::min(nCaption, params.limit / 2);
        }
        for (const auto& chunk : data::crossTaskChunks(nVqa, nCaption, 10)) {
            std::vector<Case> cases;
            for (const auto& [task, index] : chunk) {
                const auto& records = loaded[task == data::MmeditTask::Vqa ? 0 : 1].records;
                cases.push_back({task, &records[index], index});
            }
            chunks.push_back(std::move(cases));
        }
    } else {
        const data::MmeditTask task = data::parseMmeditTask(params.task);
        load(task);
        const size_t n = params.limit ? std::min(params.limit, loaded[0].records.size())
                                      : loaded[0].records.size();
        for (const auto& chunk : data::parseEditProtocol(params.protocol).chunks(n)) {
            std::vector<Case> cases;
            for (size_t index : chunk)
                cases.push_back({task, &loaded[0].records[index], index});
            chunks.push_back(std::move(cases));
        }
    }
    size_t total = 0;
    for (const auto& chunk : chunks)
        total += chunk.size();
    if (total == 0)
        throw Error(ErrorKind::InvalidInput,
                    "no usable edit cases in " + params.dataFolder +
                        (report.problems.empty() ? std::string()
                                                 : "; the first problem: " + report.problems[0]));

    // The unedited model needs no preparation; every editor does.
    const edit::Preparation* preparation =
        none ? m.preparation.get() : &m.requirePreparation("evaluating an editor");
    // The session's own edits stay out: a fine-tuning edit lives in the shared weights,
    // and the baseline must be the unedited model.
    const edit::EditBypass sessionEditsOff(session.edits());
    const model::PromptFormat& format = m.model->prompts();
    edit::EditStack stack(*m.model);
    if (preparation)
        preparation->installInto(stack);
    const edit::EditedModel edited(*m.model, stack, hyper);
    auto prefixOf = [&](const std::string& path) {
        return m.model->imagePrefix(impl_->pixelValues(ImageInput{path, {}, {}}));
    };
    std::vector<double> seconds;
    size_t done = 0;
    torch::NoGradGuard noGrad;
    for (const auto& chunk : chunks) {
        std::vector<PreparedCase> prepared;
        std::vector<Case> kept; // the chunk without cases whose images cannot be read
        for (const Case& c : chunk) {
            progress.throwIfCancelled("the evaluation");
            const data::MmeditRecord& r = *c.record;
            const PromptStyle style =
                c.task == data::MmeditTask::Vqa ? PromptStyle::Vqa : PromptStyle::Raw;
            PreparedCase p;
            // One unreadable image costs its case, not the whole evaluation.
            try {
                p.image = prefixOf(r.imagePath);
                p.imageRephrase = prefixOf(r.imageRephrasePath);
                p.localityImage = prefixOf(r.mLocPath);
            } catch (const Error& e) {
                if (e.isCancellation())
                    throw;
                report.problems.push_back(std::string(data::mmeditTaskName(c.task)) + " record " +
                                          std::to_string(c.index) + ": " + e.what() +
                                          "; the case is left out");
                --total;
                continue;
            }
            kept.push_back(c);
            // T-Locality probes are text-only questions, used as given (EasyEdit).
            p.promptSpec = {r.src, style, true};
            p.rephraseSpec = {r.rephrase, style, true};
            p.locSpec = {r.loc, PromptStyle::Raw, false};
            p.mLocSpec = {r.mLocQ, PromptStyle::Vqa, true};
            p.prompt = m.tokenizer->encode(p.promptSpec.text(format));
            p.rephrase = m.tokenizer->encode(p.rephraseSpec.text(format));
            p.target = m.tokenizer->encodeAnswer(r.alt);
            p.loc = m.tokenizer->encode(p.locSpec.text(format));
            p.locAnswer = m.tokenizer->encodeAnswer(r.locAns);
            p.mLocPrompt = m.tokenizer->encode(p.mLocSpec.text(format));
            p.mLocAnswer = m.tokenizer->encodeAnswer(r.mLocA);
            p.locBefore = edited.logits({}, p.loc, p.locAnswer);
            p.mLocBefore = edited.logits(p.localityImage, p.mLocPrompt, p.mLocAnswer);
            prepared.push_back(std::move(p));
        }
        // Apply the chunk's edits (one for one-step), then score all of them.
        std::vector<std::shared_ptr<edit::EditPatch>> patches;
        for (size_t i = 0; i < kept.size() && !none; ++i) {
            edit::EditRequest request{prepared[i].image,   prepared[i].prompt,
                                      prepared[i].target,  kept[i].record->src,
                                      kept[i].record->alt, m.tokenizer->eosId()};
            torch::AutoGradMode enable(true);
            std::shared_ptr<edit::EditPatch> patch =
                method->makeEditor({*m.model, stack, hyper, preparation})
                    ->train(request, Progress());
            if (method->inContext)
                patch->demonstration = format.newFact(kept[i].record->src, kept[i].record->alt);
            stack.add(patch);
            patches.push_back(patch);
        }
        // In-context edits put their facts before every prompt, related or not.
        auto encode = [&](const PromptSpec& spec) {
            return m.tokenizer->encode(spec.text(format, liveFacts(stack)));
        };
        for (size_t i = 0; i < kept.size(); ++i) {
            PreparedCase p = prepared[i];
            p.prompt = encode(p.promptSpec);
            p.rephrase = encode(p.rephraseSpec);
            p.loc = encode(p.locSpec);
            p.mLocPrompt = encode(p.mLocSpec);
            const data::MmeditRecord& r = *kept[i].record;
            EvalCase result;
            result.index = kept[i].index;
            result.task = data::mmeditTaskName(kept[i].task);
            result.src = r.src;
            result.alt = r.alt;
            // The target ends the sequence, wherever the family put the visual tokens.
            auto accuracy = [&](const torch::Tensor& prefix, const std::vector<int>& prompt) {
                const torch::Tensor logits = edited.logits(prefix, prompt, p.target);
                return eval::tokenAccuracy(logits, logits.size(1) - int64_t(p.target.size()),
                                           p.target);
            };
            result.reliability = accuracy(p.image, p.prompt);
            result.tGenerality = accuracy(p.image, p.rephrase);
            result.mGenerality = accuracy(p.imageRephrase, p.prompt);
            // Locality compares the answer positions, aligned from the end, since
            // in-context facts may have made the prompt longer.
            const auto locAfterFull = edited.logits({}, p.loc, p.locAnswer);
            const int64_t locShift = locAfterFull.size(1) - p.locBefore.size(1);
            const auto locAfter = locAfterFull.narrow(1, locShift, p.locBefore.size(1));
            const int64_t locStart = p.locBefore.size(1) - int64_t(p.locAnswer.size());
            result.tLocality =
                eval::argmaxAgreement(p.locBefore, locAfter, locStart, int64_t(p.locAnswer.size()));
            // EasyEdit's trainer path: top-1 agreement over every position of the probe.
            result.trainerTLocality =
                eval::argmaxAgreement(p.locBefore, locAfter, 1, p.locBefore.size(1) - 1);
            const auto mLocAfterFull = edited.logits(p.localityImage, p.mLocPrompt, p.mLocAnswer);
            const int64_t mShift = mLocAfterFull.size(1) - p.mLocBefore.size(1);
            const auto mLocAfter = mLocAfterFull.narrow(1, mShift, p.mLocBefore.size(1));
            const int64_t mStart = p.mLocBefore.size(1) - int64_t(p.mLocAnswer.size());
            result.mLocality = eval::argmaxAgreement(p.mLocBefore, mLocAfter, mStart,
                                                     int64_t(p.mLocAnswer.size()));
            result.trainerMLocality = eval::topKAgreement(p.mLocBefore, mLocAfter, mStart,
                                                          int64_t(p.mLocAnswer.size()), 10);
            model::GenerationOptions options;
            options.maxNewTokens = 24;
            options.topK = 0;
            options.eosTokenId = m.tokenizer->eosId();
            std::vector<int> ids;
            for (const auto& token : edited.generate(p.image, p.prompt, options).tokens)
                ids.push_back(token.id);
            result.generated = trimmedText(m.tokenizer->decode(ids, true));
            result.generationMatch = result.generated == trimmedText(r.alt);
            if (i < patches.size()) {
                result.seconds = patches[i]->seconds;
                result.steps = patches[i]->steps;
                seconds.push_back(result.seconds);
            }
            report.cases.push_back(std::move(result));
            ++done;
            progress.report(double(done) / double(total),
                            "case " + std::to_string(done) + " of " + std::to_string(total));
        }
        stack.clear(); // one-step resets after each edit; seq:K after each chunk
    }
    if (report.cases.empty())
        throw Error(ErrorKind::InvalidInput, "no case of " + params.dataFolder +
                                                 " could be evaluated: " + report.problems.back());

    auto mean = [&](double EvalCase::*field) {
        double sum = 0;
        for (const EvalCase& c : report.cases)
            sum += c.*field;
        return 100.0 * sum / double(report.cases.size());
    };
    report.metrics["reliability"] = mean(&EvalCase::reliability);
    report.metrics["t_generality"] = mean(&EvalCase::tGenerality);
    report.metrics["m_generality"] = mean(&EvalCase::mGenerality);
    report.metrics["t_locality"] = mean(&EvalCase::tLocality);
    report.metrics["m_locality"] = mean(&EvalCase::mLocality);
    report.metrics["trainer_t_locality"] = mean(&EvalCase::trainerTLocality);
    report.metrics["trainer_m_locality"] = mean(&EvalCase::trainerMLocality);
    double matches = 0;
    for (const EvalCase& c : report.cases)
        matches += c.generationMatch;
    report.metrics["generation_exact_match"] = 100.0 * matches / double(report.cases.size());
    report.metrics["edits"] = double(none ? 0 : report.cases.size());
    report.metrics["five_metric_mean"] =
        (report.metrics["reliability"] + report.metrics["t_generality"] +
         report.metrics["m_generality"] + report.metrics["t_locality"] +
         report.metrics["m_locality"]) /
        5.0;
    if (!seconds.empty()) {
        double sum = 0;
        for (double s : seconds)
            sum += s;
        std::sort(seconds.begin(), seconds.end());
        report.metrics["mean_seconds_per_edit"] = sum / double(seconds.size());
        report.metrics["median_seconds_per_edit"] = seconds[seconds.size() / 2];
    }
    report.labels = {{"method", params.method},
                     {"task", params.task},
                     {"protocol", params.task == "cross" ? "cross:10" : params.protocol},
                     {"data", params.dataFolder}};
    return report;
}

} // namespace unike
