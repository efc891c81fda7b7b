#pragma once
// One edit as the editors see it: the image prefix, the prompt and the target,
// already tokenized (prompt with BOS; target as " " + target, no BOS).

#include <torch/torch.h>

#include <string>
#include <vector>

namespace unike::edit {

struct EditRequest {
    torch::Tensor prefix; // (1, Q, D) projected query outputs, or undefined (text-only)
    std::vector<int> promptIds;
    std::vector<int> targetIds;
    std::string prompt; // for provenance and in-context demonstrations
    std::string target;
    // The end-of-text token. When set (>= 0) and EditHyperParams::trainEndOfText is on, the
    // editors also train the answer to end after the target: an edit trained on the target
    // alone keeps pushing it at every later position, and generation repeats it.
    int endOfTextId = -1;
    // Other wordings of the prompt (with BOS) for the same image and target, trained as well
    // when EditHyperParams::trainOnRephrasings is on.
    std::vector<std::vector<int>> rephrasingPromptIds;
};

} // namespace unike::edit
