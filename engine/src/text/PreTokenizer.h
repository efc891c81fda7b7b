#pragma once
// GPT-2's pre-tokenizer: the regex
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// applied as Hugging Face's tokenizers applies it (Oniguruma, leftmost-first alternation),
// written out by hand on code points because the engine has no Unicode regex library.

#include <string_view>
#include <vector>

namespace unike::text {

// Splits valid UTF-8 text into the regex's matches. The pieces are views into text, in order,
// and together cover it exactly (every code point matches one of the alternatives).
std::vector<std::string_view> preTokenize(std::string_view text);

} // namespace unike::text
