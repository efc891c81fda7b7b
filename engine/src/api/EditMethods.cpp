#include "api/EditMethods.h"

#include "api/PromptText.h"

#include <unike/EditTypes.h>
#include <unike/Error.h>

namespace unike {

MethodSetup methodSetup(const std::string& method) {
    // T-Patcher's own locality device is its memory loss (METHOD.md §4, lambda 5);
    // UniKE's gate replaces it [decision, EVIDENCE.md], so unike keeps lambda 0.
    if (method == "tpatcher")
        return {{true, false, false}, [](edit::EditHyperParams& p) {
                    p.gateNeurons = false;
                    p.lambdaMemory = 5.0;
                }};
    if (method == "latent-ike")
        return {{false, true, false}, [](edit::EditHyperParams&) {}};
    if (method == "intrinsic+latent-ike")
        return {{true, true, false}, [](edit::EditHyperParams& p) {
                    p.gateNeurons = false;
                    p.lambdaMemory = 5.0;
                    p.alphaMode = edit::AlphaMode::Fixed;
                }};
    if (method == "unike")
        return {{true, true, true}, [](edit::EditHyperParams&) {}};
    if (method == "ft")
        return {{false, false, false}, [](edit::EditHyperParams&) {}, true, false};
    if (method == "ike")
        return {{false, false, false}, [](edit::EditHyperParams&) {}, false, true};
    if (method == "intrinsic+ike")
        return {{true, false, false},
                [](edit::EditHyperParams& p) {
                    p.gateNeurons = false;
                    p.lambdaMemory = 5.0;
                },
                false,
                true};
    std::string known;
    for (const std::string& name : editMethods())
        known += (known.empty() ? "" : ", ") + name;
    throw Error(ErrorKind::InvalidInput, "unknown editing method '" + method + "'; use " + known);
}

edit::EditHyperParams
methodHyperParams(const std::string& method, const std::string& json,
                  const std::vector<std::pair<std::string, std::string>>& overrides) {
    edit::EditHyperParams params;
    methodSetup(method).tune(params);
    if (!json.empty())
        params.applyJson(json, "the hyperparameters");
    for (const auto& [key, value] : overrides)
        params.set(key, value);
    return params;
}

std::string inContextPrompt(const edit::EditStack& stack, const std::string& prompt) {
    std::string facts;
    for (const auto& patch : stack.patches())
        if (patch->enabled && !patch->demonstration.empty())
            facts += patch->demonstration;
    return withFacts(facts, prompt);
}

const std::vector<std::string>& editMethods() {
    static const std::vector<std::string> methods = {
        "unike", "tpatcher", "latent-ike", "intrinsic+latent-ike", "ft", "ike", "intrinsic+ike"};
    return methods;
}

} // namespace unike
