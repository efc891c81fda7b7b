#pragma once
// The editing methods of METHOD.md §8 as settings of the one intrinsic/latent
// machinery.

#include "edit/EditHyperParams.h"
#include "edit/EditStack.h"
#include "edit/IntrinsicEditor.h"

#include <string>

namespace unike {

struct MethodSetup {
    edit::IntrinsicOptions options;
    void (*tune)(edit::EditHyperParams&);
    bool fineTune = false;  // ft: changes the last FFN's output weights
    bool inContext = false; // ike: a "New Fact" demonstration before every prompt
};

// The text live in-context edits put before a prompt ("New Fact: ... \nPrompt: ").
std::string inContextPrompt(const edit::EditStack& stack, const std::string& prompt);

// Throws Error(Unsupported) for a method this version cannot run yet and
// Error(InvalidInput) for an unknown one.
MethodSetup methodSetup(const std::string& method);

// Defaults for `method`, then a JSON object, then key=value overrides.
edit::EditHyperParams
methodHyperParams(const std::string& method, const std::string& json,
                  const std::vector<std::pair<std::string, std::string>>& overrides);

} // namespace unike
