// `unike make-random-model`: a named shape with random weights, in Hugging Face's format.
#include "model/RandomShapes.h"
#include "model/WeightLoading.h"
#include "text/TextTokenizer.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>
#include <unike/Resources.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace unike {
namespace fs = std::filesystem;

namespace {

// The demo tokenizer, with the family's image token added as a special token where its
// prompts carry one (LLaVA's "<image>"), so the model can be asked about an image at once.
void writeTokenizer(const fs::path& from, const fs::path& to, const model::RandomShape& shape) {
    if (shape.imageTokenId < 0) {
        fs::copy_file(from, to, fs::copy_options::overwrite_existing);
        return;
    }
    std::ifstream in(from);
    nlohmann::json tokenizer = nlohmann::json::parse(in, nullptr, false);
    if (tokenizer.is_discarded() || !tokenizer.is_object())
        throw Error(ErrorKind::File,
                    from.string() + " is not valid JSON; reinstall the demo model");
    tokenizer["added_tokens"].push_back({{"id", shape.imageTokenId},
                                         {"content", shape.imageToken},
                                         {"single_word", false},
                                         {"lstrip", false},
                                         {"rstrip", false},
                                         {"normalized", false},
                                         {"special", true}});
    std::ofstream out(to);
    out << tokenizer.dump(2) << '\n';
    if (!out)
        throw Error(ErrorKind::File, "cannot write " + to.string());
}

} // namespace

void writeRandomModel(const RandomModelParams& params, const Progress& progress) {
    if (params.outDir.empty())
        throw Error(ErrorKind::InvalidInput, "give the folder to write the model to (--out)");
    const model::RandomShape& shape = model::randomShape(params.config);
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
    const size_t vocabulary = text::loadTokenizer(demo)->vocabSize();
    if (vocabulary > size_t(shape.vocabSize))
        throw Error(ErrorKind::InvalidInput,
                    "the '" + params.config + "' config has " + std::to_string(shape.vocabSize) +
                        " token ids, fewer than the demo tokenizer's " +
                        std::to_string(vocabulary) + "; use demo or blip2-opt-2.7b");
    progress.report(0.0, "drawing random weights");
    const auto model = shape.create(params.seed);
    progress.throwIfCancelled("writing the random model");
    progress.report(0.5, "writing " + params.outDir);
    // Shards of at most about 2 GB, as Hugging Face writes large checkpoints.
    const int64_t bytes = model->parameters().parameterCount() * int64_t(io::dtypeSize(storage));
    const int shards = std::max<int>(1, int((bytes + (int64_t(2) << 30) - 1) >> 31));
    model::saveModel(*model, params.outDir, storage, shards);
    writeTokenizer(fs::path(demo) / "tokenizer.json", fs::path(params.outDir) / "tokenizer.json",
                   shape);
    progress.report(1.0, "done");
}

} // namespace unike
