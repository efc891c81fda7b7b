// BpeTokenizer's loaders: tokenizer.json (Hugging Face tokenizers' format) or the slow
// tokenizer's vocab.json + merges.txt, each with transformers' config files beside them.
#include "text/BpeTokenizer.h"
#include "text/JsonFiles.h"
#include "text/TransformersConfig.h"

#include <unike/Error.h>

#include <filesystem>
#include <optional>

namespace unike::text {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[noreturn]] void unsupported(const std::string& path, const std::string& what) {
    throw Error(ErrorKind::Unsupported, path + " uses " + what +
                                            ", which UniKE's byte-level BPE tokenizer does not " +
                                            "support (it handles GPT-2 and OPT tokenizers)");
}

std::unordered_map<std::string, int> vocabFrom(const json& vocab, const std::string& path,
                                               const std::string& where) {
    if (!vocab.is_object())
        throwMalformed(path, where + " is not an object of token -> id");
    std::unordered_map<std::string, int> out;
    out.reserve(vocab.size());
    for (const auto& [token, id] : vocab.items()) {
        if (!id.is_number_integer())
            throwMalformed(path,
                           "the id of token '" + token + "' in " + where + " is not an integer");
        out.emplace(token, id.get<int>());
    }
    if (out.empty())
        throwMalformed(path, where + " is empty");
    return out;
}

// "a b" (merges.txt and older tokenizer.json) splits at its one space; tokenizers rejects more.
std::optional<Merge> splitMerge(const std::string& line) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= line.size() ||
        line.find(' ', space + 1) != std::string::npos)
        return std::nullopt;
    return Merge{line.substr(0, space), line.substr(space + 1)};
}

std::vector<Merge> mergesFromJson(const json& merges, const std::string& path) {
    if (!merges.is_array())
        throwMalformed(path, "model.merges is not a list");
    std::vector<Merge> out;
    out.reserve(merges.size());
    for (size_t i = 0; i < merges.size(); ++i) {
        const json& m = merges[i];
        std::optional<Merge> merge;
        if (m.is_string())
            merge = splitMerge(m.get<std::string>());
        else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string())
            merge = Merge{m[0].get<std::string>(), m[1].get<std::string>()};
        if (!merge)
            throwMalformed(path, "merge " + std::to_string(i + 1) +
                                     " is neither \"a b\" nor [\"a\", \"b\"]: " + m.dump());
        out.push_back(std::move(*merge));
    }
    return out;
}

std::vector<Merge> mergesFromText(const std::string& path) {
    const std::string text = readTextFile(path);
    std::vector<Merge> out;
    size_t lineNo = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line.rfind("#version", 0) == 0)
            continue;
        auto merge = splitMerge(line);
        if (!merge)
            throwMalformed(path, "line " + std::to_string(lineNo) +
                                     " is not two symbols separated by one space: '" + line + "'");
        out.push_back(std::move(*merge));
    }
    return out;
}

void readPreTokenizer(const json& pre, const std::string& path, TokenizerConfig& config) {
    if (pre.is_object() && pre.value("type", "") == "Sequence" && pre.contains("pretokenizers") &&
        pre["pretokenizers"].is_array() && pre["pretokenizers"].size() == 1) {
        readPreTokenizer(pre["pretokenizers"][0], path, config);
        return;
    }
    if (!pre.is_object() || pre.value("type", "") != "ByteLevel")
        unsupported(path, "the pre_tokenizer " + pre.dump().substr(0, 80));
    config.addPrefixSpace = jsonFlag(pre, "add_prefix_space", false);
    config.useRegex = jsonFlag(pre, "use_regex", true);
}

// Which special tokens the post_processor puts before and after the text.
void readPostProcessor(const json& post, const std::string& path, TokenizerConfig& config) {
    if (post.is_null())
        return;
    const std::string type = post.is_object() ? post.value("type", "") : "";
    if (type == "ByteLevel")
        return;
    if (type == "Sequence" && post.contains("processors") && post["processors"].is_array()) {
        for (const json& p : post["processors"])
            readPostProcessor(p, path, config);
        return;
    }
    if (type == "RobertaProcessing" || type == "BertProcessing") {
        const json& cls = post.at("cls");
        const json& sep = post.at("sep");
        if (!cls.is_array() || cls.empty() || !cls[0].is_string() || !sep.is_array() ||
            sep.empty() || !sep[0].is_string())
            throwMalformed(path, type + " needs 'cls' and 'sep' as [token, id]");
        config.prefixTokens.push_back(cls[0].get<std::string>());
        config.suffixTokens.push_back(sep[0].get<std::string>());
        return;
    }
    if (type != "TemplateProcessing")
        unsupported(path, "the post_processor " + type);
    const json& single = post.at("single");
    const json& specials = post.at("special_tokens");
    if (!single.is_array())
        throwMalformed(path, "post_processor.single is not a list");
    bool afterSequence = false;
    for (const json& item : single) {
        if (item.contains("Sequence")) {
            afterSequence = true;
            continue;
        }
        if (!item.contains("SpecialToken") || !item["SpecialToken"].contains("id"))
            throwMalformed(path, "post_processor.single has an item that is neither a Sequence nor "
                                 "a SpecialToken: " +
                                     item.dump());
        const std::string name = item["SpecialToken"]["id"].get<std::string>();
        if (!specials.contains(name) || !specials[name].contains("tokens"))
            throwMalformed(path, "post_processor.special_tokens does not define '" + name + "'");
        for (const json& token : specials[name]["tokens"])
            (afterSequence ? config.suffixTokens : config.prefixTokens)
                .push_back(token.get<std::string>());
    }
}

