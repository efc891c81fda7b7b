#include "model/PromptFormat.h"

namespace unike::model {

// EasyEdit's IKE wording; the prompt then follows the facts after "Prompt: ".
std::string PromptFormat::newFact(const std::string& question, const std::string& answer) const {
    return "New Fact: " + question + " " + answer + "\n";
}

std::string PlainPromptFormat::prompt(const std::string& question, PromptKind kind,
                                      const std::string& facts, bool) const {
    return afterFacts(facts, kind == PromptKind::Vqa ? "Question: " + question + " Short answer:"
                                                     : question);
}

std::string PlainPromptFormat::afterFacts(const std::string& facts, const std::string& promptText) {
    return facts.empty() ? promptText : facts + "Prompt: " + promptText;
}

} // namespace unike::model
