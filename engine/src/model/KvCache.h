#pragma once
// Per-layer attention keys and values of the tokens seen so far, for incremental
// decoding. Beam search reorders it by beam after each step.

#include <torch/torch.h>

#include <vector>

namespace unike::model {

class KvCache {
public:
    explicit KvCache(size_t layers = 0)
        : keys_(layers)
        , values_(layers) {}

    size_t layers() const { return keys_.size(); }
    int64_t length() const { return keys_.empty() || !keys_[0].defined() ? 0 : keys_[0].size(2); }

    // Appends (B, H, T, hd) keys/values for a layer and returns the full ones.
    std::pair<torch::Tensor, torch::Tensor> append(size_t layer, const torch::Tensor& key,
                                                   const torch::Tensor& value) {
        if (keys_[layer].defined()) {
            keys_[layer] = torch::cat({keys_[layer], key}, 2);
            values_[layer] = torch::cat({values_[layer], value}, 2);
        } else {
            keys_[layer] = key;
            values_[layer] = value;
        }
        return {keys_[layer], values_[layer]};
    }

    // Keeps batch rows `index` (LongTensor), in that order.
    void reorder(const torch::Tensor& index) {
        for (size_t i = 0; i < keys_.size(); ++i) {
            if (!keys_[i].defined())
                continue;
            keys_[i] = keys_[i].index_select(0, index);
            values_[i] = values_[i].index_select(0, index);
        }
    }

private:
    std::vector<torch::Tensor> keys_;
    std::vector<torch::Tensor> values_;
};

} // namespace unike::model
