// LlamaTokenizer's loader: a tokenizer.json (Hugging Face tokenizers' format) with
// transformers' config files beside it.
#include "text/JsonFiles.h"
#include "text/LlamaJson.h"
#include "text/LlamaTokenizer.h"
#include "text/LlamaTokenizerSettings.h"
#include "text/TransformersConfig.h"

#include <unike/Error.h>

#include <filesystem>
#include <tuple>

namespace unike::text {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ByteFallbackBpeOptions bpeOptions(const json& model, const std::string& path) {
    if (model.contains("type") && model["type"] != "BPE")
        throwUnsupported(path, "a " + model["type"].dump() + " model");
    if (model.contains("dropout") && !model["dropout"].is_null()) {
        if (!model["dropout"].is_number())
            throwMalformed(path, "model.dropout is not a number");
        if (model["dropout"].get<double>() > 0)
            throwUnsupported(path, "BPE dropout (model.dropout), which is random");
    }
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && !model[key].is_null() && model[key] != "")
            throwUnsupported(path, std::string("a BPE ") + key + " (model." + key + ")");
    ByteFallbackBpeOptions options;
    if (model.contains("unk_token") && !model["unk_token"].is_null()) {
        if (!model["unk_token"].is_string())
            throwMalformed(path, "model.unk_token is not a string");
        options.unkToken = model["unk_token"].get<std::string>();
    }
    options.fuseUnk = jsonFlag(model, "fuse_unk", false);
    options.byteFallback = jsonFlag(model, "byte_fallback", false);
    options.ignoreMerges = jsonFlag(model, "ignore_merges", false);
    return options;
}

// The special tokens TemplateProcessing's "single" template puts before and after $A.
void readPostProcessor(const json& post, const std::string& path, LlamaTokenizerConfig& config) {
    config.prefixTokens.clear();
    config.suffixTokens.clear();
    if (post.is_null())
        return;
    const std::string type = componentType(post, path, "post_processor");
    if (type != "TemplateProcessing")
        throwUnsupported(path, "the post_processor " + type);
    const json& single = requireField(post, "single", path, "post_processor");
    const json& specials = requireField(post, "special_tokens", path, "post_processor");
    if (!single.is_array())
        throwMalformed(path, "post_processor.single is not a list");
    bool afterSequence = false;
    for (const json& item : single) {
        if (item.contains("Sequence")) {
            if (item["Sequence"].value("id", "") != "A")
                throwUnsupported(path, "a post_processor.single template with a second sequence");
            afterSequence = true;
            continue;
        }
        if (!item.contains("SpecialToken") || !item["SpecialToken"].contains("id") ||
            !item["SpecialToken"]["id"].is_string())
            throwMalformed(path, "post_processor.single has an item that is neither a Sequence "
                                 "nor a SpecialToken: " +
                                     item.dump());
        const std::string name = item["SpecialToken"]["id"].get<std::string>();
        if (!specials.contains(name) || !specials[name].contains("tokens") ||
            !specials[name]["tokens"].is_array())
            throwMalformed(path, "post_processor.special_tokens does not define '" + name + "'");
        for (const json& token : specials[name]["tokens"]) {
            if (!token.is_string())
                throwMalformed(path, "post_processor.special_tokens['" + name +
                                         "'].tokens holds a non-string");
            (afterSequence ? config.suffixTokens : config.prefixTokens)
                .push_back(token.get<std::string>());
        }
    }
}

std::vector<AddedToken> addedTokens(const json& j, const std::string& path) {
    std::vector<AddedToken> out;
    if (!j.contains("added_tokens") || j["added_tokens"].is_null())
        return out;
    if (!j["added_tokens"].is_array())
        throwMalformed(path, "added_tokens is not a list");
    for (const json& entry : j["added_tokens"]) {
        if (!entry.contains("id") || !entry["id"].is_number_integer())
            throwMalformed(path, "an entry of added_tokens has no integer 'id': " + entry.dump());
        out.push_back(addedTokenFromJson(entry, entry["id"].get<int>(), path));
    }
    return out;
}

