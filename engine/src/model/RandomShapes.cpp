#include "model/RandomShapes.h"

#include "model/blip2/Blip2Model.h"
#include "model/blip2/DemoBlip2Config.h"
#include "model/llava/DemoLlavaConfig.h"
#include "model/llava/LlavaModel.h"

#include <unike/Error.h>

namespace unike::model {
namespace {

io::Blip2Config blip2Opt27b() {
    io::Blip2Config c;
    c.text.hiddenSize = 2560;
    c.text.wordEmbedProjDim = 2560;
    c.text.numHiddenLayers = 32;
    c.text.ffnDim = 10240;
    c.text.numAttentionHeads = 32;
    return c; // vision and Q-Former defaults are BLIP-2's own
}

io::Blip2Config tinyBlip2() {
    io::Blip2Config tiny = demoBlip2Config(64, 24);
    tiny.vision.hiddenSize = tiny.qformer.hiddenSize = tiny.qformer.encoderHiddenSize = 32;
    tiny.vision.intermediateSize = tiny.qformer.intermediateSize = 64;
    tiny.vision.numHiddenLayers = 2;
    tiny.text.hiddenSize = tiny.text.wordEmbedProjDim = 32;
    tiny.text.ffnDim = 64;
    return tiny;
}

RandomShape blip2Shape(const std::string& name, const std::string& description,
                       const io::Blip2Config& config) {
    return {name, description, config.text.vocabSize, "", -1, [config](uint64_t seed) {
                return std::shared_ptr<MultimodalModel>(Blip2Model::createRandom(config, seed));
            }};
}

// A LLaVA small enough for tests; its vocabulary holds the demo tokenizer's ids, with the
// image token just past them as in llava-hf (32000 after LLaMA's 32000 ids).
io::LlavaConfig tinyLlava() {
    io::LlavaConfig c;
    c.vision.hiddenSize = 32;
    c.vision.intermediateSize = 64;
    c.vision.numHiddenLayers = 2;
    c.vision.numAttentionHeads = 4;
    c.vision.imageSize = 32;
    c.vision.patchSize = 8;
    c.text.vocabSize = 1088;
    c.text.hiddenSize = 64;
    c.text.intermediateSize = 128;
    c.text.numHiddenLayers = 2;
    c.text.numAttentionHeads = 4;
    c.text.numKeyValueHeads = 2;
    c.text.headDim = 16;
    c.imageTokenIndex = 1024;
    c.imageSeqLength = c.visualTokenCount();
    return c;
}

// The demo LLaVA's shape (DemoLlavaConfig.h), its image token just past 1024 ids.
io::LlavaConfig demoSizedLlava() {
    return demoLlavaConfig(1088, 1024, std::nullopt);
}

// llava-hf/llava-1.5-7b-hf: CLIP ViT-L/14 at 336 px (LlavaConfig's vision default) and
// Vicuna-7B, its vocabulary padded to 32064.
io::LlavaConfig llava15_7b() {
    io::LlavaConfig c;
    c.text.vocabSize = 32064;
    c.text.maxPositionEmbeddings = 4096;
    c.text.rmsNormEps = 1e-5;
    c.padTokenId = 32001;
    return c; // LLaMA-7B's widths are LlamaConfig's defaults
}

RandomShape llavaShape(const std::string& name, const std::string& description,
                       const io::LlavaConfig& config) {
    return {name,
            description,
            config.text.vocabSize,
            "<image>",
            config.imageTokenIndex,
            [config](uint64_t seed) {
                return std::shared_ptr<MultimodalModel>(LlavaModel::createRandom(config, seed));
            }};
}

} // namespace

const std::vector<RandomShape>& randomShapes() {
    static const std::vector<RandomShape> shapes = {
        blip2Shape("tiny", "a BLIP-2 (OPT) of width 32, for tests", tinyBlip2()),
        blip2Shape("demo", "the demo BLIP-2 (OPT)'s shape", demoBlip2Config(1024)),
        blip2Shape("blip2-opt-2.7b",
                   "BLIP-2 OPT-2.7b: 32 decoder layers of width 2560 behind ViT-g and the Q-Former",
                   blip2Opt27b()),
        llavaShape("llava-tiny", "a LLaVA (CLIP + LLaMA) of width 64, for tests", tinyLlava()),
        llavaShape("llava-demo", "the demo LLaVA (CLIP + LLaMA)'s shape, the demo BLIP-2's sizes",
                   demoSizedLlava()),
        llavaShape("llava-1.5-7b",
                   "LLaVA-1.5-7b: CLIP ViT-L/14-336 (576 visual tokens) and a 32-layer LLaMA-7B",
                   llava15_7b()),
    };
    return shapes;
}

const RandomShape& randomShape(const std::string& name) {
    std::string known;
    for (const RandomShape& shape : randomShapes()) {
        if (shape.name == name)
            return shape;
        known += (known.empty() ? "" : ", ") + shape.name;
    }
    throw Error(ErrorKind::InvalidInput, "unknown random config '" + name + "'; use " + known);
}

} // namespace unike::model
