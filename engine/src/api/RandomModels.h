#pragma once
// Named model shapes with random weights, for speed measurements at real sizes
// where no checkpoint can be downloaded.

#include "io/ModelConfig.h"

#include <string>

namespace unike {

// "tiny", "demo" or "blip2-opt-2.7b" (32 decoder layers of width 2560 behind BLIP-2's
// ViT-g and Q-Former). Throws Error(InvalidInput) for any other name.
io::Blip2Config randomModelConfig(const std::string& name);

} // namespace unike
