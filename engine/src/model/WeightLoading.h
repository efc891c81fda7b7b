#pragma once
// Filling a model's parameters from a Hugging Face checkpoint folder and writing them back.
// One path for every family: the family says how checkpoint names map to its parameters
// (CheckpointNaming); every parameter must be found with its exact shape, and every tensor of
// the files must be used or known to be unused, else the load fails naming the tensor.

#include "io/CheckpointFiles.h"
#include "io/DType.h"
#include "io/ParameterEstimate.h"
#include "model/MultimodalModel.h"

#include <unike/Progress.h>

#include <functional>
#include <string>
#include <vector>

namespace unike::model {

struct LoadOptions {
    torch::Device device = torch::kCPU;
    torch::ScalarType dtype = torch::kFloat32; // compute dtype; weights are converted on load
};

// A parameter's tensor as the checkpoint holds it, and the checkpoint names it came from.
struct FoundTensor {
    torch::Tensor tensor; // undefined when the checkpoint has none
    std::vector<std::string> sources;
};

struct CheckpointNaming {
    // Finds the model's parameter `name` in the files: under its own name, an older or newer
    // layout's name, or fused from parts. Undefined when absent.
    std::function<FoundTensor(const io::CheckpointFiles& files, const std::string& name)> find;
    // Checkpoint tensors the model does not need (a tied lm_head, buffers, unused branches).
    std::function<bool(const std::string& checkpointName)> ignorable;
};

// The tensor stored under `name`, or an undefined one.
FoundTensor findExact(const io::CheckpointFiles& files, const std::string& name);

// Reads `folder`'s config.json text. Throws Error(File) when the folder or the file is missing.
std::string readConfigText(const std::string& folder);

// Opens the folder's weights (headers only) and refuses, before the model is built, a
// config.json that asks for more than they hold (a layer count of 2^31) or more than the
// device has free. Throws Error(Model) naming the config field most likely at fault, or
// saying how much memory the model needs and what to try.
io::CheckpointFiles openCheckpointFor(const std::string& folder,
                                      const io::ParameterEstimate& wanted,
                                      const LoadOptions& options);

// Overwrites every parameter of `model` from the weights, converted to the options' device
// and dtype. Throws Error(Model) naming a missing, mis-shaped or unexpected tensor,
// Error(Cancelled) on cancel.
void loadWeights(MultimodalModel& model, const io::CheckpointFiles& files,
                 const CheckpointNaming& naming, const LoadOptions& options,
                 const Progress& progress);

// Writes config.json and the weights (in `storage` dtype, as `shards` files).
void saveModel(const MultimodalModel& model, const std::string& folder,
               io::DType storage = io::DType::F32, int shards = 1);

} // namespace unike::model
