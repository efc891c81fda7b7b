// BpeTokenizer's writers: a tokenizer.json for Hugging Face's tokenizers, and the slow
// tokenizer's vocab.json + merges.txt with transformers' config files.
#include "text/BpeTokenizer.h"
#include "text/JsonFiles.h"

#include <unike/Error.h>

#include <algorithm>
#include <filesystem>

namespace unike::text {
namespace {

using ordered_json = nlohmann::ordered_json;

// The vocabulary in id order, so that the files read well and diff well.
ordered_json vocabJson(const BpeModel& model) {
    ordered_json vocab = ordered_json::object();
    for (size_t id = 0; id < model.idCount(); ++id)
        if (!model.idToToken(static_cast<int>(id)).empty())
            vocab[model.idToToken(static_cast<int>(id))] = id;
    return vocab;
}

ordered_json mergesJson(const std::vector<Merge>& merges) {
    // "a b" strings load in every tokenizers version; pairs only where a symbol has a space.
    const bool pairs = std::any_of(merges.begin(), merges.end(), [](const Merge& m) {
        return m.first.find(' ') != std::string::npos || m.second.find(' ') != std::string::npos;
    });
    ordered_json out = ordered_json::array();
    for (const auto& [a, b] : merges)
        out.push_back(pairs ? ordered_json::array({a, b}) : ordered_json(a + " " + b));
    return out;
}

ordered_json addedTokenJson(const AddedToken& t, bool withId) {
    ordered_json j;
    if (withId)
        j["id"] = t.id;
    j["content"] = t.content;
    j["single_word"] = t.singleWord;
    j["lstrip"] = t.lstrip;
    j["rstrip"] = t.rstrip;
    j["normalized"] = t.normalized;
    j["special"] = t.special;
    return j;
}

std::vector<AddedToken> addedById(const AddedVocabulary& added) {
    std::vector<AddedToken> tokens = added.tokens();
    std::sort(tokens.begin(), tokens.end(),
              [](const AddedToken& a, const AddedToken& b) { return a.id < b.id; });
    return tokens;
}

ordered_json byteLevel(bool addPrefixSpace, bool trimOffsets, bool useRegex) {
    return {{"type", "ByteLevel"},
            {"add_prefix_space", addPrefixSpace},
            {"trim_offsets", trimOffsets},
            {"use_regex", useRegex}};
}

// TemplateProcessing with the prefix and suffix tokens, as transformers' GPT2Converter writes
// it for OPT ("</s>:0 $A:0"); the ByteLevel processor when there are none (GPT-2).
ordered_json postProcessor(const BpeTokenizer& tokenizer) {
    const TokenizerConfig& config = tokenizer.config();
    if (config.prefixTokens.empty() && config.suffixTokens.empty())
        return byteLevel(true, false, true);
    ordered_json single = ordered_json::array(), pair = ordered_json::array();
    ordered_json specials = ordered_json::object();
    auto special = [&](const std::string& name, int typeId) {
        specials[name] = {{"id", name}, {"ids", {tokenizer.tokenToId(name)}}, {"tokens", {name}}};
        return ordered_json{{"SpecialToken", {{"id", name}, {"type_id", typeId}}}};
    };
    auto sequence = [](const char* id, int typeId) {
        return ordered_json{{"Sequence", {{"id", id}, {"type_id", typeId}}}};
    };
    for (const std::string& name : config.prefixTokens) {
        single.push_back(special(name, 0));
        pair.push_back(special(name, 0));
    }
    single.push_back(sequence("A", 0));
    pair.push_back(sequence("A", 0));
    for (const std::string& name : config.suffixTokens) {
        single.push_back(special(name, 0));
        pair.push_back(special(name, 0));
    }
    for (const std::string& name : config.prefixTokens)
        pair.push_back(special(name, 1));
    pair.push_back(sequence("B", 1));
    for (const std::string& name : config.suffixTokens)
        pair.push_back(special(name, 1));
    return {{"type", "TemplateProcessing"},
            {"single", single},
            {"pair", pair},
            {"special_tokens", specials}};
}

ordered_json tokenOrNull(const std::string& name) {
    return name.empty() ? ordered_json(nullptr) : ordered_json(name);
}

ordered_json specialTokensMap(const TokenizerConfig& config) {
    ordered_json map = ordered_json::object();
    const std::pair<const char*, const std::string*> keys[] = {{"bos_token", &config.bosToken},
                                                               {"eos_token", &config.eosToken},
                                                               {"unk_token", &config.unkToken},
                                                               {"pad_token", &config.padToken}};
    for (const auto& [key, name] : keys)
        if (!name->empty())
            map[key] = *name;
    return map;
}

// transformers' GPT2Tokenizer reads this beside vocab.json and merges.txt.
ordered_json tokenizerConfig(const BpeTokenizer& tokenizer) {
    const TokenizerConfig& config = tokenizer.config();
    ordered_json j = ordered_json::object();
    ordered_json decoder = ordered_json::object();
    for (const AddedToken& t : addedById(tokenizer.addedVocabulary()))
        decoder[std::to_string(t.id)] = addedTokenJson(t, false);
    j["added_tokens_decoder"] = decoder;
    j["add_bos_token"] = !config.prefixTokens.empty() && config.prefixTokens[0] == config.bosToken;
    j["add_eos_token"] = !config.suffixTokens.empty() && config.suffixTokens[0] == config.eosToken;
    j["add_prefix_space"] = config.addPrefixSpace;
    j["bos_token"] = tokenOrNull(config.bosToken);
    j["eos_token"] = tokenOrNull(config.eosToken);
    j["unk_token"] = tokenOrNull(config.unkToken);
    j["pad_token"] = tokenOrNull(config.padToken);
    j["errors"] = "replace";
    j["clean_up_tokenization_spaces"] = false; // decode gives back the exact text
    j["tokenizer_class"] = "GPT2Tokenizer";
    return j;
}

std::string mergesTxt(const std::vector<Merge>& merges) {
    std::string out = "#version: 0.2\n";
    for (const auto& [a, b] : merges)
        out += a + " " + b + "\n";
    return out;
}

} // namespace

std::string BpeTokenizer::toTokenizerJson() const {
    ordered_json j;
    j["version"] = "1.0";
    j["truncation"] = nullptr;
    j["padding"] = nullptr;
    ordered_json added = ordered_json::array();
    for (const AddedToken& t : addedById(added_))
        added.push_back(addedTokenJson(t, true));
    j["added_tokens"] = added;
    j["normalizer"] = nullptr;
    j["pre_tokenizer"] = byteLevel(config_.addPrefixSpace, true, config_.useRegex);
    j["post_processor"] = postProcessor(*this);
    j["decoder"] = byteLevel(true, true, true);
    ordered_json model;
    model["type"] = "BPE";
    model["dropout"] = nullptr;
    model["unk_token"] = tokenOrNull(config_.modelUnkToken);
    model["continuing_subword_prefix"] = nullptr;
    model["end_of_word_suffix"] = nullptr;
    model["fuse_unk"] = false;
    model["byte_fallback"] = false;
    if (config_.ignoreMerges) // older tokenizers versions do not know the key
        model["ignore_merges"] = true;
    model["vocab"] = vocabJson(model_);
    model["merges"] = mergesJson(model_.merges());
    j["model"] = model;
    return j.dump(2) + "\n";
}

void BpeTokenizer::save(const std::string& dir) const {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorKind::File,
                    "cannot create the tokenizer folder " + dir + ": " + ec.message());
    const std::filesystem::path root(dir);
    writeTextFile((root / "tokenizer.json").string(), toTokenizerJson());
    writeTextFile((root / "vocab.json").string(), vocabJson(model_).dump(2) + "\n");
    writeTextFile((root / "merges.txt").string(), mergesTxt(model_.merges()));
    writeTextFile((root / "tokenizer_config.json").string(), tokenizerConfig(*this).dump(2) + "\n");
    writeTextFile((root / "special_tokens_map.json").string(),
                  specialTokensMap(config_).dump(2) + "\n");
}

} // namespace unike::text
