#pragma once
// UTF-8 helpers. Tokenizers see bytes; these turn them into code points and back, and make
// arbitrary bytes (a partial token) safe to show.

#include <cstddef>
#include <string>
#include <string_view>

namespace unike::text {

// The length of the well-formed UTF-8 sequence at text[pos] (1-4), or 0 when it is malformed
// (bad lead byte, bad continuation, overlong form, surrogate, above U+10FFFF, truncated).
size_t utf8SequenceLength(std::string_view text, size_t pos);

// Byte offset of the first malformed sequence, or std::string_view::npos when valid.
size_t findInvalidUtf8(std::string_view text);

// Decodes the sequence at text[pos], which must be well formed, and advances pos past it.
char32_t decodeUtf8(std::string_view text, size_t& pos);

void appendUtf8(std::string& out, char32_t codePoint);

// Valid UTF-8 for any bytes: each maximal malformed subpart becomes U+FFFD, as Rust's
// String::from_utf8_lossy and the WHATWG decoder do (so it matches Hugging Face's decode).
std::string sanitizeUtf8(std::string_view bytes);

} // namespace unike::text
