#pragma once
// The demo LLaVA's shape, in one place for the trainer and the benchmarks: the demo BLIP-2's
// sizes in the LLaVA family (model/blip2/DemoBlip2Config.h), so the two paths compare at
// equal size.

#include "io/LlavaConfig.h"

namespace unike::model {

// A CLIP of the demo ViT's width and depth (patch 12 on 48 px: 16 visual tokens, as the demo
// BLIP-2's 16 queries) and a LLaMA of the demo OPT's width, depth and heads whose SwiGLU has
// the parameters and multiply-adds of OPT's FFN: three matrices of 2/3 the width, rounded up
// to a multiple of 8, as LLaMA sizes its own (11008 = 2/3 of 4 x 4096, rounded).
// The visual tokens are the CLIP's last hidden states (vision_feature_layer -1): with two
// layers, LLaVA's usual -2 would leave the last one untrained.
// `vocabSize` counts every id, the image token and the padding token included.
io::LlavaConfig demoLlavaConfig(int64_t vocabSize, int64_t imageTokenIndex,
                                std::optional<int64_t> padTokenId, int imageSize = 48,
                                int patchSize = 12, int visionLayers = 2);

} // namespace unike::model
