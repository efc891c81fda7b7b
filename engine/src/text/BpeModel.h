#pragma once
// The byte-level BPE model: a vocabulary of symbol strings (ByteLevel's alphabet) and ranked
// merges, applied to one pre-tokenized word at a time, as tokenizers' BPE model does.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace unike::text {

using Merge = std::pair<std::string, std::string>;

class BpeModel {
public:
    // Throws unike::Error(InvalidInput) when the vocabulary and merges do not fit together: a
    // negative or repeated id, a merge whose parts or result are not in the vocabulary, or a
    // byte with no symbol while there is no unknown token to stand for it. unkId may be -1.
    // ignoreMerges: a word that is itself in the vocabulary is taken whole (tokenizers' option).
    BpeModel(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges, int unkId,
             bool ignoreMerges = false);

    // Appends the ids of one pre-tokenized word, given as raw bytes. Thread-safe.
    void encodeWord(std::string_view bytes, std::vector<int>& out) const;

    int tokenToId(std::string_view piece) const; // -1 when absent
    // The symbol string of an id ("Ġworld"); empty when the id has no token.
    const std::string& idToToken(int id) const;
    size_t idCount() const { return idToToken_.size(); } // largest id + 1
    int unkId() const { return unkId_; }
    bool ignoreMerges() const { return ignoreMerges_; }
    const std::unordered_map<std::string, int>& vocab() const { return vocab_; }
    const std::vector<Merge>& merges() const { return merges_; }

private:
    struct MergeRule {
        int rank;
        int result;
    };
    struct WordCache;

    static uint64_t pairKey(int left, int right) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) |
               static_cast<uint32_t>(right);
    }
    void mergeSymbols(std::vector<int>& ids) const;

    std::unordered_map<std::string, int> vocab_;
    std::vector<std::string> idToToken_;
    std::vector<Merge> merges_;
    std::unordered_map<uint64_t, MergeRule> rules_;
    int byteIds_[256];
    int unkId_;
    bool ignoreMerges_;
    std::shared_ptr<WordCache> cache_; // shared by copies: the model never changes
};

} // namespace unike::text
