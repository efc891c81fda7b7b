#include "model/blip2/Blip2Files.h"

#include "model/TensorConversions.h"

#include <regex>

namespace unike::model {
namespace {

bool endsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// LAVIS checkpoints keep the vision q/v biases apart; transformers fuses them as
// [q | 0 | v] into qkv.bias.
FoundTensor fusedQkvBias(const io::CheckpointFiles& files, const std::string& name) {
    const std::string stem = name.substr(0, name.size() - std::string("qkv.bias").size());
    FoundTensor q = findExact(files, stem + "q_bias");
    FoundTensor v = findExact(files, stem + "v_bias");
    if (!q.tensor.defined() || !v.tensor.defined())
        return {};
    return {torch::cat({q.tensor, torch::zeros_like(q.tensor), v.tensor}),
            {stem + "q_bias", stem + "v_bias"}};
}

CheckpointNaming blip2Naming(const io::Blip2Config& config) {
    CheckpointNaming naming;
    naming.find = [](const io::CheckpointFiles& files, const std::string& name) {
        FoundTensor found = findExact(files, name);
        if (!found.tensor.defined() && endsWith(name, "qkv.bias"))
            found = fusedQkvBias(files, name);
        return found;
    };
    const bool tied = config.text.tieWordEmbeddings;
    naming.ignorable = [tied](const std::string& name) {
        // The Q-Former's text path, which BLIP-2's image-to-text forward never runs.
        static const std::regex qformerTextPath(
            R"(qformer\.(embeddings\..*|encoder\.layer\.\d+\.(intermediate|output)\..*))");
        if (name == "language_model.lm_head.weight" && tied)
            return true; // tied to embed_tokens, which transformers loads instead
        return std::regex_match(name, qformerTextPath);
    };
    return naming;
}

} // namespace

std::shared_ptr<Blip2Model> loadBlip2(const std::string& folder, const LoadOptions& options,
                                      const Progress& progress) {
    const std::string configPath = folder + "/config.json";
    io::Blip2Config config = io::parseBlip2Config(readConfigText(folder), configPath);
    const io::CheckpointFiles files =
        openCheckpointFor(folder, io::estimateParameters(config), options);
    // The skeleton has uninitialised weights; loadWeights overwrites every one.
    auto model = Blip2Model::createEmpty(config);
    loadWeights(*model, files, blip2Naming(config), options, progress);
    return model;
}

} // namespace unike::model
