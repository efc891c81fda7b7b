#include "model/llama/RotaryEmbedding.h"

namespace unike::model {

RotaryEmbedding::RotaryEmbedding(int64_t headDim, double theta, const io::RopeScaling& scaling) {
    // As transformers: arange(0, d, 2) as int64, then float32 throughout.
    auto exponent =
        torch::arange(0, headDim, 2, torch::kLong).to(torch::kFloat32) / double(headDim);
    invFreq_ = 1.0 / torch::pow(theta, exponent);
    if (scaling.linear())
        invFreq_ = invFreq_ / scaling.factor; // same angles as positions / factor
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cosSin(const torch::Tensor& positions,
                                                                torch::ScalarType dtype) const {
    auto invFreq = invFreq_.to(positions.device());
    auto freqs = positions.to(torch::kFloat32).unsqueeze(-1) * invFreq; // (B, T, d/2)
    auto angles = torch::cat({freqs, freqs}, -1).unsqueeze(1);          // (B, 1, T, d)
    return {angles.cos().to(dtype), angles.sin().to(dtype)};
}

torch::Tensor RotaryEmbedding::apply(const torch::Tensor& x, const torch::Tensor& cos,
                                     const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    auto rotated = torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

} // namespace unike::model
