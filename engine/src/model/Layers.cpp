#include "model/Layers.h"

#include "io/ModelConfig.h"

#include <unike/Error.h>

namespace unike::model {

torch::Tensor initTensor(torch::IntArrayRef shape, double std) {
    if (std < 0.0)
        return torch::empty(shape);
    if (std == 0.0)
        return torch::zeros(shape);
    return torch::randn(shape) * std;
}

Linear Linear::create(ParameterStore& store, const std::string& prefix, int64_t in, int64_t out,
                      bool bias, double initStd) {
    Linear layer;
    layer.weight = store.add(prefix + ".weight", initTensor({out, in}, initStd));
    if (bias)
        layer.bias = store.add(prefix + ".bias", torch::zeros({out}));
    return layer;
}

torch::Tensor Linear::operator()(const torch::Tensor& x) const {
    return torch::nn::functional::linear(x, weight, bias);
}

LayerNorm LayerNorm::create(ParameterStore& store, const std::string& prefix, int64_t size,
                            double eps, bool affine) {
    LayerNorm norm;
    norm.size = size;
    norm.eps = eps;
    if (affine) {
        norm.weight = store.add(prefix + ".weight", torch::ones({size}));
        norm.bias = store.add(prefix + ".bias", torch::zeros({size}));
    }
    return norm;
}

torch::Tensor LayerNorm::operator()(const torch::Tensor& x) const {
    return torch::layer_norm(x, {size}, weight, bias, eps);
}

torch::Tensor embedTokenIds(const torch::Tensor& table, const torch::Tensor& inputIds) {
    if (inputIds.numel() > 0) {
        const int64_t maxId = inputIds.max().item<int64_t>();
        const int64_t minId = inputIds.min().item<int64_t>();
        if (minId < 0 || maxId >= table.size(0))
            throw Error(ErrorKind::InvalidInput,
                        "token id " + std::to_string(minId < 0 ? minId : maxId) +
                            " is outside the model's vocabulary of " +
                            std::to_string(table.size(0)) + " tokens");
    }
    return torch::embedding(table, inputIds);
}

void checkActivation(const std::string& name, const std::string& where) {
    for (const std::string& supported : io::supportedActivations())
        if (name == supported)
            return;
    throw Error(ErrorKind::Unsupported,
                "activation '" + name + "' in " + where + " is not supported by this engine");
}

torch::Tensor activate(const std::string& name, const torch::Tensor& x) {
    if (name == "relu")
        return torch::relu(x);
    if (name == "gelu")
        return torch::gelu(x); // exact (erf) GELU, as transformers' "gelu"
    if (name == "gelu_new" || name == "gelu_pytorch_tanh")
        return torch::gelu(x, "tanh");
    if (name == "silu")
        return torch::silu(x);
    throw Error(ErrorKind::Unsupported, "activation '" + name + "' is not supported");
}

} // namespace unike::model
