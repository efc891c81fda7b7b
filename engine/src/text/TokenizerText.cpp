#include "text/TokenizerText.h"

#include "text/Utf8.h"

#include <unike/Error.h>

#include <cstdio>
#include <utility>

namespace unike::text {

void requireValidUtf8(std::string_view text) {
    const size_t bad = findInvalidUtf8(text);
    if (bad == std::string_view::npos)
        return;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw Error(ErrorKind::InvalidInput, "the text is not valid UTF-8 (byte " + std::string(hex) +
                                             " at offset " + std::to_string(bad) +
                                             "); convert it to UTF-8 first");
}

std::string cleanUpTokenizationSpaces(std::string text) {
    static const std::pair<std::string_view, std::string_view> rules[] = {
        {" .", "."},     {" ?", "?"},   {" !", "!"},   {" ,", ","},     {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
    for (const auto& [from, to] : rules) {
        std::string out;
        size_t pos = 0;
        for (size_t hit; (hit = text.find(from, pos)) != std::string::npos; pos = hit + from.size())
            out.append(text, pos, hit - pos).append(to);
        text = out.append(text, pos, std::string::npos);
    }
    return text;
}

} // namespace unike::text
