#include "text/TransformersConfig.h"

#include "text/JsonFiles.h"

#include <filesystem>

namespace unike::text {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A value of a special token in transformers' configs: "x", {"content": "x", ...} or null.
std::optional<std::string> tokenName(const json& value, const std::string& path,
                                     const std::string& key) {
    if (value.is_null())
        return std::string();
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("content") && value["content"].is_string())
        return value["content"].get<std::string>();
    throwMalformed(path, "'" + key + "' is neither a string nor an object with a 'content' string");
}

void readSpecialTokens(const json& j, const std::string& path, TransformersConfig& files) {
    const std::pair<const char*, std::optional<std::string>*> keys[] = {{"bos_token", &files.bos},
                                                                        {"eos_token", &files.eos},
                                                                        {"pad_token", &files.pad},
                                                                        {"unk_token", &files.unk}};
    for (const auto& [key, target] : keys)
        if (j.contains(key))
            *target = tokenName(j[key], path, key);
    if (j.contains("additional_special_tokens") && j["additional_special_tokens"].is_array())
        for (const json& value : j["additional_special_tokens"])
            if (auto name = tokenName(value, path, "additional_special_tokens");
                name && !name->empty())
                files.extraSpecial.push_back(*name);
}

} // namespace

AddedToken addedTokenFromJson(const json& entry, int id, const std::string& path) {
    if (!entry.is_object() || !entry.contains("content") || !entry["content"].is_string())
        throwMalformed(path, "added token " + std::to_string(id) + " has no 'content' string");
    AddedToken token;
    token.content = entry["content"].get<std::string>();
    token.id = id;
    token.special = jsonFlag(entry, "special", false);
    token.singleWord = jsonFlag(entry, "single_word", false);
    token.lstrip = jsonFlag(entry, "lstrip", false);
    token.rstrip = jsonFlag(entry, "rstrip", false);
    token.normalized = jsonFlag(entry, "normalized", !token.special);
    return token;
}

TransformersConfig readTransformersConfig(const std::string& dir, bool withAddedTokens) {
    TransformersConfig files;
    const std::string configPath = (fs::path(dir) / "tokenizer_config.json").string();
    if (fs::exists(configPath)) {
        const json config = readJsonFile(configPath);
        if (!config.is_object())
            throwMalformed(configPath, "it is not a JSON object");
        files.hasTokenizerConfig = true;
        readSpecialTokens(config, configPath, files);
        if (config.contains("add_bos_token") && config["add_bos_token"].is_boolean())
            files.addBos = config["add_bos_token"].get<bool>();
        if (config.contains("add_eos_token") && config["add_eos_token"].is_boolean())
            files.addEos = config["add_eos_token"].get<bool>();
        if (config.contains("add_prefix_space") && config["add_prefix_space"].is_boolean())
            files.addPrefixSpace = config["add_prefix_space"].get<bool>();
        if (withAddedTokens && config.contains("added_tokens_decoder") &&
            config["added_tokens_decoder"].is_object()) {
            for (const auto& [key, entry] : config["added_tokens_decoder"].items()) {
                try {
                    files.added.push_back(addedTokenFromJson(entry, std::stoi(key), configPath));
                } catch (const std::logic_error&) {
                    throwMalformed(configPath,
                                   "added_tokens_decoder key '" + key + "' is not an id");
                }
            }
        }
    }
    // special_tokens_map.json is written after tokenizer_config.json and wins, as in transformers.
    const std::string mapPath = (fs::path(dir) / "special_tokens_map.json").string();
    if (fs::exists(mapPath)) {
        const json map = readJsonFile(mapPath);
        if (!map.is_object())
            throwMalformed(mapPath, "it is not a JSON object");
        readSpecialTokens(map, mapPath, files);
    }
    const std::string addedPath = (fs::path(dir) / "added_tokens.json").string();
    if (withAddedTokens && fs::exists(addedPath)) {
        const json added = readJsonFile(addedPath);
        if (!added.is_object())
            throwMalformed(addedPath, "it is not an object of token -> id");
        for (const auto& [content, id] : added.items()) {
            if (!id.is_number_integer())
                throwMalformed(addedPath, "the id of '" + content + "' is not an integer");
            files.added.push_back(AddedToken{content, id.get<int>(), false});
        }
    }
    return files;
}

void applyTransformersConfig(const TransformersConfig& files,
                             const std::unordered_map<std::string, int>& vocab,
                             TokenizerConfig& config) {
    auto pick = [&](const std::optional<std::string>& given, const std::string& fallback) {
        if (given)
            return *given;
        return vocab.count(fallback) ? fallback : std::string();
    };
    const TokenizerConfig opt;
    config.bosToken = pick(files.bos, opt.bosToken);
    config.eosToken = pick(files.eos, opt.eosToken);
    config.padToken = pick(files.pad, opt.padToken);
    config.unkToken = pick(files.unk, opt.unkToken);
    for (const AddedToken& token : files.added)
        config.addedTokens.push_back(token);
    // Listed special tokens that the vocabulary holds become special added tokens.
    for (const std::string& name : files.extraSpecial) {
        const auto it = vocab.find(name);
        if (it != vocab.end())
            config.addedTokens.push_back(AddedToken{name, it->second, true});
    }
    for (AddedToken& token : config.addedTokens)
        for (const std::string& name : files.extraSpecial)
            if (token.content == name)
                token.special = true;
}

} // namespace unike::text
