#pragma once
// How a model family wants its prompts: the VQA template, the caption prompt and, for chat
// models, the conversation around them. The one place prompts are written; callers pass the
// question and get the text the tokenizer reads. Torch-free.

#include <string>

namespace unike::model {

// Vqa: a question put into the family's VQA template. Raw: used as given (captions and
// text-only questions, as EasyEdit does).
enum class PromptKind { Vqa, Raw };

class PromptFormat {
public:
    virtual ~PromptFormat() = default;
    // The prompt for a question (or a caption prompt), optionally after in-context facts
    // (IKE demonstrations, already formatted by newFact). `withImage`: the input has an
    // image, which chat formats mark with their image token.
    virtual std::string prompt(const std::string& question, PromptKind kind,
                               const std::string& facts = "", bool withImage = true) const = 0;
    // One in-context demonstration (IKE): a question and the answer it should get.
    virtual std::string newFact(const std::string& question, const std::string& answer) const;
};

// BLIP-2's: EasyEdit's "Question: {q} Short answer:", captions as given, facts before the
// prompt (the demo trainer teaches exactly this).
class PlainPromptFormat : public PromptFormat {
public:
    std::string prompt(const std::string& question, PromptKind kind, const std::string& facts = "",
                       bool withImage = true) const override;
    // An already formatted prompt after facts: "{facts}Prompt: {prompt}".
    static std::string afterFacts(const std::string& facts, const std::string& promptText);
};

} // namespace unike::model
