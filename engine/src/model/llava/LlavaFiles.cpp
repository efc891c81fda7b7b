#include "model/llava/LlavaFiles.h"

#include "model/llama/LlamaFiles.h"

#include <regex>

namespace unike::model {
namespace {

bool startsWith(const std::string& text, const std::string& head) {
    return text.compare(0, head.size(), head) == 0;
}

CheckpointNaming llavaNaming(const io::LlavaConfig& config) {
    CheckpointNaming naming;
    naming.find = [](const io::CheckpointFiles& files, const std::string& name) {
        FoundTensor found = findExact(files, name);
        if (!found.tensor.defined()) {
            const std::string newer = newerLlavaName(name);
            if (!newer.empty())
                found = findExact(files, newer);
        }
        return found;
    };
    const bool tied = config.tiesEmbeddings();
    naming.ignorable = [tied](const std::string& name) {
        // CLIP's position_ids buffer, saved by transformers before 4.31.
        static const std::regex positionIds(
            R"((model\.)?vision_tower\.vision_model\.embeddings\.position_ids)");
        if (std::regex_match(name, positionIds) || isRotaryBuffer(name))
            return true;
        // A tied head: transformers reads embed_tokens instead.
        return tied && (name == "language_model.lm_head.weight" || name == "lm_head.weight");
    };
    return naming;
}

} // namespace

std::string newerLlavaName(const std::string& name) {
    const std::string language = "language_model.model.";
    if (startsWith(name, language))
        return "model.language_model." + name.substr(language.size());
    if (name == "language_model.lm_head.weight")
        return "lm_head.weight";
    if (startsWith(name, "vision_tower.") || startsWith(name, "multi_modal_projector."))
        return "model." + name;
    return "";
}

std::shared_ptr<LlavaModel> loadLlava(const std::string& folder, const LoadOptions& options,
                                      const Progress& progress) {
    const std::string configPath = folder + "/config.json";
    const io::LlavaConfig config = io::parseLlavaConfig(readConfigText(folder), configPath);
    const io::CheckpointFiles files =
        openCheckpointFor(folder, io::estimateParameters(config), options);
    // The skeleton has uninitialised weights; loadWeights overwrites every one.
    auto model = LlavaModel::createEmpty(config);
    loadWeights(*model, files, llavaNaming(config), options, progress);
    return model;
}

} // namespace unike::model
