#pragma once
// Tiny random BLIP-2 (OPT) configurations for tests: every code path of a real
// checkpoint, at a size that runs in milliseconds.

#include "io/ModelConfig.h"

namespace unike::test {

inline io::Blip2Config tinyConfig(bool projectEmbeddings = false, bool preNorm = true) {
    io::Blip2Config config;
    config.vision.hiddenSize = 32;
    config.vision.intermediateSize = 64;
    config.vision.numHiddenLayers = 2;
    config.vision.numAttentionHeads = 4;
    config.vision.imageSize = 16;
    config.vision.patchSize = 8;
    config.vision.layerNormEps = 1e-6;
    config.qformer.hiddenSize = 24;
    config.qformer.intermediateSize = 48;
    config.qformer.numHiddenLayers = 2;
    config.qformer.numAttentionHeads = 4;
    config.qformer.encoderHiddenSize = 32;
    config.qformer.crossAttentionFrequency = 1;
    config.numQueryTokens = 4;
    config.text.vocabSize = 50;
    config.text.hiddenSize = 40;
    config.text.wordEmbedProjDim = projectEmbeddings ? 16 : 40;
    config.text.numHiddenLayers = 3;
    config.text.numAttentionHeads = 4;
    config.text.ffnDim = 80;
    config.text.maxPositionEmbeddings = 64;
    config.text.doLayerNormBefore = preNorm;
    return config;
}

} // namespace unike::test
