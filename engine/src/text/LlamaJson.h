#pragma once
// Reading the parts of a LLaMA-style tokenizer.json, with errors that name the file and the
// field: Error(File) for a malformed file, Error(Unsupported) for a component UniKE cannot
// reproduce exactly.

#include "text/BpeModel.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace unike::text {

inline constexpr const char* kMetaspace = "\xE2\x96\x81"; // "▁", SentencePiece's space

[[noreturn]] void throwUnsupported(const std::string& path, const std::string& what);

// object["type"], which must be a string; `where` names the field in messages ("decoder").
std::string componentType(const nlohmann::json& object, const std::string& path,
                          const std::string& where);
const nlohmann::json& requireField(const nlohmann::json& object, const char* key,
                                   const std::string& path, const std::string& where);
std::string requireString(const nlohmann::json& object, const char* key, const std::string& path,
                          const std::string& where);
// A Replace's pattern: {"String": s} gives s; a Regex is unsupported.
std::string stringPattern(const nlohmann::json& replace, const std::string& path,
                          const std::string& where);

std::unordered_map<std::string, int> vocabFromJson(const nlohmann::json& vocab,
                                                   const std::string& path);
// "a b" strings (split at their one space, as tokenizers does) or ["a", "b"] pairs.
std::vector<Merge> mergesFromJson(const nlohmann::json& merges, const std::string& path);

} // namespace unike::text
