#pragma once
// A saved session: a JSON manifest (provenance per edit, the model's hash, the
// caller's own state) and, beside it, a safetensors file with every edit's tensors.
// Manifest PATH, tensors PATH + ".safetensors". Both are written atomically.

#include "edit/EditPatch.h"

#include <memory>
#include <string>
#include <vector>

namespace unike::edit {

struct SessionContents {
    std::vector<std::shared_ptr<EditPatch>> patches; // in the order they were applied
    std::string modelHash;
    std::string modelName;
    std::string inferenceJson; // the hyperparameters the hooks use at inference
    std::string userJson;      // "" or a JSON value the caller stored
};

void writeSessionFile(const std::string& path, const SessionContents& session);

// Throws Error(File) for a missing, malformed or mismatched pair of files.
// Tensors come back on `device` in `dtype`.
SessionContents readSessionFile(const std::string& path, torch::Device device,
                                torch::ScalarType dtype);

std::string sessionTensorsPath(const std::string& manifestPath);

} // namespace unike::edit
