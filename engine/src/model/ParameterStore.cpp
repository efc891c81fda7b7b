#include "model/ParameterStore.h"

#include <unike/Error.h>

namespace unike::model {

torch::Tensor& ParameterStore::add(const std::string& name, torch::Tensor tensor) {
    auto [it, inserted] = tensors_.emplace(name, std::move(tensor));
    if (!inserted)
        throw Error(ErrorKind::Internal, "parameter '" + name + "' registered twice");
    return it->second;
}

const torch::Tensor& ParameterStore::get(const std::string& name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end())
        throw Error(ErrorKind::Model, "the model has no parameter '" + name + "'");
    return it->second;
}

std::vector<std::string> ParameterStore::names() const {
    std::vector<std::string> out;
    out.reserve(tensors_.size());
    for (const auto& entry : tensors_)
        out.push_back(entry.first);
    return out;
}

std::vector<torch::Tensor> ParameterStore::tensors() const {
    std::vector<torch::Tensor> out;
    out.reserve(tensors_.size());
    for (const auto& entry : tensors_)
        out.push_back(entry.second);
    return out;
}

int64_t ParameterStore::parameterCount() const {
    int64_t count = 0;
    for (const auto& entry : tensors_)
        count += entry.second.numel();
    return count;
}

int64_t ParameterStore::byteSize() const {
    int64_t bytes = 0;
    for (const auto& entry : tensors_)
        bytes += entry.second.numel() * entry.second.element_size();
    return bytes;
}

void ParameterStore::convert(torch::Device device, torch::ScalarType dtype) {
    torch::NoGradGuard noGrad;
    for (auto& entry : tensors_) {
        torch::Tensor& tensor = entry.second;
        if (tensor.device() == device && tensor.scalar_type() == dtype)
            continue;
        // set_data keeps the tensor's identity, so layers holding it see the change.
        tensor.set_data(tensor.to(device, dtype));
    }
}

void ParameterStore::setRequiresGrad(bool requiresGrad) {
    for (auto& entry : tensors_)
        entry.second.set_requires_grad(requiresGrad);
}

} // namespace unike::model
