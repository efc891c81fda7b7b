#pragma once
// The BPE model of a SentencePiece-style tokenizer.json (LLaMA): symbols are characters, a
// character outside the vocabulary becomes its <0xNN> byte tokens (byte_fallback) or the
// unknown token (consecutive ones fused with fuse_unk), then the best-ranked merge is applied
// over the whole word until none applies, as tokenizers' BPE model does.

#include "text/BpeModel.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace unike::text {

struct ByteFallbackBpeOptions {
    std::string unkToken; // "" for none: an unknown character then yields no token
    bool fuseUnk = false;
    bool byteFallback = false;
    bool ignoreMerges = false; // a word that is itself in the vocabulary is taken whole
};

class ByteFallbackBpe {
public:
    // Throws unike::Error(InvalidInput) when the parts do not fit: a negative or repeated id,
    // a merge whose parts or result are not in the vocabulary, an unknown token not in it.
    ByteFallbackBpe(std::unordered_map<std::string, int> vocab, const std::vector<Merge>& merges,
                    ByteFallbackBpeOptions options);

    struct Token {
        int id;
        size_t begin, end; // the bytes of the word it stands for
    };
    // Appends the tokens of one word (valid UTF-8). Thread-safe.
    void encodeWord(std::string_view word, std::vector<Token>& out) const;

    int tokenToId(std::string_view token) const; // -1 when absent
    // The vocabulary entry ("▁world", "<0x0A>"); empty for an id without one.
    const std::string& idToToken(int id) const;
    size_t idCount() const { return idToToken_.size(); } // largest id + 1
    int unkId() const { return unkId_; }

private:
    struct MergeRule {
        int rank;
        int result;
    };
    static uint64_t pairKey(int left, int right) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) |
               static_cast<uint32_t>(right);
    }
    void mergeSymbols(std::vector<Token>& symbols) const;

    std::unordered_map<std::string, int> vocab_;
    std::vector<std::string> idToToken_;
    std::unordered_map<uint64_t, MergeRule> rules_;
    int byteIds_[256];
    int unkId_ = -1;
    ByteFallbackBpeOptions options_;
};

} // namespace unike::text
