#pragma once
// BLIP-2's Querying Transformer without text input: learned query tokens attend to
// each other (BERT-style post-LN blocks) and, every `cross_attention_frequency`
// layers, to the image patches; only the query feed-forward path exists.

#include "io/ModelConfig.h"
#include "model/Layers.h"

#include <vector>

namespace unike::model {

class QFormer {
public:
    QFormer() = default;
    // Registers "query_tokens" and "qformer.*" parameters in the store.
    QFormer(const io::QFormerConfig& config, int64_t numQueryTokens, ParameterStore& store,
            double initStd);

    // imageEmbeds (B, patches, encoder_hidden) -> query outputs (B, queries, hidden).
    torch::Tensor forward(const torch::Tensor& imageEmbeds) const;

private:
    struct Attention {
        Linear query, key, value, dense;
        LayerNorm norm;
    };
    struct Block {
        Attention self;
        bool hasCross = false;
        Attention cross;
        Linear intermediate, output;
        LayerNorm outputNorm;
    };
    Attention makeAttention(ParameterStore& store, const std::string& prefix, int64_t kvInput,
                            double initStd) const;
    torch::Tensor attend(const Attention& attention, const torch::Tensor& x,
                         const torch::Tensor& keyValueInput) const;

    io::QFormerConfig config_;
    torch::Tensor queryTokens_; // (1, queries, hidden)
    LayerNorm embedNorm_;
    std::vector<Block> blocks_;
};

} // namespace unike::model
