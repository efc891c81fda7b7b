#include "api/EditMethods.h"

#include "edit/FineTuneEditor.h"
#include "edit/IntrinsicEditor.h"

#include <unike/EditTypes.h>
#include <unike/Error.h>

namespace unike {
namespace {

// T-Patcher's own locality device is its memory loss (METHOD.md §4, lambda 5); UniKE's gate
// replaces it [decision, EVIDENCE.md], so unike keeps lambda 0.
void tPatcherSettings(edit::EditHyperParams& p) {
    p.gateNeurons = false;
    p.lambdaMemory = 5.0;
}

void keepDefaults(edit::EditHyperParams&) {}

std::function<std::unique_ptr<edit::Editor>(const EditorContext&)>
intrinsic(edit::IntrinsicOptions options) {
    return [options](const EditorContext& c) {
        auto editor = std::make_unique<edit::IntrinsicEditor>(c.model, c.stack, c.params, options);
        if (c.preparation)
            editor->setMemory(c.preparation->memory);
        return std::unique_ptr<edit::Editor>(std::move(editor));
    };
}

std::unique_ptr<edit::Editor> fineTune(const EditorContext& c) {
    return std::make_unique<edit::FineTuneEditor>(c.model, c.stack, c.params);
}

} // namespace

const std::vector<EditMethod>& editMethodTable() {
    // IntrinsicOptions: {neurons, the edit's own knowledge entry, W_zeta}.
    static const std::vector<EditMethod> table = {
        {"unike", "gated neurons, the edit's latent knowledge with the gated alpha, and zeta",
         keepDefaults, false, intrinsic({true, true, true})},
        {"tpatcher", "ungated neurons with T-Patcher's memory loss", tPatcherSettings, false,
         intrinsic({true, false, false})},
        {"latent-ike", "the edit's latent knowledge entry alone", keepDefaults, false,
         intrinsic({false, true, false})},
        {"intrinsic+latent-ike", "ungated neurons and latent knowledge with a fixed alpha",
         [](edit::EditHyperParams& p) {
             tPatcherSettings(p);
             p.alphaMode = edit::AlphaMode::Fixed;
         },
         false, intrinsic({true, true, false})},
        {"ft", "fine-tunes the last decoder layer's FFN output weight (FT-L)", keepDefaults, false,
         fineTune},
        {"ike", "an in-context \"New Fact\" demonstration before every prompt", keepDefaults, true,
         intrinsic({false, false, false})},
        {"intrinsic+ike", "ungated neurons and an in-context demonstration", tPatcherSettings, true,
         intrinsic({true, false, false})},
    };
    return table;
}

const EditMethod& editMethod(const std::string& name) {
    std::string known;
    for (const EditMethod& method : editMethodTable()) {
        if (method.name == name)
            return method;
        known += (known.empty() ? "" : ", ") + method.name;
    }
    throw Error(ErrorKind::InvalidInput, "unknown editing method '" + name + "'; use " + known);
}

edit::EditHyperParams
methodHyperParams(const std::string& method, const std::string& json,
                  const std::vector<std::pair<std::string, std::string>>& overrides,
                  const std::string& modelDefaultsJson) {
    edit::EditHyperParams params;
    editMethod(method).tune(params);
    if (!modelDefaultsJson.empty())
        params.applyJson(modelDefaultsJson, "the model folder's edit_hparams.json");
    if (!json.empty())
        params.applyJson(json, "the hyperparameters");
    for (const auto& [key, value] : overrides)
        params.set(key, value);
    return params;
}

const std::vector<std::string>& editMethods() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const EditMethod& method : editMethodTable())
            out.push_back(method.name);
        return out;
    }();
    return names;
}

} // namespace unike
