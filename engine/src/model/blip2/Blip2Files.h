#pragma once
// BLIP-2 (OPT) folders in Hugging Face's format: config.json plus model.safetensors or a
// sharded index. One path serves the demo model and real checkpoints such as
// Salesforce/blip2-opt-2.7b.

#include "io/DType.h"
#include "model/WeightLoading.h"
#include "model/blip2/Blip2Model.h"

#include <unike/Progress.h>

#include <memory>
#include <string>

namespace unike::model {

// Throws Error(File/Model) for a missing or malformed config, missing, unexpected or
// mis-shaped tensors, and Error(Cancelled) when progress is cancelled.
std::shared_ptr<Blip2Model> loadBlip2(const std::string& folder, const LoadOptions& options,
                                      const Progress& progress = Progress());

// Writes config.json and the weights (in `storage` dtype, as `shards` files).
inline void saveBlip2(const Blip2Model& model, const std::string& folder,
                      io::DType storage = io::DType::F32, int shards = 1) {
    saveModel(model, folder, storage, shards);
}

} // namespace unike::model
