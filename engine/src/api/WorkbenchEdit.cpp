#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"

#include <unike/Error.h>

#include <ctime>
#include <fstream>

namespace unike {
namespace {

EditSummary summarise(const edit::EditPatch& patch) {
    EditSummary summary;
    summary.id = patch.id;
    summary.name = patch.name;
    summary.method = patch.method;
    summary.prompt = patch.prompt;
    summary.target = patch.target;
    summary.enabled = patch.enabled;
    summary.steps = patch.steps;
    summary.seconds = patch.seconds;
    summary.hyperParamsJson = patch.hyperParamsJson;
    summary.imageHash = patch.imageHash;
    summary.createdAt = patch.createdAt;
    summary.addedNorm = patch.addedNorm();
    for (const auto& [layer, neurons] : patch.neurons)
        summary.layers.push_back(layer);
    return summary;
}

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

EditSummary Workbench::applyEdit(const EditParams& params, const Progress& progress) {
    const LoadedModel& m = impl_->require();
    EditSession& session = impl_->requireSession();
    const std::string question = trimmedText(params.question);
    const std::string target = trimmedText(params.target);
    if (question.empty())
        throw Error(ErrorKind::InvalidInput,
                    "the edit's question is empty; type the question to correct");
    if (target.empty())
        throw Error(ErrorKind::InvalidInput,
                    "the edit's target answer is empty; type the answer the model should give");
    const EditMethod& method = editMethod(params.method);
    const edit::Preparation& prepared = m.requirePreparation("editing");
    edit::EditHyperParams hyper =
        m.hyperParams(params.method, params.hyperParamsJson, params.overrides);
    hyper.validate(m.model->decoder().layerCount());

    progress.report(0.0, "reading the image");
    edit::EditRequest request;
    {
        torch::NoGradGuard noGrad;
        if (!params.image.empty())
            request.prefix = m.model->imagePrefix(impl_->pixelValues(params.image));
    }
    const model::PromptFormat& format = m.model->prompts();
    const bool withImage = request.prefix.defined();
    request.prompt = PromptSpec{question, params.style, withImage}.text(format);
    request.target = target;
    request.promptIds = m.tokenizer->encode(request.prompt, true);
    request.targetIds = m.tokenizer->encodeAnswer(target);
    request.endOfTextId = m.tokenizer->eosId();
    if (hyper.trainOnRephrasings)
        for (const std::string& rephrasing : params.rephrasings)
            if (!trimmedText(rephrasing).empty())
                request.rephrasingPromptIds.push_back(m.tokenizer->encode(
                    PromptSpec{trimmedText(rephrasing), params.style, withImage}.text(format),
                    true));

    const std::shared_ptr<edit::EditPatch> patch =
        method.makeEditor({*m.model, session.edits(), hyper, &prepared})
            ->train(request, progress.subRange(0.05, 1.0));
    if (method.inContext)
        patch->demonstration = format.newFact(question, target);
    patch->method = params.method;
    patch->imageHash = impl_->imageHash(params.image);
    patch->createdAt = utcTimestamp();
    patch->name = params.name.empty() ? question + " → " + target : params.name;
    session.add(patch, hyper);
    return summarise(*patch);
}

void Workbench::setEditEnabled(int id, bool enabled) {
    impl_->requireSession().edits().setEnabled(id, enabled);
}

void Workbench::renameEdit(int id, const std::string& name) {
    for (const auto& patch : impl_->requireSession().edits().patches())
        if (patch->id == id) {
            patch->name = name;
            return;
        }
    throw Error(ErrorKind::InvalidInput, "there is no edit #" + std::to_string(id));
}

void Workbench::removeEdit(int id) {
    impl_->requireSession().remove(id);
}

void Workbench::restoreEdit(int id) {
    impl_->requireSession().restore(id);
}

void Workbench::removeAllEdits() {
    impl_->requireSession().clear();
}

std::string Workbench::inferenceSettingsJson() const {
    return impl_->requireSession().inference().toJson();
}

std::vector<EditSummary> Workbench::edits() const {
    std::vector<EditSummary> out;
    for (const auto& patch : impl_->requireSession().edits().patches())
        out.push_back(summarise(*patch));
    return out;
}

} // namespace unike
