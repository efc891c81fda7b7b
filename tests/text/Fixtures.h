#pragma once
// Shared inputs for the tokenizer tests: a hand-made vocabulary whose ids can be worked out on
// paper, a synthetic corpus like the demo world's, and random valid UTF-8.

#include "text/BpeModel.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace fixtures {

// OPT's four special tokens at 0-3, byte b at 4 + b, then one id per merge from 260:
//   260 "Ġw"  261 "or"  262 "ld"  263 "Ġwor"  264 "Ġworld"  265 "he"  266 "ll"  267 "hell"
//   268 "hello"  269 "el" (ranked below "l l")  270 "'s"
struct HandVocab {
    std::unordered_map<std::string, int> vocab;
    std::vector<unike::text::Merge> merges;
};
HandVocab handVocab();
int byteId(unsigned char b); // 4 + b

std::string vocabJson(const HandVocab& v);
std::string mergesTxt(const HandVocab& v);
// A tokenizer.json as tokenizers writes it for OPT; pairs: merges as ["a", "b"] (newer files).
std::string tokenizerJson(const HandVocab& v, bool pairs);

std::vector<std::string> corpus(size_t sentences, uint32_t seed);
std::string randomUtf8(uint32_t& state, size_t codePoints);
// Strings that break naive tokenizers: emoji sequences, combining marks, BOMs, odd spaces.
std::vector<std::string> trickyStrings();

void writeFile(const std::string& path, const std::string& content);

} // namespace fixtures
