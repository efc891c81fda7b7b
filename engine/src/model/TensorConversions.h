#pragma once
// Turning the engine's plain buffers (token ids, preprocessed pixels, tensors in a
// safetensors file) into torch tensors and back, in one place.

#include "io/DType.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "vision/ImagePreprocessor.h"

#include <torch/torch.h>

#include <vector>

namespace unike::model {

torch::ScalarType toTorch(io::DType dtype);

// (1, T) int64 ids on `device`.
torch::Tensor tokenIds(const std::vector<int>& ids, torch::Device device = torch::kCPU);
// A one-element int64 index on `device`, for gathering a single sequence position.
torch::Tensor positionIndex(int64_t position, torch::Device device);

// (1, C, H, W) float32 pixel_values, a copy of `pixels`.
torch::Tensor pixelValues(const vision::PixelTensor& pixels);

// A copy of one tensor of a (memory-mapped) safetensors file, in its own dtype.
torch::Tensor readTensor(const io::SafetensorsFile& file, const io::TensorInfo& info);

// Adds a copy of `tensor`, as float32 on the CPU, to a file being written.
void addFloat32Tensor(io::SafetensorsWriter& writer, const std::string& name,
                      const torch::Tensor& tensor);

} // namespace unike::model
