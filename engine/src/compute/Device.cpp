#include "compute/Device.h"

#include <unike/Error.h>

namespace unike::compute {

torch::Device parseDevice(const std::string& name) {
    const bool cuda = torch::cuda::is_available();
    if (name.empty() || name == "auto")
        return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (name == "cpu")
        return torch::kCPU;
    if (name.rfind("cuda", 0) == 0) {
        if (!cuda)
            throw Error(ErrorKind::Unsupported,
                        "device '" + name +
                            "' was asked for, but this LibTorch build sees no CUDA GPU; use "
                            "--device cpu, or build against a CUDA LibTorch");
        try {
            return torch::Device(name);
        } catch (const std::exception&) {
            throw Error(ErrorKind::InvalidInput,
                        "cannot parse device '" + name + "'; use cpu, cuda, cuda:N or auto");
        }
    }
    throw Error(ErrorKind::InvalidInput,
                "unknown device '" + name + "'; use cpu, cuda, cuda:N or auto");
}

torch::ScalarType parseDType(const std::string& name, const torch::Device& device) {
    if (name.empty() || name == "auto")
        return device.is_cuda() ? torch::kFloat16 : torch::kFloat32;
    torch::ScalarType dtype;
    if (name == "float32" || name == "fp32" || name == "f32")
        dtype = torch::kFloat32;
    else if (name == "float16" || name == "fp16" || name == "f16")
        dtype = torch::kFloat16;
    else if (name == "bfloat16" || name == "bf16")
        dtype = torch::kBFloat16;
    else
        throw Error(ErrorKind::InvalidInput,
                    "unknown dtype '" + name + "'; use float32, float16, bfloat16 or auto");
    if (dtype != torch::kFloat32 && !device.is_cuda())
        throw Error(ErrorKind::Unsupported,
                    "dtype " + name + " is only supported on CUDA; use float32 on the CPU");
    return dtype;
}

std::string deviceName(const torch::Device& device) {
    return device.str();
}

std::string dtypeName(torch::ScalarType dtype) {
    switch (dtype) {
    case torch::kFloat32:
        return "float32";
    case torch::kFloat16:
        return "float16";
    case torch::kBFloat16:
        return "bfloat16";
    default:
        return c10::toString(dtype);
    }
}

} // namespace unike::compute
