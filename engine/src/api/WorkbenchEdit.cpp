#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "edit/IntrinsicEditor.h"

#include <unike/Error.h>

#include <fstream>

namespace unike {
namespace {

struct MethodSetup {
    edit::IntrinsicOptions options;
    void (*tune)(edit::EditHyperParams&);
};

// Each method as METHOD.md §8 defines it, on the one intrinsic/latent machinery.
MethodSetup setupFor(const std::string& method) {
    if (method == "tpatcher")
        return {{true, false, false}, [](edit::EditHyperParams& p) { p.gateNeurons = false; }};
    if (method == "latent-ike")
        return {{false, true, false}, [](edit::EditHyperParams&) {}};
    if (method == "intrinsic+latent-ike")
        return {{true, true, false}, [](edit::EditHyperParams& p) {
                    p.gateNeurons = false;
                    p.alphaMode = edit::AlphaMode::Fixed;
                }};
    if (method == "unike")
        return {{true, true, true}, [](edit::EditHyperParams&) {}};
    if (method == "ft" || method == "ike" || method == "intrinsic+ike")
        throw Error(ErrorKind::Unsupported,
                    "the '" + method +
                        "' editor is not available in this version yet; use "
                        "unike, tpatcher, latent-ike or intrinsic+latent-ike");
    throw Error(ErrorKind::InvalidInput, "unknown editing method '" + method + "'");
}

EditSummary summarise(const edit::EditPatch& patch) {
    return {patch.id,      patch.name,  patch.method,  patch.prompt,         patch.target,
            patch.enabled, patch.steps, patch.seconds, patch.hyperParamsJson};
}

} // namespace

const std::vector<std::string>& editMethods() {
    static const std::vector<std::string> methods = {
        "unike", "tpatcher", "latent-ike", "intrinsic+latent-ike", "ft", "ike", "intrinsic+ike"};
    return methods;
}

EditSummary Workbench::applyEdit(const EditParams& params, const Progress& progress) {
    LoadedModel& m = impl_->require();
    const std::string question = trimmedText(params.question);
    const std::string target = trimmedText(params.target);
    if (question.empty())
        throw Error(ErrorKind::InvalidInput,
                    "the edit's question is empty; type the question to correct");
    if (target.empty())
        throw Error(ErrorKind::InvalidInput,
                    "the edit's target answer is empty; type the answer the model should give");
    const MethodSetup setup = setupFor(params.method);
    edit::EditHyperParams hyper;
    setup.tune(hyper);
    if (!params.hyperParamsJson.empty())
        hyper.applyJson(params.hyperParamsJson, "the hyperparameters");
    for (const auto& [key, value] : params.overrides)
        hyper.set(key, value);
    hyper.validate(m.model->decoder().layerCount());

    progress.report(0.0, "reading the image");
    edit::EditRequest request;
    {
        torch::NoGradGuard noGrad;
        if (!params.image.empty())
            request.prefix = m.model->imagePrefix(impl_->pixelValues(params.image));
    }
    request.prompt = promptFor(question, params.style);
    request.target = target;
    request.promptIds = m.tokenizer.encode(request.prompt, true);
    request.targetIds = m.tokenizer.encode(" " + target, false);

    edit::IntrinsicEditor editor(*m.model, *m.edits, hyper, setup.options);
    auto patch = editor.train(request, progress.subRange(0.05, 1.0));
    patch->method = params.method;
    patch->name = params.name.empty() ? question + " → " + target : params.name;
    m.inference = hyper;
    m.edits->add(patch);
    return summarise(*patch);
}

void Workbench::setEditEnabled(int id, bool enabled) {
    impl_->require().edits->setEnabled(id, enabled);
}

void Workbench::renameEdit(int id, const std::string& name) {
    LoadedModel& m = impl_->require();
    for (const auto& patch : m.edits->patches())
        if (patch->id == id) {
            patch->name = name;
            return;
        }
    throw Error(ErrorKind::InvalidInput, "there is no edit #" + std::to_string(id));
}

void Workbench::removeEdit(int id) {
    impl_->require().edits->remove(id);
}

void Workbench::removeAllEdits() {
    impl_->require().edits->clear();
}

std::vector<EditSummary> Workbench::edits() const {
    std::vector<EditSummary> out;
    for (const auto& patch : impl_->require().edits->patches())
        out.push_back(summarise(*patch));
    return out;
}

} // namespace unike