// transformers' settings that change what the tokenizer.json says.
void applySettings(const LlamaTokenizerSettings& settings, const std::string& dir,
                   LlamaTokenizerConfig& config) {
    // add_prefix_space (or from_slow) makes LlamaTokenizerFast convert tokenizer.model again,
    // with LlamaConverter's normalizer, pre-tokenizer and decoder for the legacy flag.
    if (settings.llamaClass && (settings.addPrefixSpace || settings.fromSlow))
        config.useLlamaConverter(settings.legacy, settings.addPrefixSpace.value_or(true));
    // LlamaTokenizerFast's defaults for names the files do not give.
    config.bosToken = settings.bos.value_or("<s>");
    config.eosToken = settings.eos.value_or("</s>");
    config.unkToken = settings.unk.value_or("<unk>");
    config.padToken = settings.pad.value_or("");
    config.extraSpecialTokens = settings.extraSpecial;
    config.cleanUpSpaces = settings.cleanUpSpaces;
    if (const auto added = settings.specialsAdded()) {
        const std::string configPath = (fs::path(dir) / "tokenizer_config.json").string();
        config.prefixTokens.clear();
        config.suffixTokens.clear();
        for (auto [wanted, name, list, flag] :
             {std::tuple{added->bos, &config.bosToken, &config.prefixTokens, "add_bos_token"},
              std::tuple{added->eos, &config.eosToken, &config.suffixTokens, "add_eos_token"}}) {
            if (!wanted)
                continue;
            if (name->empty())
                throwMalformed(configPath,
                               std::string(flag) + " is true but the tokenizer has no such token");
            list->push_back(*name);
        }
    }
}

} // namespace

LlamaTokenizer LlamaTokenizer::fromDirectory(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorKind::File, "tokenizer folder " + dir + " does not exist");
    const fs::path path = fs::path(dir) / "tokenizer.json";
    if (!fs::exists(path, ec) && fs::exists(fs::path(dir) / "tokenizer.model", ec))
        return fromTokenizerModel((fs::path(dir) / "tokenizer.model").string());
    if (!fs::exists(path, ec))
        throw Error(ErrorKind::File, path.string() + " is missing: a LLaMA tokenizer folder "
                                                     "needs tokenizer.json (or tokenizer.model)");
    return fromTokenizerJson(path.string());
}

LlamaTokenizer LlamaTokenizer::fromTokenizerJson(const std::string& path) {
    return fromTokenizerJson(readJsonFile(path), path);
}

LlamaTokenizer LlamaTokenizer::fromTokenizerJson(const json& j, const std::string& path) {
    try {
        if (!j.is_object() || !j.contains("model") || !j["model"].is_object())
            throwMalformed(path, "it has no 'model' object");
        const json& model = j["model"];
        LlamaTokenizerConfig config;
        config.bpe = bpeOptions(model, path);
        auto vocab = vocabFromJson(requireField(model, "vocab", path, "model"), path);
        const auto merges = mergesFromJson(requireField(model, "merges", path, "model"), path);
        config.normalizer = LlamaNormalizer::fromJson(j.value("normalizer", json()), path);
        config.preTokenizer.reset();
        if (j.contains("pre_tokenizer") && !j["pre_tokenizer"].is_null())
            config.preTokenizer = MetaspacePreTokenizer::fromJson(j["pre_tokenizer"], path);
        config.decoder = LlamaTokenDecoder::fromJson(j.value("decoder", json()), path);
        readPostProcessor(j.value("post_processor", json()), path, config);
        config.addedTokens = addedTokens(j, path);
        const std::string dir = fs::path(path).parent_path().string();
        applySettings(LlamaTokenizerSettings::read(dir, false), dir, config);
        try {
            return LlamaTokenizer(std::move(vocab), merges, std::move(config));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::InvalidInput)
                throw;
            throw Error(ErrorKind::File, path + "'s parts do not fit together: " + e.what());
        }
    } catch (const json::exception& e) {
        throwMalformed(path, e.what()); // a field of the wrong type that the checks above let by
    }
}

} // namespace unike::text
