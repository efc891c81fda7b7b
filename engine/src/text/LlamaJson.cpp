#include "text/LlamaJson.h"

#include "text/JsonFiles.h"

#include <unike/Error.h>

namespace unike::text {

using nlohmann::json;

void throwUnsupported(const std::string& path, const std::string& what) {
    throw Error(ErrorKind::Unsupported,
                path + " uses " + what +
                    ", which UniKE's SentencePiece BPE tokenizer cannot reproduce exactly (it "
                    "handles LLaMA-style tokenizers: BPE with byte fallback, Prepend/Replace "
                    "normalizers or a Metaspace pre-tokenizer)");
}

std::string componentType(const json& object, const std::string& path, const std::string& where) {
    if (!object.is_object() || !object.contains("type") || !object["type"].is_string())
        throwMalformed(path, where + " has no \"type\" string: " + object.dump().substr(0, 80));
    return object["type"].get<std::string>();
}

const json& requireField(const json& object, const char* key, const std::string& path,
                         const std::string& where) {
    if (!object.is_object() || !object.contains(key))
        throwMalformed(path, where + "." + key + " is missing");
    return object[key];
}

std::string requireString(const json& object, const char* key, const std::string& path,
                          const std::string& where) {
    const json& value = requireField(object, key, path, where);
    if (!value.is_string())
        throwMalformed(path, where + "." + key + " is not a string");
    return value.get<std::string>();
}

std::string stringPattern(const json& replace, const std::string& path, const std::string& where) {
    const json& pattern = requireField(replace, "pattern", path, where + " Replace");
    if (pattern.is_object() && pattern.contains("Regex"))
        throwUnsupported(path, "a " + where + " Replace with a regular expression");
    if (!pattern.is_object() || !pattern.contains("String") || !pattern["String"].is_string() ||
        pattern["String"].get<std::string>().empty())
        throwMalformed(path, where + " Replace's pattern is not {\"String\": \"...\"}");
    return pattern["String"].get<std::string>();
}

std::unordered_map<std::string, int> vocabFromJson(const json& vocab, const std::string& path) {
    if (!vocab.is_object())
        throwMalformed(path, "model.vocab is not an object of token -> id");
    std::unordered_map<std::string, int> out;
    out.reserve(vocab.size());
    for (const auto& [token, id] : vocab.items()) {
        if (!id.is_number_integer())
            throwMalformed(path,
                           "the id of token '" + token + "' in model.vocab is not an integer");
        out.emplace(token, id.get<int>());
    }
    if (out.empty())
        throwMalformed(path, "model.vocab is empty");
    return out;
}

std::vector<Merge> mergesFromJson(const json& merges, const std::string& path) {
    if (!merges.is_array())
        throwMalformed(path, "model.merges is not a list");
    std::vector<Merge> out;
    out.reserve(merges.size());
    for (size_t i = 0; i < merges.size(); ++i) {
        const json& m = merges[i];
        if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            out.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
            continue;
        }
        if (m.is_string()) {
            const std::string line = m.get<std::string>();
            const size_t space = line.find(' ');
            if (space != std::string::npos && line.find(' ', space + 1) == std::string::npos) {
                out.emplace_back(line.substr(0, space), line.substr(space + 1));
                continue;
            }
        }
        throwMalformed(path, "model.merges[" + std::to_string(i) +
                                 "] is neither \"a b\" nor [\"a\", \"b\"]: " + m.dump());
    }
    return out;
}

} // namespace unike::text
