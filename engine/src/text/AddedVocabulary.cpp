#include "text/AddedVocabulary.h"

#include "text/UnicodeProperties.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <algorithm>

namespace unike::text {
namespace {

// The code point that ends text[0, end), which is valid UTF-8.
char32_t lastCodePoint(std::string_view text, size_t end) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    return decodeUtf8(text, start);
}

// Rust's char::is_whitespace, which tokenizers' lstrip and rstrip use, is White_Space.
size_t whiteSpaceBefore(std::string_view text, size_t end, size_t floor) {
    size_t start = end;
    while (start > floor) {
        size_t prev = start - 1;
        while (prev > floor && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80)
            --prev;
        size_t pos = prev;
        if (!isWhiteSpace(decodeUtf8(text, pos)))
            break;
        start = prev;
    }
    return start;
}

size_t whiteSpaceAfter(std::string_view text, size_t start) {
    size_t end = start;
    while (end < text.size()) {
        size_t pos = end;
        if (!isWhiteSpace(decodeUtf8(text, pos)))
            break;
        end = pos;
    }
    return end;
}

} // namespace

void AddedVocabulary::add(const AddedToken& token) {
    if (token.content.empty())
        throw Error(ErrorKind::InvalidInput, "an added token has empty content");
    // Valid content can only match on code point boundaries of valid text.
    if (findInvalidUtf8(token.content) != std::string_view::npos)
        throw Error(ErrorKind::InvalidInput,
                    "added token " + std::to_string(token.id) + " is not valid UTF-8");
    if (token.id < 0)
        throw Error(ErrorKind::InvalidInput, "added token '" + token.content + "' has no valid id");
    const auto held = byId_.find(token.id);
    if (held != byId_.end() && tokens_[held->second].content != token.content)
        throw Error(ErrorKind::InvalidInput,
                    "id " + std::to_string(token.id) + " is given to both added tokens '" +
                        tokens_[held->second].content + "' and '" + token.content + "'");
    const auto same = byContent_.find(token.content);
    if (same != byContent_.end()) {
        byId_.erase(tokens_[same->second].id);
        tokens_[same->second] = token;
    } else {
        byContent_[token.content] = tokens_.size();
        tokens_.push_back(token);
    }
    byId_[token.id] = byContent_[token.content];
    for (auto& pass : byFirstByte_)
        for (auto& list : pass)
            list.clear();
    for (size_t i = 0; i < tokens_.size(); ++i) {
        const auto first = static_cast<unsigned char>(tokens_[i].content[0]);
        byFirstByte_[tokens_[i].normalized ? 1 : 0][first].push_back(i);
    }
    for (auto& pass : byFirstByte_)
        for (auto& list : pass)
            std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
                return tokens_[a].content.size() > tokens_[b].content.size();
            });
}

const AddedToken* AddedVocabulary::byId(int id) const {
    const auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &tokens_[it->second];
}

const AddedToken* AddedVocabulary::byContent(std::string_view content) const {
    const auto it = byContent_.find(std::string(content));
    return it == byContent_.end() ? nullptr : &tokens_[it->second];
}

std::vector<AddedVocabulary::Segment> AddedVocabulary::split(std::string_view text) const {
    std::vector<Segment> first;
    splitPass(text, false, first);
    std::vector<Segment> out;
    for (const Segment& s : first) {
        if (s.id >= 0)
            out.push_back(s);
        else
            splitPass(s.text, true, out);
    }
    return out;
}

void AddedVocabulary::splitPass(std::string_view text, bool normalized,
                                std::vector<Segment>& out) const {
    const auto& index = byFirstByte_[normalized ? 1 : 0];
    size_t done = 0; // end of the last segment pushed
    size_t pos = 0;
    while (pos < text.size()) {
        const AddedToken* match = nullptr;
        for (size_t i : index[static_cast<unsigned char>(text[pos])]) {
            if (text.compare(pos, tokens_[i].content.size(), tokens_[i].content) == 0) {
                match = &tokens_[i];
                break;
            }
        }
        if (!match) {
            ++pos;
            continue;
        }
        size_t start = pos, stop = pos + match->content.size();
        if (match->singleWord) {
            const bool wordBefore = start > 0 && isWordChar(lastCodePoint(text, start));
            size_t next = stop;
            const bool wordAfter = stop < text.size() && isWordChar(decodeUtf8(text, next));
            if (wordBefore || wordAfter) {
                pos = stop;
                continue;
            }
        }
        if (match->lstrip)
            start = whiteSpaceBefore(text, start, done);
        if (match->rstrip)
            stop = whiteSpaceAfter(text, stop);
        if (start > done)
            out.push_back({text.substr(done, start - done), -1});
        out.push_back({text.substr(start, stop - start), match->id});
        done = pos = stop;
    }
    if (done < text.size())
        out.push_back({text.substr(done), -1});
}

} // namespace unike::text
