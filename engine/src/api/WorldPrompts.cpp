#include "api/WorldPrompts.h"

namespace unike {

std::string worldPrompt(const world::Sample& sample, const model::PromptFormat& format,
                        const std::string& facts) {
    switch (sample.kind) {
    case world::TaskKind::PerceptionVqa:
    case world::TaskKind::KnowledgeVqa:
        return format.prompt(sample.question, model::PromptKind::Vqa, facts, sample.hasImage);
    case world::TaskKind::Caption:
    case world::TaskKind::TextQa:
        break;
    }
    // The caption stub and "nq question: ..." are used as written, as MMEdit's records are.
    return format.prompt(sample.prompt, model::PromptKind::Raw, facts, sample.hasImage);
}

} // namespace unike
