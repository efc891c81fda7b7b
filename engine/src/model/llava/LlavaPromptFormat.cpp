#include "model/llava/LlavaPromptFormat.h"

namespace unike::model {

std::string LlavaPromptFormat::prompt(const std::string& question, PromptKind kind,
                                      const std::string& facts, bool withImage) const {
    const std::string body = PlainPromptFormat::afterFacts(
        facts, kind == PromptKind::Vqa ? "Question: " + question + " Short answer:" : question);
    return std::string("USER: ") + (withImage ? "<image>\n" : "") + body + " ASSISTANT:";
}

} // namespace unike::model
