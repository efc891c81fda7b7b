#include "text/BpeModel.h"

#include "text/ByteLevel.h"

#include <unike/Error.h>

#include <queue>

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace unike::text {

// Words repeat a lot in text; tokenizers caches them too, with the same bound.
struct BpeModel::WordCache {
    static constexpr size_t kCapacity = 10000;
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<int>> words;
};

BpeModel::BpeModel(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges, int unkId,
                   bool ignoreMerges)
    : vocab_(std::move(vocab))
    , merges_(std::move(merges))
    , unkId_(unkId)
    , ignoreMerges_(ignoreMerges)
    , cache_(std::make_shared<WordCache>()) {
    int maxId = -1;
    for (const auto& [token, id] : vocab_) {
        if (id < 0)
            throw Error(ErrorKind::InvalidInput,
                        "token '" + token + "' has a negative id " + std::to_string(id));
        maxId = std::max(maxId, id);
    }
    idToToken_.resize(static_cast<size_t>(maxId + 1));
    for (const auto& [token, id] : vocab_) {
        if (!idToToken_[id].empty())
            throw Error(ErrorKind::InvalidInput, "id " + std::to_string(id) +
                                                     " is given to both '" + idToToken_[id] +
                                                     "' and '" + token + "'");
        idToToken_[id] = token;
    }
    if (unkId_ >= static_cast<int>(idToToken_.size()))
        throw Error(ErrorKind::InvalidInput,
                    "the unknown token id " + std::to_string(unkId_) + " is not in the vocabulary");
    for (int b = 0; b < 256; ++b) {
        byteIds_[b] = tokenToId(ByteLevel::symbol(static_cast<unsigned char>(b)));
        if (byteIds_[b] < 0 && unkId_ < 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", b);
            throw Error(ErrorKind::InvalidInput,
                        "the vocabulary has no symbol '" + ByteLevel::symbol(b) + "' for byte " +
                            hex + " and no unknown token; it is not a byte-level BPE vocabulary");
        }
    }
    rules_.reserve(merges_.size());
    for (size_t rank = 0; rank < merges_.size(); ++rank) {
        const auto& [left, right] = merges_[rank];
        const int a = tokenToId(left), b = tokenToId(right), result = tokenToId(left + right);
        const std::string which =
            "merge " + std::to_string(rank + 1) + " '" + left + " " + right + "'";
        if (a < 0 || b < 0)
            throw Error(ErrorKind::InvalidInput, which + " uses '" + (a < 0 ? left : right) +
                                                     "', which is not in the vocabulary");
        if (result < 0)
            throw Error(ErrorKind::InvalidInput,
                        which + " makes '" + left + right + "', which is not in the vocabulary");
        // A repeated pair keeps its last rank, as in GPT-2 (a dict) and tokenizers (a HashMap).
        rules_[pairKey(a, b)] = MergeRule{static_cast<int>(rank), result};
    }
}

int BpeModel::tokenToId(std::string_view piece) const {
    const auto it = vocab_.find(std::string(piece));
    return it == vocab_.end() ? -1 : it->second;
}

const std::string& BpeModel::idToToken(int id) const {
    static const std::string none;
    return id >= 0 && id < static_cast<int>(idToToken_.size()) ? idToToken_[id] : none;
}

void BpeModel::encodeWord(std::string_view bytes, std::vector<int>& out) const {
    std::string key(bytes);
    {
        std::lock_guard<std::mutex> lock(cache_->mutex);
        const auto it = cache_->words.find(key);
        if (it != cache_->words.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int> ids;
    const int whole = ignoreMerges_ ? tokenToId(ByteLevel::encode(bytes)) : -1;
    if (whole >= 0) {
        ids.push_back(whole);
    } else {
        ids.reserve(bytes.size());
        for (char c : bytes) {
            const int id = byteIds_[static_cast<unsigned char>(c)];
            ids.push_back(id >= 0 ? id : unkId_);
        }
        mergeSymbols(ids);
    }
    out.insert(out.end(), ids.begin(), ids.end());
    std::lock_guard<std::mutex> lock(cache_->mutex);
    if (cache_->words.size() < WordCache::kCapacity)
        cache_->words.emplace(std::move(key), std::move(ids));
}

// Applies the best-ranked merge first, leftmost among equals, until none applies: the order of
// GPT-2's bpe() and of tokenizers' Word::merge_all. A heap with lazy deletion keeps long words
// at O(n log n).
void BpeModel::mergeSymbols(std::vector<int>& ids) const {
    const int n = static_cast<int>(ids.size());
    if (n < 2)
        return;
    struct Symbol {
        int id, prev, next;
        bool alive;
    };
    std::vector<Symbol> symbols(n);
    for (int i = 0; i < n; ++i)
        symbols[i] = {ids[i], i - 1, i + 1 < n ? i + 1 : -1, true};

    struct Candidate {
        int rank, pos, result;
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> queue;
    auto consider = [&](int pos) {
        if (pos < 0 || symbols[pos].next < 0)
            return;
        const auto it = rules_.find(pairKey(symbols[pos].id, symbols[symbols[pos].next].id));
        if (it != rules_.end())
            queue.push({it->second.rank, pos, it->second.result});
    };
    for (int i = 0; i + 1 < n; ++i)
        consider(i);

    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol& left = symbols[top.pos];
        if (!left.alive || left.next < 0)
            continue;
        // Stale when either side has been merged since the candidate was queued.
        const auto it = rules_.find(pairKey(left.id, symbols[left.next].id));
        if (it == rules_.end() || it->second.rank != top.rank)
            continue;
        Symbol& right = symbols[left.next];
        right.alive = false;
        left.id = top.result;
        left.next = right.next;
        if (right.next >= 0)
            symbols[right.next].prev = top.pos;
        consider(left.prev);
        consider(top.pos);
    }
    ids.clear();
    for (int i = 0; i >= 0; i = symbols[i].next)
        ids.push_back(symbols[i].id);
}

} // namespace unike::text
