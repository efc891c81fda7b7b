#pragma once
// LlamaRMSNorm: x / sqrt(mean(x²) + eps) · weight, with the statistics in float32 and the
// normalised value cast back to the input's dtype before the weight multiplies it, as
// transformers does (so float16 runs round where transformers rounds).

#include "model/ParameterStore.h"

#include <torch/torch.h>

#include <string>

namespace unike::model {

struct RmsNorm {
    torch::Tensor weight; // (size), ones at initialisation
    double eps = 1e-6;

    static RmsNorm create(ParameterStore& store, const std::string& prefix, int64_t size,
                          double eps);
    torch::Tensor operator()(const torch::Tensor& x) const;
};

} // namespace unike::model
