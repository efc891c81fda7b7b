#pragma once
// Tiny random LLaVA (CLIP + LLaMA) and bare LLaMA configurations for tests: grouped-query
// attention, linear RoPE scaling and an untied head, at a size that runs in milliseconds.

#include "io/LlavaConfig.h"

namespace unike::test {

inline io::LlamaConfig tinyLlamaConfig() {
    io::LlamaConfig c;
    c.vocabSize = 64;
    c.hiddenSize = 32;
    c.intermediateSize = 48;
    c.numHiddenLayers = 3;
    c.numAttentionHeads = 4;
    c.numKeyValueHeads = 2;
    c.headDim = 8;
    c.ropeScaling.type = "linear";
    c.ropeScaling.factor = 2.0;
    c.initializerRange = 0.2; // peaked distributions make comparisons meaningful
    return c;
}

inline io::LlavaConfig tinyLlavaConfig() {
    io::LlavaConfig c;
    c.vision.hiddenSize = 16;
    c.vision.intermediateSize = 32;
    c.vision.numHiddenLayers = 2;
    c.vision.numAttentionHeads = 2;
    c.vision.imageSize = 16;
    c.vision.patchSize = 8; // 4 visual tokens
    c.vision.initializerRange = 0.2;
    c.text = tinyLlamaConfig();
    c.imageTokenIndex = 60;
    c.imageSeqLength = 4;
    return c;
}

} // namespace unike::test
