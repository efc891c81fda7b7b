#pragma once
// The latent in-context knowledge of one decoder layer (METHOD.md §5): pairs of
// (key h_sem, value h_pos). Part comes from `prepare` (training triplets), part
// from applied edits.

#include <torch/torch.h>

namespace unike::edit {

struct KnowledgeBank {
    torch::Tensor keys;   // (N, D)
    torch::Tensor values; // (N, D)

    bool empty() const { return !keys.defined() || keys.size(0) == 0; }
    int64_t size() const { return empty() ? 0 : keys.size(0); }
};

// The top-k values by cosine of key to each query: queries (B, D) -> (B, k, D),
// k = min(topK, bank size). `extraKeys`/`extraValues` (M, D) join the search.
torch::Tensor retrieve(const KnowledgeBank& bank, const torch::Tensor& extraKeys,
                       const torch::Tensor& extraValues, const torch::Tensor& queries, int topK);

} // namespace unike::edit
