#pragma once
// GPT-2's bytes_to_unicode: every byte gets a printable code point, so that BPE works on text
// that holds no spaces or control characters. Printable Latin-1 bytes map to themselves; the
// other 68 map to U+0100.. in byte order (the space 0x20 becomes 'Ġ', the newline 'Ċ').

#include <string>
#include <string_view>

namespace unike::text {

class ByteLevel {
public:
    // The UTF-8 of the code point that stands for byte b.
    static const std::string& symbol(unsigned char b);
    // The byte that code point cp stands for, or -1 when cp stands for none.
    static int byteOf(char32_t cp);
    // Maps raw bytes to their symbols ("a b" -> "aĠb").
    static std::string encode(std::string_view bytes);
    // Maps symbols back to bytes, appending to out. False (out unchanged) when a code point of
    // the piece stands for no byte or the piece is not valid UTF-8.
    static bool decode(std::string_view piece, std::string& out);
};

} // namespace unike::text
