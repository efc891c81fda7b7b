#pragma once
// Named model shapes with random weights, for speed measurements at real sizes where no
// checkpoint can be downloaded. Each family adds its shapes in RandomShapes.cpp.

#include "model/MultimodalModel.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace unike::model {

struct RandomShape {
    std::string name;        // "blip2-opt-2.7b"
    std::string description; // for --help and messages
    int64_t vocabSize = 0;
    // The token that marks an image in the family's prompts ("<image>"), and its id; -1:
    // none (BLIP-2 prepends the visual tokens).
    std::string imageToken;
    int64_t imageTokenId = -1;
    std::function<std::shared_ptr<MultimodalModel>(uint64_t seed)> create;
};

const std::vector<RandomShape>& randomShapes();

// Throws Error(InvalidInput) naming the known shapes for any other name.
const RandomShape& randomShape(const std::string& name);

} // namespace unike::model
