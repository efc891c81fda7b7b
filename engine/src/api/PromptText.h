#pragma once
// How questions become prompts, shared by the facade's operations.

#include <unike/ModelTypes.h>

#include <string>

namespace unike {

inline std::string trimmedText(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// VQA prompts use EasyEdit's template; caption prompts are used as given.
inline std::string promptFor(const std::string& question, PromptStyle style) {
    return style == PromptStyle::Vqa ? "Question: " + question + " Short answer:" : question;
}

// An in-context edit's demonstration (IKE, EasyEdit's wording); the prompt follows the
// facts after "Prompt: ". The demo trainer teaches exactly this format.
inline std::string newFactLine(const std::string& question, const std::string& answer) {
    return "New Fact: " + question + " " + answer + "\n";
}
inline std::string withFacts(const std::string& facts, const std::string& prompt) {
    return facts.empty() ? prompt : facts + "Prompt: " + prompt;
}

} // namespace unike
