#include "text/Utf8.h"

namespace unike::text {
namespace {

bool isContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// How many bytes at pos form a valid (possibly incomplete) multi-byte sequence: 0 for a byte
// that cannot lead one. The maximal subpart that U+FFFD replaces.
size_t validPrefixLength(std::string_view text, size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        lo = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        hi = lead == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        lo = lead == 0xF0 ? 0x90 : 0x80;
        hi = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
        return 0;
    }
    size_t n = 1;
    while (n <= need && pos + n < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos + n]);
        if (n == 1 ? (c < lo || c > hi) : !isContinuation(c))
            break;
        ++n;
    }
    return n; // need + 1 when the sequence is complete
}

size_t expectedLength(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

} // namespace

size_t utf8SequenceLength(std::string_view text, size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t want = expectedLength(lead);
    if (want <= 1)
        return want;
    return validPrefixLength(text, pos) == want ? want : 0;
}

size_t findInvalidUtf8(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t n = utf8SequenceLength(text, pos);
        if (n == 0)
            return pos;
        pos += n;
    }
    return std::string_view::npos;
}

char32_t decodeUtf8(std::string_view text, size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t n = expectedLength(lead);
    char32_t cp = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t i = 1; i < n; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += n;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string sanitizeUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (size_t pos = 0; pos < bytes.size();) {
        const size_t n = utf8SequenceLength(bytes, pos);
        if (n > 0) {
            out.append(bytes.substr(pos, n));
            pos += n;
        } else {
            out += "\xEF\xBF\xBD";
            const size_t prefix = validPrefixLength(bytes, pos);
            pos += prefix == 0 ? 1 : prefix;
        }
    }
    return out;
}

} // namespace unike::text
