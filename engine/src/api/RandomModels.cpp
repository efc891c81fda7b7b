#include "api/RandomModels.h"

#include "model/ModelFiles.h"
#include "text/BpeTokenizer.h"
#include "train/DemoModelConfig.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>
#include <unike/Resources.h>

#include <algorithm>
#include <filesystem>

namespace unike {
namespace fs = std::filesystem;

io::Blip2Config randomModelConfig(const std::string& name) {
    io::Blip2Config c;
    if (name == "blip2-opt-2.7b") {
        c.text.hiddenSize = 2560;
        c.text.wordEmbedProjDim = 2560;
        c.text.numHiddenLayers = 32;
        c.text.ffnDim = 10240;
        c.text.numAttentionHeads = 32;
        return c; // vision and Q-Former defaults are BLIP-2's own
    }
    if (name == "demo")
        return train::demoModelConfig(1024);
    if (name == "tiny") {
        io::Blip2Config tiny = train::demoModelConfig(64, 24);
        tiny.vision.hiddenSize = tiny.qformer.hiddenSize = tiny.qformer.encoderHiddenSize = 32;
        tiny.vision.intermediateSize = tiny.qformer.intermediateSize = 64;
        tiny.vision.numHiddenLayers = 2;
        tiny.text.hiddenSize = tiny.text.wordEmbedProjDim = 32;
        tiny.text.ffnDim = 64;
        return tiny;
    }
    throw Error(ErrorKind::InvalidInput,
                "unknown random config '" + name + "'; use tiny, demo or blip2-opt-2.7b");
}

void writeRandomModel(const RandomModelParams& params, const Progress& progress) {
    if (params.outDir.empty())
        throw Error(ErrorKind::InvalidInput, "give the folder to write the model to (--out)");
    const io::Blip2Config config = randomModelConfig(params.config);
    io::DType storage;
    if (params.storage == "float16")
        storage = io::DType::F16;
    else if (params.storage == "float32")
        storage = io::DType::F32;
    else
        throw Error(ErrorKind::InvalidInput,
                    "unknown storage dtype '" + params.storage + "'; use float16 or float32");
    // The demo tokenizer comes along, so the model can be asked and edited at once;
    // its ids must fit the config's vocabulary.
    const std::string demo = demoModelFolder();
    const size_t vocabulary = text::BpeTokenizer::fromDirectory(demo).vocabSize();
    if (vocabulary > size_t(config.text.vocabSize))
        throw Error(ErrorKind::InvalidInput, "the '" + params.config + "' config has " +
                                                 std::to_string(config.text.vocabSize) +
                                                 " token ids, fewer than the demo tokenizer's " +
                                                 std::to_string(vocabulary) +
                                                 "; use demo or blip2-opt-2.7b");
    progress.report(0.0, "drawing random weights");
    const auto model = model::Blip2Model::createRandom(config, params.seed);
    progress.throwIfCancelled("writing the random model");
    progress.report(0.5, "writing " + params.outDir);
    // Shards of at most about 2 GB, as Hugging Face writes large checkpoints.
    const int64_t bytes = model->parameters().parameterCount() * int64_t(io::dtypeSize(storage));
    const int shards = std::max<int>(1, int((bytes + (int64_t(2) << 30) - 1) >> 31));
    model::saveBlip2(*model, params.outDir, storage, shards);
    fs::copy_file(fs::path(demo) / "tokenizer.json", fs::path(params.outDir) / "tokenizer.json",
                  fs::copy_options::overwrite_existing);
    progress.report(1.0, "done");
}

} // namespace unike
