#include "eval/EditMetrics.h"

namespace unike::eval {

torch::Tensor answerRows(const torch::Tensor& logits, int64_t answerStart, int64_t answerLength) {
    // The token at sequence index i is predicted by the row at i - 1.
    return logits[0].narrow(0, answerStart - 1, answerLength);
}

double tokenAccuracy(const torch::Tensor& logits, int64_t answerStart,
                     const std::vector<int>& answerIds) {
    if (answerIds.empty())
        return 0.0;
    auto rows = answerRows(logits, answerStart, int64_t(answerIds.size()));
    std::vector<int64_t> wide(answerIds.begin(), answerIds.end());
    auto targets = torch::tensor(wide, torch::kLong).to(rows.device());
    return rows.argmax(-1).eq(targets).to(torch::kDouble).mean().item<double>();
}

double argmaxAgreement(const torch::Tensor& before, const torch::Tensor& after, int64_t answerStart,
                       int64_t answerLength) {
    if (answerLength <= 0)
        return 1.0;
    auto a = answerRows(before, answerStart, answerLength).argmax(-1);
    auto b = answerRows(after, answerStart, answerLength).argmax(-1);
    return a.eq(b).to(torch::kDouble).mean().item<double>();
}

double topKAgreement(const torch::Tensor& before, const torch::Tensor& after, int64_t answerStart,
                     int64_t answerLength, int k) {
    if (answerLength <= 0)
        return 1.0;
    auto a = std::get<1>(answerRows(before, answerStart, answerLength).topk(k, -1));
    auto b = std::get<1>(answerRows(after, answerStart, answerLength).topk(k, -1));
    return a.eq(b).all(-1).to(torch::kDouble).mean().item<double>();
}

} // namespace unike::eval
