#include "text/NormalizedText.h"

#include "text/Utf8.h"

namespace unike::text {

NormalizedText::NormalizedText(std::string_view text, size_t offset)
    : text_(text)
    , offset_(offset) {
    origin_.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t begin = pos;
        const size_t length = utf8SequenceLength(text, pos);
        pos += length == 0 ? 1 : length;
        for (size_t i = begin; i < pos; ++i)
            origin_.push_back({offset + begin, offset + pos});
    }
}

Span NormalizedText::inputSpan(size_t begin, size_t end) const {
    return {origin_[begin].first, origin_[end - 1].second};
}

void NormalizedText::prepend(std::string_view prefix) {
    if (text_.empty() || prefix.empty())
        return;
    text_.insert(0, prefix);
    origin_.insert(origin_.begin(), prefix.size(), origin_.front());
}

void NormalizedText::replaceAll(std::string_view pattern, std::string_view content) {
    if (pattern.empty() || text_.find(pattern) == std::string::npos)
        return;
    std::string text;
    std::vector<Span> origin;
    text.reserve(text_.size());
    origin.reserve(origin_.size());
    size_t pos = 0;
    for (size_t hit; (hit = text_.find(pattern, pos)) != std::string::npos;
         pos = hit + pattern.size()) {
        text.append(text_, pos, hit - pos);
        origin.insert(origin.end(), origin_.begin() + pos, origin_.begin() + hit);
        text.append(content);
        const Span replaced = inputSpan(hit, hit + pattern.size());
        origin.insert(origin.end(), content.size(), replaced);
    }
    text.append(text_, pos, std::string::npos);
    origin.insert(origin.end(), origin_.begin() + pos, origin_.end());
    text_ = std::move(text);
    origin_ = std::move(origin);
}

NormalizedText NormalizedText::slice(size_t begin, size_t end) const {
    NormalizedText out;
    out.text_ = text_.substr(begin, end - begin);
    out.origin_.assign(origin_.begin() + begin, origin_.begin() + end);
    out.offset_ = begin < origin_.size() ? origin_[begin].first : offset_;
    return out;
}

std::vector<NormalizedText> NormalizedText::splitBefore(std::string_view delimiter) const {
    std::vector<NormalizedText> parts;
    size_t start = 0;
    for (size_t hit = text_.find(delimiter, delimiter.size() > 0 ? 1 : 0);
         !delimiter.empty() && hit != std::string::npos;
         hit = text_.find(delimiter, hit + delimiter.size())) {
        if (hit > start)
            parts.push_back(slice(start, hit));
        start = hit;
    }
    if (start < text_.size())
        parts.push_back(slice(start, text_.size()));
    return parts;
}

} // namespace unike::text
