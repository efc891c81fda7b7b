#pragma once
// Device and dtype choice for the model: CPU or CUDA, float32 or (on CUDA)
// float16/bfloat16. Torch types stay inside the engine.

#include <torch/torch.h>

#include <string>

namespace unike::compute {

struct ComputeTarget {
    torch::Device device = torch::kCPU;
    torch::ScalarType dtype = torch::kFloat32;
};

// "auto" picks CUDA when present. "cuda" without CUDA is an Error.
torch::Device parseDevice(const std::string& name);
// "float32", "float16", "bfloat16" or "auto" (float32 on CPU, float16 on CUDA).
// Half types on the CPU are refused: LibTorch's CPU kernels for them are slow or missing.
torch::ScalarType parseDType(const std::string& name, const torch::Device& device);
std::string deviceName(const torch::Device& device);
std::string dtypeName(torch::ScalarType dtype);

} // namespace unike::compute
