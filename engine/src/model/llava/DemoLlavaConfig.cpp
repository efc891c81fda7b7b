#include "model/llava/DemoLlavaConfig.h"

#include "model/blip2/DemoBlip2Config.h"

namespace unike::model {

io::LlavaConfig demoLlavaConfig(int64_t vocabSize, int64_t imageTokenIndex,
                                std::optional<int64_t> padTokenId, int imageSize, int patchSize,
                                int visionLayers) {
    const io::Blip2Config demo =
        demoBlip2Config(int(vocabSize), imageSize, patchSize, visionLayers);
    io::LlavaConfig c;
    c.vision.hiddenSize = demo.vision.hiddenSize;
    c.vision.intermediateSize = demo.vision.intermediateSize;
    c.vision.numHiddenLayers = demo.vision.numHiddenLayers;
    c.vision.numAttentionHeads = demo.vision.numAttentionHeads;
    c.vision.imageSize = demo.vision.imageSize;
    c.vision.patchSize = demo.vision.patchSize;
    c.visionFeatureLayers = {-1};
    c.text.vocabSize = vocabSize;
    c.text.hiddenSize = demo.text.hiddenSize;
    c.text.intermediateSize = (2 * demo.text.ffnDim / 3 + 7) / 8 * 8;
    c.text.numHiddenLayers = demo.text.numHiddenLayers;
    c.text.numAttentionHeads = c.text.numKeyValueHeads = demo.text.numAttentionHeads;
    c.text.headDim = demo.text.hiddenSize / demo.text.numAttentionHeads;
    // Chat-wrapped prompts with the 16 visual tokens inline run longer than BLIP-2's.
    c.text.maxPositionEmbeddings = 2 * demo.text.maxPositionEmbeddings;
    c.text.padTokenId = padTokenId;
    c.padTokenId = padTokenId;
    c.imageTokenIndex = imageTokenIndex;
    c.imageSeqLength = c.visualTokenCount();
    return c;
}

} // namespace unike::model
