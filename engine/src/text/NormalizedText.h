#pragma once
// A piece of the input after normalization, remembering which input bytes each of its bytes
// came from (tokenizers' alignments). Tokens carry that span back, which is how a prompt and
// its answer are told apart inside one tokenization.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unike::text {

using Span = std::pair<size_t, size_t>; // [begin, end) in the input, in bytes

class NormalizedText {
public:
    NormalizedText() = default;
    // `text` unchanged, found `offset` bytes into the input.
    NormalizedText(std::string_view text, size_t offset);

    const std::string& text() const { return text_; }
    bool empty() const { return text_.empty(); }
    // Where this piece starts in the input (tokenizers' offsets_original().0).
    size_t inputOffset() const { return origin_.empty() ? offset_ : origin_.front().first; }
    // The input bytes behind text()[begin, end), which must not be empty.
    Span inputSpan(size_t begin, size_t end) const;

    // Inserted bytes stand for the first character, as in tokenizers.
    void prepend(std::string_view prefix);
    // Every non-overlapping occurrence, left to right; the new bytes stand for what they replace.
    void replaceAll(std::string_view pattern, std::string_view content);
    NormalizedText slice(size_t begin, size_t end) const;
    // Cut before every occurrence of delimiter, which starts the next part (tokenizers'
    // MergedWithNext); empty parts are dropped.
    std::vector<NormalizedText> splitBefore(std::string_view delimiter) const;

private:
    std::string text_;
    std::vector<Span> origin_; // one per byte of text_
    size_t offset_ = 0;
};

} // namespace unike::text
