#include "edit/KnowledgeBank.h"

namespace unike::edit {

torch::Tensor retrieve(const KnowledgeBank& bank, const torch::Tensor& extraKeys,
                       const torch::Tensor& extraValues, const torch::Tensor& queries, int topK) {
    std::vector<torch::Tensor> keyParts, valueParts;
    if (!bank.empty()) {
        keyParts.push_back(bank.keys.to(queries.scalar_type()));
        valueParts.push_back(bank.values.to(queries.scalar_type()));
    }
    if (extraKeys.defined() && extraKeys.size(0) > 0) {
        keyParts.push_back(extraKeys.to(queries.scalar_type()));
        valueParts.push_back(extraValues.to(queries.scalar_type()));
    }
    if (keyParts.empty())
        return {};
    auto keys = torch::cat(keyParts, 0);
    auto values = torch::cat(valueParts, 0);
    auto similarity =
        torch::matmul(torch::nn::functional::normalize(
                          queries, torch::nn::functional::NormalizeFuncOptions().dim(-1)),
                      torch::nn::functional::normalize(
                          keys, torch::nn::functional::NormalizeFuncOptions().dim(-1))
                          .t());
    const int64_t k = std::min<int64_t>(topK, keys.size(0));
    auto index = std::get<1>(similarity.topk(k, -1)); // (B, k)
    return values.index_select(0, index.reshape({-1})).view({queries.size(0), k, values.size(1)});
}

} // namespace unike::edit
