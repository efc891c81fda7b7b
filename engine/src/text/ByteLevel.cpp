#include "text/ByteLevel.h"

#include "text/Utf8.h"

#include <array>

namespace unike::text {
namespace {

struct Tables {
    std::array<std::string, 256> symbols;
    std::array<int, 512> bytes; // every symbol is below U+0144

    Tables() {
        bytes.fill(-1);
        auto isPrintable = [](int b) {
            return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        };
        int next = 256;
        for (int b = 0; b < 256; ++b) {
            const char32_t cp = isPrintable(b) ? static_cast<char32_t>(b) : next++;
            appendUtf8(symbols[b], cp);
            bytes[cp] = b;
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

} // namespace

const std::string& ByteLevel::symbol(unsigned char b) {
    return tables().symbols[b];
}

int ByteLevel::byteOf(char32_t cp) {
    return cp < 512 ? tables().bytes[cp] : -1;
}

std::string ByteLevel::encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes)
        out += symbol(static_cast<unsigned char>(c));
    return out;
}

bool ByteLevel::decode(std::string_view piece, std::string& out) {
    std::string bytes;
    bytes.reserve(piece.size());
    for (size_t pos = 0; pos < piece.size();) {
        if (utf8SequenceLength(piece, pos) == 0)
            return false;
        const int b = byteOf(decodeUtf8(piece, pos));
        if (b < 0)
            return false;
        bytes += static_cast<char>(b);
    }
    out += bytes;
    return true;
}

} // namespace unike::text
