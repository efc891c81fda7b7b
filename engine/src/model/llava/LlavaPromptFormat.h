#pragma once
// LLaVA-1.5's conversation: "USER: <image>\n{prompt} ASSISTANT:" (llava-hf's documented
// prompt, the "vicuna_v1" template with its system line left out as the model cards do).
// [decision] A VQA question keeps EasyEdit's "Question: {q} Short answer:" inside the user
// turn: MMEdit's targets are short answers written for that template, and every family then
// sees the same question text, so their numbers compare. IKE facts go inside the user turn
// before the prompt, in EasyEdit's "New Fact: .. Prompt: .." form. Without an image the
// "<image>\n" is left out.

#include "model/PromptFormat.h"

namespace unike::model {

class LlavaPromptFormat : public PromptFormat {
public:
    std::string prompt(const std::string& question, PromptKind kind, const std::string& facts = "",
                       bool withImage = true) const override;
};

} // namespace unike::model
