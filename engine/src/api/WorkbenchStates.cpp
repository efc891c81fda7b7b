// captureStates (METHOD.md §5-6): the hidden states the method works on, for a
// dataset's rows or for given inputs, raw or through the semantic or the
// truthfulness encoder, before and after the live edits.
#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "data/MmeditDataset.h"
#include "edit/EditedModel.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>
#include <unike/Logging.h>

#include <map>

namespace unike {
namespace {

data::MmeditTask parseTask(const std::string& task) {
    if (task == "vqa")
        return data::MmeditTask::Vqa;
    if (task == "caption")
        return data::MmeditTask::Caption;
    throw Error(ErrorKind::InvalidInput, "the task must be vqa or caption, not '" + task + "'");
}

StateInput row(const std::string& imagePath, const std::string& prompt, PromptStyle style,
               const std::string& answer, const char* role, int editIndex) {
    StateInput input;
    input.image.path = imagePath;
    input.prompt = prompt;
    input.style = style;
    input.answer = answer;
    input.role = role;
    input.editIndex = editIndex;
    return input;
}

// Per case of the eval split, in this order: the edit, its rephrasings, its two
// locality probes, and the edit's prompt with its right (target) and wrong
// (the model's own) answer. Fields a record lacks give no row.
std::vector<StateInput> datasetRows(const std::string& folder, const std::string& taskName,
                                    size_t limit) {
    const data::MmeditTask task = parseTask(taskName);
    data::MmeditLoadOptions options;
    options.task = task;
    const data::MmeditLoadResult loaded =
        data::loadMmeditFile(data::findMmeditFile(folder, task, "eval"), options);
    if (!loaded.problems.empty())
        logMessage(LogLevel::Warn, "states: " + loaded.summary(5));
    if (loaded.records.empty())
        throw Error(ErrorKind::InvalidInput, "the eval split in '" + folder +
                                                 "' has no usable records:\n" + loaded.summary(5));
    const PromptStyle style = task == data::MmeditTask::Vqa ? PromptStyle::Vqa : PromptStyle::Raw;
    const size_t cases = limit > 0 ? std::min(limit, loaded.records.size()) : loaded.records.size();
    std::vector<StateInput> rows;
    for (size_t i = 0; i < cases; ++i) {
        const data::MmeditRecord& r = loaded.records[i];
        const int index = int(i);
        rows.push_back(row(r.imagePath, r.src, style, r.alt, "edit", index));
        if (!trimmedText(r.rephrase).empty())
            rows.push_back(row(r.imagePath, r.rephrase, style, r.alt, "rephrase", index));
        if (!r.imageRephrasePath.empty())
            rows.push_back(row(r.imageRephrasePath, r.src, style, r.alt, "image-rephrase", index));
        if (!trimmedText(r.loc).empty())
            rows.push_back(row("", r.loc, PromptStyle::Raw, r.locAns, "text-locality", index));
        if (!r.mLocPath.empty() && !trimmedText(r.mLocQ).empty())
            rows.push_back(
                row(r.mLocPath, r.mLocQ, PromptStyle::Vqa, r.mLocA, "image-locality", index));
        rows.push_back(row(r.imagePath, r.src, style, r.alt, "positive", index));
        if (!trimmedText(r.pred).empty() && trimmedText(r.pred) != trimmedText(r.alt))
            rows.push_back(row(r.imagePath, r.src, style, r.pred, "negative", index));
    }
    return rows;
}

// Positive and negative rows stand for h_pos and h_neg, so their state is taken at
// the answer's end in every space; the truthfulness space takes every row there.
bool takesAnswerEnd(const StateInput& input, StateSpace space) {
    if (trimmedText(input.answer).empty())
        return false;
    return space == StateSpace::Truthfulness || input.role == "positive" ||
           input.role == "negative";
}

} // namespace

HiddenStates Workbench::captureStates(const StatesParams& params, const Progress& progress) {
    const LoadedModel& m = impl_->require();
    EditSession& session = impl_->requireSession();
    const bool fromData = !params.dataFolder.empty();
    if (!fromData && params.inputs.empty())
        throw Error(ErrorKind::InvalidInput,
                    "capturing states needs a data folder (--data DIR) or some inputs");
    const int layerCount = m.model->decoder().layerCount();
    const std::vector<int> edited =
        m.preparation ? m.preparation->layers : session.inference().resolvedLayers(layerCount);
    const int layer = params.layer < 0 ? edited.back() : params.layer;
    if (layer >= layerCount)
        throw Error(ErrorKind::InvalidInput, "layer " + std::to_string(layer) +
                                                 " is outside the model's decoder layers 0-" +
                                                 std::to_string(layerCount - 1));
    const edit::SpaceEncoder* encoder = nullptr;
    if (params.space != StateSpace::Raw) {
        const edit::Preparation& prep =
            m.requirePreparation("the semantic and truthfulness spaces");
        const auto& encoders = params.space == StateSpace::Semantic ? prep.semantic : prep.truth;
        const auto found = encoders.find(layer);
        if (found == encoders.end()) {
            std::string layers;
            for (int l : prep.layers)
                layers += (layers.empty() ? "" : ", ") + std::to_string(l);
            throw Error(ErrorKind::InvalidInput,
                        "the " + std::string(stateSpaceName(params.space)) +
                            " encoder exists only at the edited layers (" + layers +
                            "), not at layer " + std::to_string(layer) +
                            "; pick one of those or the raw space");
        }
        encoder = &found->second;
    }

    const std::vector<StateInput> inputs =
        fromData ? datasetRows(params.dataFolder, params.task, params.limit) : params.inputs;
    // Last of the checks: loading replaces the live edits.
    if (!params.sessionPath.empty())
        loadSession(params.sessionPath, progress.subRange(0.0, 0.02));
    const bool withAfter = params.beforeAndAfter && session.edits().liveCount() > 0;
    const edit::EditedModel editedModel(*m.model, session.edits(), session.inference());
    const Progress capturing = progress.subRange(0.02, 0.98);

    // Row i's state and tag before the edits, and its state after them when there are any.
    std::vector<torch::Tensor> before, after;
    std::vector<StateTag> tags;
    std::map<std::string, torch::Tensor> prefixes; // the current image's, by path
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < inputs.size(); ++i) {
        capturing.throwIfCancelled("capturing hidden states");
        if (i % 20 == 0)
            capturing.report(double(i) / double(inputs.size()), "state " + std::to_string(i + 1) +
                                                                    " of " +
                                                                    std::to_string(inputs.size()));
        const StateInput& input = inputs[i];
        const std::string question = trimmedText(input.prompt);
        if (question.empty())
            throw Error(ErrorKind::InvalidInput,
                        "input " + std::to_string(i + 1) + " has an empty question");
        torch::Tensor prefix;
        if (!input.image.empty()) {
            const std::string& key = input.image.path;
            if (key.empty() || !prefixes.count(key)) {
                if (prefixes.size() > 8)
                    prefixes.clear(); // rows of one case share images; keep a few
                prefix = m.model->imagePrefix(impl_->pixelValues(input.image));
                if (!key.empty())
                    prefixes[key] = prefix;
            } else {
                prefix = prefixes.at(key);
            }
        }
        const bool atAnswer = takesAnswerEnd(input, params.space);
        const std::vector<int> answerIds =
            atAnswer ? m.tokenizer->encodeAnswer(trimmedText(input.answer)) : std::vector<int>{};
        auto capture = [&] {
            // Bypassed, liveFacts gives none; live, in-context edits put their
            // demonstrations first.
            const PromptSpec spec{question, input.style, prefix.defined()};
            const std::vector<int> promptIds = m.tokenizer->encode(
                spec.text(m.model->prompts(), liveFacts(session.edits())), true);
            const model::ForwardResult result =
                editedModel.hiddenStates(prefix, promptIds, answerIds);
            const int64_t position =
                result.prefixLength + int64_t(promptIds.size() + answerIds.size()) - 1;
            return result.hiddenStates[size_t(layer)].select(1, position).view({-1});
        };
        {
            const edit::EditBypass bypass(session.edits());
            before.push_back(capture());
        }
        if (withAfter)
            after.push_back(capture());
        StateTag tag;
        tag.role = input.role;
        tag.editIndex = input.editIndex;
        tag.text = question;
        tag.answer = atAnswer ? trimmedText(input.answer) : "";
        tag.imagePath = input.image.path;
        tag.phase = "before";
        tags.push_back(std::move(tag));
    }

    HiddenStates states;
    states.layer = layer;
    states.space = params.space;
    before.insert(before.end(), after.begin(), after.end()); // one matrix: before, then after
    if (!before.empty()) {
        torch::Tensor matrix = torch::stack(before);
        if (encoder)
            matrix = (*encoder)(matrix.to(encoder->w1.device(), encoder->w1.scalar_type()));
        matrix = matrix.to(torch::kCPU, torch::kFloat32).contiguous();
        states.points.rows = int(matrix.size(0));
        states.points.cols = int(matrix.size(1));
        const float* data = matrix.data_ptr<float>();
        states.points.values.assign(data, data + matrix.numel());
    }
    states.tags = tags;
    if (withAfter)
        for (StateTag& tag : tags) {
            tag.phase = "after";
            states.tags.push_back(std::move(tag));
        }
    progress.report(1.0, "captured " + std::to_string(states.points.rows) + " states at layer " +
                             std::to_string(layer));
    return states;
}

} // namespace unike
