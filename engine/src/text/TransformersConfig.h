#pragma once
// transformers' files beside a tokenizer: tokenizer_config.json, special_tokens_map.json and
// added_tokens.json, which name the special tokens and say whether BOS is added.

#include "text/BpeTokenizer.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace unike::text {

// What transformers' tokenizer_config.json, special_tokens_map.json and added_tokens.json say.
struct TransformersConfig {
    bool hasTokenizerConfig = false;
    std::optional<std::string> bos, eos, pad, unk;
    std::optional<bool> addBos, addEos, addPrefixSpace;
    std::vector<AddedToken> added;         // added_tokens_decoder, then added_tokens.json
    std::vector<std::string> extraSpecial; // additional_special_tokens
};

// Reads the files of dir that exist (none is required). withAddedTokens: also read
// added_tokens_decoder and added_tokens.json (a tokenizer.json lists its own added tokens).
// Throws unike::Error(File) for a file that is not JSON or has a field of the wrong kind.
TransformersConfig readTransformersConfig(const std::string& dir, bool withAddedTokens);

// Sets config's special token names and added tokens: the files' values, else OPT's names where
// the vocabulary has them.
void applyTransformersConfig(const TransformersConfig& files,
                             const std::unordered_map<std::string, int>& vocab,
                             TokenizerConfig& config);

// An added token as tokenizers and transformers write it: {"content", "special", "lstrip"...}.
AddedToken addedTokenFromJson(const nlohmann::json& entry, int id, const std::string& path);

} // namespace unike::text
