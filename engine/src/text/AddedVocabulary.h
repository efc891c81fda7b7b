#pragma once
// Tokens matched in the raw text before pre-tokenization (special tokens such as </s>, and
// tokens added after training), as tokenizers' AddedVocabulary does it.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace unike::text {

struct AddedToken {
    std::string content;
    int id = -1;
    bool special = false;    // skipped by decode(..., skipSpecialTokens = true)
    bool singleWord = false; // match only where no word character touches it
    bool lstrip = false;     // swallow the white space before it
    bool rstrip = false;     // swallow the white space after it
    bool normalized = false; // matched after normalization (there is none; only the order)
};

class AddedVocabulary {
public:
    // Adds a token, or replaces the one with the same content. Throws unike::Error
    // (InvalidInput) for empty content, a negative id, or an id held by another token.
    void add(const AddedToken& token);

    struct Segment {
        std::string_view text; // a span of the input
        int id;                // the added token it matched, or -1 for ordinary text
    };
    // Splits text on the added tokens: leftmost, longest match first; tokens not normalized
    // first, then the normalized ones in what is left (tokenizers' two passes).
    std::vector<Segment> split(std::string_view text) const;

    const AddedToken* byId(int id) const;
    const AddedToken* byContent(std::string_view content) const;
    const std::vector<AddedToken>& tokens() const { return tokens_; }
    bool empty() const { return tokens_.empty(); }

private:
    void splitPass(std::string_view text, bool normalized, std::vector<Segment>& out) const;

    std::vector<AddedToken> tokens_;
    std::unordered_map<int, size_t> byId_;
    std::unordered_map<std::string, size_t> byContent_;
    // Per pass, indices into tokens_ by first byte, longest content first.
    std::vector<size_t> byFirstByte_[2][256];
};

} // namespace unike::text
