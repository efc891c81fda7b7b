#pragma once
// Small text rules the SentencePiece-style tokenizers share with transformers.

#include <string>
#include <string_view>

namespace unike::text {

// Throws unike::Error(InvalidInput) naming the first bad byte when text is not valid UTF-8.
void requireValidUtf8(std::string_view text);

// transformers' clean_up_tokenization: " ." -> ".", " n't" -> "n't" and the like, applied
// on decode when the config's clean_up_tokenization_spaces is true.
std::string cleanUpTokenizationSpaces(std::string text);

} // namespace unike::text
