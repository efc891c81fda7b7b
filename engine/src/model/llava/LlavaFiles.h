#pragma once
// LLaVA folders in Hugging Face's format: config.json plus model.safetensors or a sharded
// index, in either layout transformers has written (HF-NOTES.md "LLaVA-1.5, CLIP and LLaMA"):
//   released llava-hf:   language_model.model.*, language_model.lm_head.weight,
//                        vision_tower.vision_model.*, multi_modal_projector.*
//   transformers >= 4.52: model.language_model.*, lm_head.weight, model.vision_tower.*,
//                        model.multi_modal_projector.*
// Saving writes the released layout, which every transformers version reads.

#include "model/WeightLoading.h"
#include "model/llava/LlavaModel.h"

#include <unike/Progress.h>

#include <memory>
#include <string>

namespace unike::model {

// Throws Error(File/Model/Unsupported) for a missing or malformed config and missing,
// unexpected or mis-shaped tensors (named), Error(Cancelled) when progress is cancelled.
std::shared_ptr<LlavaModel> loadLlava(const std::string& folder, const LoadOptions& options,
                                      const Progress& progress = Progress());

// The transformers >= 4.52 name of a released-layout parameter name ("" when none).
std::string newerLlavaName(const std::string& releasedName);

} // namespace unike::model
