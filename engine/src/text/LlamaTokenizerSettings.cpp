#include "text/LlamaTokenizerSettings.h"

#include "text/JsonFiles.h"
#include "text/TransformersConfig.h"

#include <filesystem>

namespace unike::text {

using nlohmann::json;

LlamaTokenizerSettings LlamaTokenizerSettings::read(const std::string& dir, bool withAddedTokens) {
    LlamaTokenizerSettings settings;
    const TransformersConfig files = readTransformersConfig(dir, withAddedTokens);
    settings.bos = files.bos;
    settings.eos = files.eos;
    settings.unk = files.unk;
    settings.pad = files.pad;
    settings.extraSpecial = files.extraSpecial;
    settings.added = files.added;
    settings.addBos = files.addBos;
    settings.addEos = files.addEos;
    settings.addPrefixSpace = files.addPrefixSpace;
    if (!files.hasTokenizerConfig)
        return settings;
    const std::string path = (std::filesystem::path(dir) / "tokenizer_config.json").string();
    const json config = readJsonFile(path);
    if (config.contains("tokenizer_class") && config["tokenizer_class"].is_string()) {
        const std::string name = config["tokenizer_class"].get<std::string>();
        settings.llamaClass = name == "LlamaTokenizer" || name == "LlamaTokenizerFast" ||
                              name == "CodeLlamaTokenizer" || name == "CodeLlamaTokenizerFast";
    }
    settings.cleanUpSpaces = jsonFlag(config, "clean_up_tokenization_spaces", false);
    settings.legacy = jsonFlag(config, "legacy", true);
    settings.fromSlow = jsonFlag(config, "from_slow", false);
    return settings;
}

// LlamaTokenizerFast always rebuilds its post-processor from the two flags; other fast
// tokenizers do so only when the config names one of them (the other then defaults to false).
std::optional<LlamaTokenizerSettings::Specials> LlamaTokenizerSettings::specialsAdded() const {
    if (llamaClass)
        return Specials{addBos.value_or(true), addEos.value_or(false)};
    if (addBos || addEos)
        return Specials{addBos.value_or(false), addEos.value_or(false)};
    return std::nullopt;
}

} // namespace unike::text
