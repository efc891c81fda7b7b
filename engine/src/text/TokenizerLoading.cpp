// Picks a model folder's tokenizer implementation from the files it holds.
#include "text/BpeTokenizer.h"
#include "text/JsonFiles.h"
#include "text/LlamaTokenizer.h"
#include "text/TextTokenizer.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace unike::text {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Whether a normalizer or pre-tokenizer is, or holds in its Sequence, a component of `type`.
bool holds(const json& component, const char* type) {
    if (!component.is_object())
        return false;
    if (component.value("type", json()) == type)
        return true;
    for (const char* list : {"normalizers", "pretokenizers"})
        if (component.contains(list) && component[list].is_array())
            for (const json& item : component[list])
                if (holds(item, type))
                    return true;
    return false;
}

// A BPE tokenizer.json in SentencePiece's style (LLaMA's) rather than GPT-2's byte level.
bool isSentencePieceStyle(const json& tokenizer) {
    if (!tokenizer.is_object() || !tokenizer.contains("model"))
        return false;
    const json& model = tokenizer["model"];
    if (!model.is_object() || model.value("type", json("BPE")) != "BPE")
        return false;
    return jsonFlag(model, "byte_fallback", false) ||
           holds(tokenizer.value("pre_tokenizer", json()), "Metaspace") ||
           holds(tokenizer.value("normalizer", json()), "Prepend");
}

} // namespace

std::shared_ptr<const TextTokenizer> loadTokenizer(const std::string& folder) {
    const fs::path root(folder);
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
        const fs::path tokenizerJson = root / "tokenizer.json";
        if (fs::exists(tokenizerJson, ec)) {
            const json tokenizer = readJsonFile(tokenizerJson.string());
            if (isSentencePieceStyle(tokenizer))
                return std::make_shared<LlamaTokenizer>(
                    LlamaTokenizer::fromTokenizerJson(tokenizer, tokenizerJson.string()));
        } else if (!fs::exists(root / "vocab.json", ec) && !fs::exists(root / "merges.txt", ec) &&
                   fs::exists(root / "tokenizer.model", ec)) {
            return std::make_shared<LlamaTokenizer>(
                LlamaTokenizer::fromTokenizerModel((root / "tokenizer.model").string()));
        }
    }
    return std::make_shared<BpeTokenizer>(BpeTokenizer::fromDirectory(folder));
}

} // namespace unike::text
