#include "text/LlamaTokenizerFromByteLevel.h"

#include "text/ByteLevel.h"
#include "text/JsonFiles.h"
#include "text/LlamaJson.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <unordered_set>

namespace unike::text {
namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

// A byte-level symbol as a SentencePiece piece: its bytes, the space read as "▁"; empty when
// the bytes are not whole UTF-8 (part of a character) or hold a control character (LLaMA
// spells a newline <0x0A>), which byte fallback spells instead.
std::string pieceOf(const std::string& byteLevelSymbol) {
    std::string bytes;
    if (!ByteLevel::decode(byteLevelSymbol, bytes) || bytes.empty() ||
        findInvalidUtf8(bytes) != std::string::npos)
        return {};
    for (unsigned char c : bytes)
        if (c < 0x20 || c == 0x7F)
            return {};
    std::string piece;
    for (char c : bytes)
        piece += c == ' ' ? std::string(kMetaspace) : std::string(1, c);
    return piece;
}

std::string byteToken(int b) {
    char name[8];
    std::snprintf(name, sizeof name, "<0x%02X>", b);
    return name;
}

ordered_json addedToken(int id, const std::string& content) {
    return {{"id", id},        {"content", content},  {"single_word", false}, {"lstrip", false},
            {"rstrip", false}, {"normalized", false}, {"special", true}};
}

void writeJson(const fs::path& path, const ordered_json& j) {
    std::ofstream out(path);
    out << j.dump(2) << '\n';
    if (!out)
        throw Error(ErrorKind::File, "cannot write " + path.string());
}

} // namespace

void writeLlamaTokenizerFromByteLevel(const BpeTokenizer& trained,
                                      const std::vector<std::string>& extraTokens,
                                      const std::string& dir, const std::string& padToken) {
    ordered_json vocab = ordered_json::object();
    std::unordered_set<std::string> known;
    int next = 0;
    auto add = [&](const std::string& piece) {
        if (piece.empty() || !known.insert(piece).second)
            return;
        vocab[piece] = next++;
    };
    for (const char* special : {"<unk>", "<s>", "</s>"})
        add(special);
    for (int b = 0; b < 256; ++b)
        add(byteToken(b));
    // The base characters first, then each merge's result in merge order, as a trained
    // SentencePiece BPE lists them.
    const BpeModel& model = trained.model();
    for (size_t id = 0; id < model.idCount(); ++id) {
        const std::string& symbol = model.idToToken(int(id));
        std::string bytes;
        if (!trained.addedVocabulary().byContent(symbol) && ByteLevel::decode(symbol, bytes) &&
            bytes.size() == 1)
            add(pieceOf(symbol));
    }
    ordered_json merges = ordered_json::array();
    for (const auto& [left, right] : model.merges()) {
        const std::string a = pieceOf(left), b = pieceOf(right);
        if (a.empty() || b.empty() || !known.count(a) || !known.count(b))
            continue;
        add(a + b);
        merges.push_back(ordered_json::array({a, b}));
    }

    ordered_json added = ordered_json::array();
    for (const char* special : {"<unk>", "<s>", "</s>"})
        added.push_back(addedToken(vocab[special].get<int>(), special));
    for (const std::string& token : extraTokens) {
        if (known.count(token))
            throw Error(ErrorKind::InvalidInput, "'" + token + "' is already a piece");
        known.insert(token);
        added.push_back(addedToken(next++, token));
    }

    ordered_json tokenizer;
    tokenizer["version"] = "1.0";
    tokenizer["truncation"] = nullptr;
    tokenizer["padding"] = nullptr;
    tokenizer["added_tokens"] = added;
    tokenizer["normalizer"] = nullptr;
    tokenizer["pre_tokenizer"] = {{"type", "Metaspace"},
                                  {"replacement", kMetaspace},
                                  {"prepend_scheme", "first"},
                                  {"split", false}};
    const ordered_json bos = {{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}};
    tokenizer["post_processor"] = {
        {"type", "TemplateProcessing"},
        {"single", {bos, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}}},
        {"pair",
         {bos,
          {{"Sequence", {{"id", "A"}, {"type_id", 0}}}},
          {{"SpecialToken", {{"id", "<s>"}, {"type_id", 1}}}},
          {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}}},
        {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", {1}}, {"tokens", {"<s>"}}}}}}};
    tokenizer["decoder"] = {
        {"type", "Sequence"},
        {"decoders",
         {{{"type", "Replace"}, {"pattern", {{"String", kMetaspace}}}, {"content", " "}},
          {{"type", "ByteFallback"}},
          {{"type", "Fuse"}},
          {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}};
    tokenizer["model"] = {{"type", "BPE"},
                          {"dropout", nullptr},
                          {"unk_token", "<unk>"},
                          {"continuing_subword_prefix", nullptr},
                          {"end_of_word_suffix", nullptr},
                          {"fuse_unk", true},
                          {"byte_fallback", true},
                          {"ignore_merges", false},
                          {"vocab", vocab},
                          {"merges", merges}};

    ordered_json decoderTable = ordered_json::object();
    for (const ordered_json& token : added) {
        ordered_json entry = token;
        entry.erase("id");
        decoderTable[std::to_string(token["id"].get<int>())] = entry;
    }
    const ordered_json config = {
        {"add_bos_token", true},
        {"add_eos_token", false},
        {"added_tokens_decoder", decoderTable},
        {"bos_token", "<s>"},
        {"eos_token", "</s>"},
        {"unk_token", "<unk>"},
        {"pad_token", padToken.empty() ? ordered_json(nullptr) : ordered_json(padToken)},
        {"clean_up_tokenization_spaces", false},
        {"legacy", false},
        {"model_max_length", 2048},
        {"tokenizer_class", "LlamaTokenizer"}};
    ordered_json specialMap = {{"bos_token", "<s>"}, {"eos_token", "</s>"}, {"unk_token", "<unk>"}};
    if (!padToken.empty())
        specialMap["pad_token"] = padToken;

    std::error_code ec;
    fs::create_directories(dir, ec);
    writeJson(fs::path(dir) / "tokenizer.json", tokenizer);
    writeJson(fs::path(dir) / "tokenizer_config.json", config);
    writeJson(fs::path(dir) / "special_tokens_map.json", specialMap);
}

} // namespace unike::text
