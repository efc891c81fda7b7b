#pragma once
// config.json's "model_type", read before anything else so that the right family parses the
// rest. Torch-free.

#include <string>

namespace unike::io {

// Throws Error(File) for text that is not a JSON object, Error(Unsupported) when the object
// names no model_type; `supported` ends that message ("UniKE runs blip-2 and llava").
std::string readModelType(const std::string& jsonText, const std::string& sourceName,
                          const std::string& supported);

} // namespace unike::io
