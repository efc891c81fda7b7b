#include "model/TensorConversions.h"

#include <unike/Error.h>

namespace unike::model {

torch::ScalarType toTorch(io::DType dtype) {
    switch (dtype) {
    case io::DType::F64:
        return torch::kFloat64;
    case io::DType::F32:
        return torch::kFloat32;
    case io::DType::F16:
        return torch::kFloat16;
    case io::DType::BF16:
        return torch::kBFloat16;
    case io::DType::I64:
        return torch::kInt64;
    case io::DType::I32:
        return torch::kInt32;
    case io::DType::I16:
        return torch::kInt16;
    case io::DType::I8:
        return torch::kInt8;
    case io::DType::U8:
        return torch::kUInt8;
    case io::DType::Bool:
        return torch::kBool;
    }
    throw Error(ErrorKind::Internal, "unknown dtype");
}

torch::Tensor tokenIds(const std::vector<int>& ids, torch::Device device) {
    std::vector<int64_t> wide(ids.begin(), ids.end());
    return torch::tensor(wide, torch::kLong).view({1, -1}).to(device);
}

torch::Tensor positionIndex(int64_t position, torch::Device device) {
    return torch::full({1}, position, torch::TensorOptions().dtype(torch::kLong).device(device));
}

torch::Tensor pixelValues(const vision::PixelTensor& pixels) {
    return torch::from_blob(const_cast<float*>(pixels.data.data()),
                            {1, pixels.channels, pixels.height, pixels.width}, torch::kFloat32)
        .clone();
}

torch::Tensor readTensor(const io::SafetensorsFile& file, const io::TensorInfo& info) {
    std::vector<int64_t> shape(info.shape.begin(), info.shape.end());
    // from_blob only views the mapped file; clone() copies before the file closes.
    return torch::from_blob(const_cast<uint8_t*>(file.data(info)), shape,
                            torch::dtype(toTorch(info.dtype)))
        .clone();
}

void addFloat32Tensor(io::SafetensorsWriter& writer, const std::string& name,
                      const torch::Tensor& tensor) {
    const torch::Tensor cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    const std::vector<int64_t> shape(cpu.sizes().begin(), cpu.sizes().end());
    writer.add(name, io::DType::F32, shape, cpu.data_ptr(), size_t(cpu.numel()) * sizeof(float));
}

} // namespace unike::model
