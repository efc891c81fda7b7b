#pragma once
// The small building blocks, as plain structs of tensors owned by a ParameterStore.
// Plain tensors (not torch::nn modules) keep the weights shareable read-only and
// let edits add parameters beside them without touching the model.

#include "model/ParameterStore.h"

#include <torch/torch.h>

#include <string>

namespace unike::model {

struct Linear {
    torch::Tensor weight; // (out, in), as torch.nn.Linear
    torch::Tensor bias;   // (out) or undefined

    static Linear create(ParameterStore& store, const std::string& prefix, int64_t in, int64_t out,
                         bool bias, double initStd);
    torch::Tensor operator()(const torch::Tensor& x) const;
};

struct LayerNorm {
    torch::Tensor weight; // undefined when not elementwise-affine
    torch::Tensor bias;
    int64_t size = 0;
    double eps = 1e-5;

    static LayerNorm create(ParameterStore& store, const std::string& prefix, int64_t size,
                            double eps, bool affine = true);
    torch::Tensor operator()(const torch::Tensor& x) const;
};

// The activations the supported configs name ("gelu" is erf GELU, as in transformers).
torch::Tensor activate(const std::string& name, const torch::Tensor& x);
void checkActivation(const std::string& name, const std::string& where);

// Rows of an embedding table for input_ids. Throws InvalidInput naming an id outside it.
torch::Tensor embedTokenIds(const torch::Tensor& table, const torch::Tensor& inputIds);

// Passed as the init std for a skeleton whose weights will be loaded.
constexpr double kUninitialised = -1.0;

// A tensor of `shape` drawn from N(0, std); zeros for std == 0; uninitialised
// memory for kUninitialised.
torch::Tensor initTensor(torch::IntArrayRef shape, double std);

} // namespace unike::model
