#include "text/LlamaTokenDecoder.h"

#include "text/JsonFiles.h"
#include "text/LlamaJson.h"
#include "text/Utf8.h"

namespace unike::text {
namespace {

using nlohmann::json;

const char* const kReplacementCharacter = "\xEF\xBF\xBD"; // U+FFFD

std::string replaced(const std::string& text, const std::string& pattern,
                     const std::string& content) {
    std::string out;
    size_t pos = 0;
    for (size_t hit; (hit = text.find(pattern, pos)) != std::string::npos;
         pos = hit + pattern.size()) {
        out.append(text, pos, hit - pos);
        out += content;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

// "<0x0A>" -> 0x0A; -1 for any other token (ByteFallback's test: six bytes, two hex digits).
int byteOf(const std::string& token) {
    if (token.size() != 6 || token.compare(0, 3, "<0x") != 0 || token[5] != '>')
        return -1;
    auto hex = [](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    const int high = hex(token[3]), low = hex(token[4]);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
}

void flushBytes(std::string& bytes, std::vector<std::string>& out, bool rawBytes) {
    if (bytes.empty())
        return;
    if (rawBytes || findInvalidUtf8(bytes) == std::string::npos)
        out.push_back(bytes);
    else
        out.insert(out.end(), bytes.size(), kReplacementCharacter);
    bytes.clear();
}

} // namespace

LlamaTokenDecoder LlamaTokenDecoder::fromJson(const json& decoder, const std::string& path) {
    LlamaTokenDecoder out;
    if (decoder.is_null())
        out.joinWithSpaces_ = true;
    else
        out.read(decoder, path);
    return out;
}

LlamaTokenDecoder LlamaTokenDecoder::llama(bool addPrefixSpace) {
    LlamaTokenDecoder out;
    out.steps_.push_back({Kind::Replace, kMetaspace, " "});
    out.steps_.push_back({Kind::ByteFallback});
    out.steps_.push_back({Kind::Fuse});
    if (addPrefixSpace)
        out.steps_.push_back({Kind::Strip, "", " ", 1, 0});
    return out;
}

void LlamaTokenDecoder::read(const json& decoder, const std::string& path) {
    const std::string type = componentType(decoder, path, "decoder");
    if (type == "Sequence") {
        const json& list = requireField(decoder, "decoders", path, "decoder");
        if (!list.is_array())
            throwMalformed(path, "decoder.decoders is not a list");
        for (const json& item : list)
            read(item, path);
    } else if (type == "Replace") {
        const std::string pattern = stringPattern(decoder, path, "decoder");
        steps_.push_back(
            {Kind::Replace, pattern, requireString(decoder, "content", path, "decoder Replace")});
    } else if (type == "ByteFallback") {
        steps_.push_back({Kind::ByteFallback});
    } else if (type == "Fuse") {
        steps_.push_back({Kind::Fuse});
    } else if (type == "Strip") {
        const std::string content = requireString(decoder, "content", path, "decoder Strip");
        const json& start = requireField(decoder, "start", path, "decoder Strip");
        const json& stop = requireField(decoder, "stop", path, "decoder Strip");
        if (content.empty() || utf8SequenceLength(content, 0) != content.size() ||
            !start.is_number_unsigned() || !stop.is_number_unsigned())
            throwMalformed(path, "decoder Strip needs one character 'content' and counts "
                                 "'start' and 'stop'");
        steps_.push_back({Kind::Strip, "", content, start.get<size_t>(), stop.get<size_t>()});
    } else if (type == "Metaspace") {
        Step step{Kind::Metaspace, requireString(decoder, "replacement", path, "decoder"), " "};
        const std::string scheme = decoder.value("prepend_scheme", std::string("always"));
        step.stripFirst = scheme != "never" && jsonFlag(decoder, "add_prefix_space", true);
        steps_.push_back(step);
    } else {
        throwUnsupported(path, "the decoder " + type);
    }
}

void LlamaTokenDecoder::run(const Step& step, std::vector<std::string>& tokens,
                            bool rawBytes) const {
    switch (step.kind) {
    case Kind::Replace:
        for (std::string& token : tokens)
            token = replaced(token, step.pattern, step.content);
        break;
    case Kind::ByteFallback: {
        std::vector<std::string> out;
        std::string bytes;
        for (std::string& token : tokens) {
            if (const int byte = byteOf(token); byte >= 0) {
                bytes += static_cast<char>(byte);
                continue;
            }
            flushBytes(bytes, out, rawBytes);
            out.push_back(std::move(token));
        }
        flushBytes(bytes, out, rawBytes);
        tokens = std::move(out);
        break;
    }
    case Kind::Fuse: {
        std::string all;
        for (const std::string& token : tokens)
            all += token;
        tokens.assign(1, all);
        break;
    }
    case Kind::Strip:
        // Up to `start` leading and `stop` trailing copies of the character, per token.
        for (std::string& token : tokens) {
            const std::string& c = step.content;
            size_t begin = 0, end = token.size();
            for (size_t i = 0; i < step.start && token.compare(begin, c.size(), c) == 0; ++i)
                begin += c.size();
            for (size_t i = 0; i < step.stop && end >= begin + c.size() &&
                               token.compare(end - c.size(), c.size(), c) == 0;
                 ++i)
                end -= c.size();
            token = token.substr(begin, end - begin);
        }
        break;
    case Kind::Metaspace:
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] =
                replaced(tokens[i], step.pattern, i == 0 && step.stripFirst ? "" : step.content);
        break;
    }
}

std::string LlamaTokenDecoder::decode(std::vector<std::string> tokens, bool rawBytes) const {
    if (joinWithSpaces_) {
        std::string out;
        for (size_t i = 0; i < tokens.size(); ++i)
            out += (i ? " " : "") + tokens[i];
        return out;
    }
    for (const Step& step : steps_)
        run(step, tokens, rawBytes);
    std::string out;
    for (const std::string& token : tokens)
        out += token;
    return out;
}

std::string LlamaTokenDecoder::decodeToken(const std::string& token) const {
    std::vector<std::string> tokens{token};
    if (joinWithSpaces_)
        return token;
    for (const Step& step : steps_) {
        if (step.kind == Kind::Strip || step.kind == Kind::Fuse)
            continue;
        if (step.kind == Kind::Metaspace) {
            tokens = {"", tokens.front()}; // as a token inside the text, not the first one
            run(step, tokens, true);
            tokens.erase(tokens.begin());
            continue;
        }
        run(step, tokens, true);
    }
    std::string out;
    for (const std::string& t : tokens)
        out += t;
    return out;
}

} // namespace unike::text
