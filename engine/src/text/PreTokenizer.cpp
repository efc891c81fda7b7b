#include "text/PreTokenizer.h"

#include "text/UnicodeProperties.h"
#include "text/Utf8.h"

namespace unike::text {
namespace {

enum class Kind { Letter, Number, Space, Other };

Kind kindOf(char32_t cp) {
    if (isLetter(cp))
        return Kind::Letter;
    if (isNumber(cp))
        return Kind::Number;
    if (isWhiteSpace(cp))
        return Kind::Space;
    return Kind::Other;
}

// Length in code points of the contraction ('s 't 're 've 'm 'll 'd) at i, or 0. Case matters.
size_t contractionAt(const std::vector<char32_t>& cps, size_t i) {
    if (cps[i] != U'\'' || i + 1 >= cps.size())
        return 0;
    const char32_t a = cps[i + 1];
    if (a == U's' || a == U't' || a == U'm' || a == U'd')
        return 2;
    if (i + 2 >= cps.size())
        return 0;
    const char32_t b = cps[i + 2];
    if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l'))
        return 3;
    return 0;
}

// The end (exclusive) of the match starting at code point i.
size_t matchEnd(const std::vector<char32_t>& cps, const std::vector<Kind>& kinds, size_t i) {
    const size_t n = cps.size();
    if (const size_t c = contractionAt(cps, i))
        return i + c;
    // " ?\p{L}+", " ?\p{N}+", " ?[^\s\p{L}\p{N}]+": one optional U+0020, then a run of one kind.
    size_t start = i;
    if (cps[i] == U' ' && i + 1 < n && kinds[i + 1] != Kind::Space)
        start = i + 1;
    if (kinds[start] != Kind::Space) {
        size_t end = start + 1;
        while (end < n && kinds[end] == kinds[start])
            ++end;
        return end;
    }
    // "\s+(?!\S)": a run of white space that ends the text, or gives back its last character so
    // that character can lead the next word. "\s+" takes a lone one that precedes a non-space.
    size_t end = i + 1;
    while (end < n && kinds[end] == Kind::Space)
        ++end;
    if (end < n && end - i >= 2)
        return end - 1;
    return end;
}

} // namespace

std::vector<std::string_view> preTokenize(std::string_view text) {
    std::vector<char32_t> cps;
    std::vector<size_t> offsets; // byte offset of each code point, plus the end
    cps.reserve(text.size());
    offsets.reserve(text.size() + 1);
    for (size_t pos = 0; pos < text.size();) {
        offsets.push_back(pos);
        cps.push_back(decodeUtf8(text, pos));
    }
    offsets.push_back(text.size());
    std::vector<Kind> kinds(cps.size());
    for (size_t i = 0; i < cps.size(); ++i)
        kinds[i] = kindOf(cps[i]);

    std::vector<std::string_view> pieces;
    for (size_t i = 0; i < cps.size();) {
        const size_t end = matchEnd(cps, kinds, i);
        pieces.push_back(text.substr(offsets[i], offsets[end] - offsets[i]));
        i = end;
    }
    return pieces;
}

} // namespace unike::text