TokenizerConfig configFromTokenizerJson(const json& j, const std::string& path) {
    TokenizerConfig config;
    config.prefixTokens.clear();
    const json& model = j["model"];
    if (model.contains("unk_token") && model["unk_token"].is_string())
        config.modelUnkToken = model["unk_token"].get<std::string>();
    config.ignoreMerges = jsonFlag(model, "ignore_merges", false);
    if (model.contains("dropout") && !model["dropout"].is_null() &&
        model["dropout"].get<double>() > 0)
        unsupported(path, "BPE dropout");
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && !model[key].is_null() && model[key] != "")
            unsupported(path, std::string("a ") + key);
    if (jsonFlag(model, "byte_fallback", false))
        unsupported(path, "byte_fallback");
    if (j.contains("normalizer") && !j["normalizer"].is_null())
        unsupported(path, "a normalizer");
    readPreTokenizer(j.value("pre_tokenizer", json()), path, config);
    const json decoder = j.value("decoder", json());
    if (!decoder.is_null() && decoder.value("type", "") != "ByteLevel")
        unsupported(path, "the decoder " + decoder.value("type", std::string("?")));
    readPostProcessor(j.value("post_processor", json()), path, config);
    if (j.contains("added_tokens")) {
        if (!j["added_tokens"].is_array())
            throwMalformed(path, "added_tokens is not a list");
        for (const json& entry : j["added_tokens"]) {
            if (!entry.contains("id") || !entry["id"].is_number_integer())
                throwMalformed(path, "an added token has no integer 'id': " + entry.dump());
            config.addedTokens.push_back(addedTokenFromJson(entry, entry["id"].get<int>(), path));
        }
    }
    return config;
}

BpeTokenizer build(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges,
                   TokenizerConfig config, const std::string& files) {
    try {
        return BpeTokenizer(std::move(vocab), std::move(merges), std::move(config));
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::InvalidInput)
            throw;
        throw Error(ErrorKind::File, files + " do not fit together: " + e.what());
    }
}

} // namespace

BpeTokenizer BpeTokenizer::fromTokenizerJson(const std::string& path) {
    const json j = readJsonFile(path);
    try {
        if (!j.is_object() || !j.contains("model") || !j["model"].is_object())
            throwMalformed(path, "it has no 'model' object");
        const json& model = j["model"];
        if (model.contains("type") && model["type"] != "BPE")
            unsupported(path, "a " + model["type"].dump() + " model");
        if (!model.contains("vocab"))
            throwMalformed(path, "model.vocab is missing");
        if (!model.contains("merges"))
            throwMalformed(path, "model.merges is missing");
        auto vocab = vocabFrom(model["vocab"], path, "model.vocab");
        auto merges = mergesFromJson(model["merges"], path);
        TokenizerConfig config = configFromTokenizerJson(j, path);
        const TransformersConfig files =
            readTransformersConfig(fs::path(path).parent_path().string(), false);
        applyTransformersConfig(files, vocab, config);
        if (!files.bos && !config.prefixTokens.empty())
            config.bosToken = config.prefixTokens.front(); // the template's first token is BOS
        return build(std::move(vocab), std::move(merges), std::move(config), path + "'s parts");
    } catch (const json::exception& e) {
        throwMalformed(path, e.what()); // a field of the wrong type that the checks above let by
    }
}

BpeTokenizer BpeTokenizer::fromVocabAndMerges(const std::string& vocabPath,
                                              const std::string& mergesPath) {
    auto vocab = vocabFrom(readJsonFile(vocabPath), vocabPath, "the vocabulary");
    auto merges = mergesFromText(mergesPath);
    const std::string dir = fs::path(vocabPath).parent_path().string();
    const TransformersConfig files = readTransformersConfig(dir, true);
    TokenizerConfig config;
    applyTransformersConfig(files, vocab, config);
    // transformers' GPT2Tokenizer adds no BOS unless its config asks; OPT's config asks. With
    // no config at all, this OPT tool assumes OPT.
    const bool addBos = files.addBos.value_or(!files.hasTokenizerConfig);
    config.prefixTokens.clear();
    if (addBos && !config.bosToken.empty())
        config.prefixTokens.push_back(config.bosToken);
    if (files.addEos.value_or(false) && !config.eosToken.empty())
        config.suffixTokens.push_back(config.eosToken);
    config.addPrefixSpace = files.addPrefixSpace.value_or(false);
    return build(std::move(vocab), std::move(merges), std::move(config),
                 vocabPath + " and " + mergesPath);
}

BpeTokenizer BpeTokenizer::fromDirectory(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorKind::File, "tokenizer folder " + dir + " does not exist");
    const fs::path root(dir);
    if (fs::exists(root / "tokenizer.json"))
        return fromTokenizerJson((root / "tokenizer.json").string());
    const bool hasVocab = fs::exists(root / "vocab.json");
    const bool hasMerges = fs::exists(root / "merges.txt");
    if (hasVocab && hasMerges)
        return fromVocabAndMerges((root / "vocab.json").string(), (root / "merges.txt").string());
    if (hasVocab || hasMerges)
        throw Error(ErrorKind::File, (root / (hasVocab ? "merges.txt" : "vocab.json")).string() +
                                         " is missing: a BPE tokenizer needs both vocab.json and "
                                         "merges.txt (or a tokenizer.json)");
    throw Error(ErrorKind::File, dir + " has no tokenizer: expected tokenizer.json, or "
                                       "vocab.json with merges.txt");
}

} // namespace unike::text
