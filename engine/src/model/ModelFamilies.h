#pragma once
// The model families UniKE runs, chosen by config.json's model_type. Adding a family is a
// folder under model/ and one line in ModelFamilies.cpp; nothing above model/ changes.

#include "model/WeightLoading.h"

#include <unike/Progress.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace unike::model {

struct ModelFamily {
    std::string modelType;   // config.json's model_type
    std::string description; // for people: "BLIP-2 with an OPT language model"
    std::function<std::shared_ptr<MultimodalModel>(const std::string& folder, const LoadOptions&,
                                                   const Progress&)>
        load;
};

const std::vector<ModelFamily>& modelFamilies();

// "UniKE runs: blip-2 (BLIP-2 with an OPT language model), ..." for error messages.
std::string supportedFamiliesText();

// Throws Error(Unsupported) when the folder's config.json names a model type no family runs
// (and the loader's File errors for a missing or malformed config.json). Cheap: reads only
// model_type, so a folder is refused before its tokenizer or weights are read.
void checkFamilySupported(const std::string& folder);

// Loads a Hugging Face folder with the family its config.json names. Throws
// Error(Unsupported) naming an unknown model_type and listing the supported ones, and the
// family loader's errors otherwise.
std::shared_ptr<MultimodalModel> loadModel(const std::string& folder, const LoadOptions& options,
                                           const Progress& progress = Progress());

} // namespace unike::model
