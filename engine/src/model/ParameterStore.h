#pragma once
// The model's weights by their Hugging Face names ("language_model.model.decoder.
// layers.0.fc1.weight"). Layers hold references (shared tensor storage), so the
// store is the one owner, and saving or training iterates over it.

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace unike::model {

class ParameterStore {
public:
    // Registers a tensor. Throws Error(Internal) on a duplicate name.
    torch::Tensor& add(const std::string& name, torch::Tensor tensor);
    // Throws Error(Model) naming the tensor when it is absent.
    const torch::Tensor& get(const std::string& name) const;
    bool contains(const std::string& name) const { return tensors_.count(name) > 0; }

    std::vector<std::string> names() const;
    std::vector<torch::Tensor> tensors() const;
    const std::map<std::string, torch::Tensor>& all() const { return tensors_; }
    int64_t parameterCount() const;
    int64_t byteSize() const;

    // Replaces each tensor's data in place (layers keep seeing the same tensors).
    void convert(torch::Device device, torch::ScalarType dtype);
    void setRequiresGrad(bool requiresGrad);

private:
    std::map<std::string, torch::Tensor> tensors_;
};

} // namespace unike::model
