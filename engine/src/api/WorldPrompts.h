#pragma once
// The text a model reads for a sample of the demo world, in its family's prompt format. The
// world writes BLIP-2's plain prompts ("Question: {q} Short answer:", a caption stub,
// "nq question: {q}"); a chat family (LLaVA) wraps the same question or text in its
// conversation, as the editors and the benchmark do for MMEdit's records.

#include "model/PromptFormat.h"
#include "world/Sample.h"

#include <string>

namespace unike {

// `facts`: in-context demonstrations before the prompt (PromptFormat::newFact's), or "".
// For the plain format and no facts this is the world's own sample.prompt.
std::string worldPrompt(const world::Sample& sample, const model::PromptFormat& format,
                        const std::string& facts = "");

} // namespace unike
