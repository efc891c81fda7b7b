#pragma once
// How questions become prompts, shared by the facade's operations. The format itself
// belongs to the model family (model::PromptFormat); this adds the facade's types and the
// live in-context facts.

#include "edit/EditStack.h"
#include "model/PromptFormat.h"

#include <unike/ModelTypes.h>

#include <string>

namespace unike {

inline std::string trimmedText(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

inline model::PromptKind promptKind(PromptStyle style) {
    return style == PromptStyle::Vqa ? model::PromptKind::Vqa : model::PromptKind::Raw;
}

// The live in-context edits' demonstrations, in order (IKE); "" when none is live.
inline std::string liveFacts(const edit::EditStack& stack) {
    std::string facts;
    for (const auto& patch : stack.patches())
        if (patch->enabled && !patch->demonstration.empty())
            facts += patch->demonstration;
    return facts;
}

// One prompt in the model's format: a question, how it is used, and whether an image goes
// with it.
struct PromptSpec {
    std::string question;
    PromptStyle style = PromptStyle::Vqa;
    bool withImage = true;

    std::string text(const model::PromptFormat& format, const std::string& facts = "") const {
        return format.prompt(question, promptKind(style), facts, withImage);
    }
};

} // namespace unike
