#include "model/blip2/DemoBlip2Config.h"

namespace unike::model {

io::Blip2Config demoBlip2Config(int vocabSize, int imageSize, int patchSize, int visionLayers) {
    io::Blip2Config c;
    c.vision.hiddenSize = 96;
    c.vision.intermediateSize = 384;
    c.vision.numHiddenLayers = visionLayers;
    c.vision.numAttentionHeads = 4;
    c.vision.imageSize = imageSize;
    c.vision.patchSize = patchSize;
    c.qformer.hiddenSize = 96;
    c.qformer.intermediateSize = 384;
    c.qformer.numHiddenLayers = 2;
    c.qformer.numAttentionHeads = 4;
    c.qformer.crossAttentionFrequency = 1;
    c.qformer.encoderHiddenSize = c.vision.hiddenSize;
    c.numQueryTokens = 16;
    c.text.vocabSize = vocabSize;
    c.text.hiddenSize = 128;
    c.text.wordEmbedProjDim = 128;
    c.text.numHiddenLayers = 4;
    c.text.ffnDim = 512;
    c.text.numAttentionHeads = 4;
    c.text.maxPositionEmbeddings = 128;
    return c;
}

} // namespace unike::model
