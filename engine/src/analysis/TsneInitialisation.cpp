#include "analysis/TsneInitialisation.h"

#include "analysis/PrincipalComponents.h"

#include <random>

namespace unike::analysis {

torch::Tensor pcaInitialisation(const torch::Tensor& points, int components) {
    torch::Tensor projection = principalComponents(points, components).projection;
    const double spread = projection.select(1, 0).std(/*unbiased=*/false).item<double>();
    return projection.mul_(spread > 0 ? 1e-4 / spread : 1.0).contiguous();
}

torch::Tensor randomInitialisation(int64_t rows, int components, unsigned long long seed) {
    std::mt19937_64 engine(seed);
    std::normal_distribution<float> normal(0.0f, 1e-4f);
    torch::Tensor embedding = torch::empty({rows, components}, torch::kFloat32);
    float* out = embedding.data_ptr<float>();
    for (int64_t i = 0; i < embedding.numel(); ++i)
        out[i] = normal(engine);
    return embedding;
}

} // namespace unike::analysis
