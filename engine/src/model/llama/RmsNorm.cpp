#include "model/llama/RmsNorm.h"

namespace unike::model {

RmsNorm RmsNorm::create(ParameterStore& store, const std::string& prefix, int64_t size,
                        double eps) {
    RmsNorm norm;
    norm.weight = store.add(prefix + ".weight", torch::ones({size}));
    norm.eps = eps;
    return norm;
}

torch::Tensor RmsNorm::operator()(const torch::Tensor& x) const {
    const auto wide = x.to(torch::kFloat32);
    const auto variance = wide.pow(2).mean(-1, true);
    return weight * (wide * torch::rsqrt(variance + eps)).to(x.scalar_type());
}

} // namespace unike::model
