#pragma once
// Reading and writing the tokenizer's small text and JSON files, with errors that name the file.

#include <nlohmann/json.hpp>

#include <string>

namespace unike::text {

// Throws unike::Error(File) when the file is missing, unreadable or not JSON (with the line).
nlohmann::json readJsonFile(const std::string& path);
std::string readTextFile(const std::string& path);
// Throws unike::Error(File): "<path> is malformed: <problem>".
[[noreturn]] void throwMalformed(const std::string& path, const std::string& problem);
// object[key] when it is a boolean, else fallback (absent keys take the library's default).
bool jsonFlag(const nlohmann::json& object, const char* key, bool fallback);
// Writes atomically enough for a tokenizer: to path.tmp, then renamed over path.
void writeTextFile(const std::string& path, const std::string& content);

} // namespace unike::text
