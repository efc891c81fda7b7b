#pragma once
// Bare LLaMA folders (LlamaForCausalLM) in Hugging Face's format: config.json plus
// model.safetensors or a sharded index.

#include "model/WeightLoading.h"
#include "model/llama/LlamaTextModel.h"

#include <unike/Progress.h>

#include <memory>
#include <string>

namespace unike::model {

// Throws Error(File/Model/Unsupported) for a missing or malformed config and missing,
// unexpected or mis-shaped tensors, Error(Cancelled) when progress is cancelled.
std::shared_ptr<LlamaTextModel> loadLlama(const std::string& folder, const LoadOptions& options,
                                          const Progress& progress = Progress());

// True for LLaMA buffers old checkpoints carry and no model needs: each attention's (or the
// model's) rotary_emb.inv_freq, recomputed from the config.
bool isRotaryBuffer(const std::string& checkpointName);

} // namespace unike::model
