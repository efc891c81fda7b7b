#include "model/llama/LlamaFiles.h"

#include <regex>

namespace unike::model {

bool isRotaryBuffer(const std::string& name) {
    static const std::regex buffer(R"((.*\.)?(layers\.\d+\.self_attn\.)?rotary_emb\.inv_freq)");
    return std::regex_match(name, buffer);
}

std::shared_ptr<LlamaTextModel> loadLlama(const std::string& folder, const LoadOptions& options,
                                          const Progress& progress) {
    const std::string configPath = folder + "/config.json";
    const io::LlamaConfig config = io::parseLlamaConfig(readConfigText(folder), configPath);
    const io::CheckpointFiles files =
        openCheckpointFor(folder, io::estimateParameters(config), options);
    auto model = LlamaTextModel::createEmpty(config);
    CheckpointNaming naming;
    naming.find = findExact;
    const bool tied = config.tieWordEmbeddings;
    naming.ignorable = [tied](const std::string& name) {
        // transformers leaves a tied head out, or ignores it when present.
        return isRotaryBuffer(name) || (tied && name == LlamaTextModel::names().lmHead);
    };
    loadWeights(*model, files, naming, options, progress);
    return model;
}

} // namespace unike::model
