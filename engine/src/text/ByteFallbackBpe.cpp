#include "text/ByteFallbackBpe.h"

#include "text/Utf8.h"

#include <unike/Error.h>

#include <queue>

#include <algorithm>
#include <cstdio>

namespace unike::text {

ByteFallbackBpe::ByteFallbackBpe(std::unordered_map<std::string, int> vocab,
                                 const std::vector<Merge>& merges, ByteFallbackBpeOptions options)
    : vocab_(std::move(vocab))
    , options_(std::move(options)) {
    int maxId = -1;
    for (const auto& [token, id] : vocab_) {
        if (id < 0)
            throw Error(ErrorKind::InvalidInput,
                        "token '" + token + "' has a negative id " + std::to_string(id));
        maxId = std::max(maxId, id);
    }
    idToToken_.resize(static_cast<size_t>(maxId + 1));
    std::vector<bool> taken(idToToken_.size(), false);
    for (const auto& [token, id] : vocab_) {
        if (taken[id])
            throw Error(ErrorKind::InvalidInput, "id " + std::to_string(id) +
                                                     " is given to both '" + idToToken_[id] +
                                                     "' and '" + token + "'");
        taken[id] = true;
        idToToken_[id] = token;
    }
    if (!options_.unkToken.empty()) {
        unkId_ = tokenToId(options_.unkToken);
        if (unkId_ < 0)
            throw Error(ErrorKind::InvalidInput,
                        "the unknown token '" + options_.unkToken + "' is not in the vocabulary");
    }
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b); // tokenizers' format!("<{:#04X}>")
        byteIds_[b] = tokenToId(name);
    }
    rules_.reserve(merges.size());
    for (size_t rank = 0; rank < merges.size(); ++rank) {
        const auto& [left, right] = merges[rank];
        const int a = tokenToId(left), b = tokenToId(right), result = tokenToId(left + right);
        const std::string which =
            "merge " + std::to_string(rank + 1) + " '" + left + " " + right + "'";
        if (a < 0 || b < 0)
            throw Error(ErrorKind::InvalidInput, which + " uses '" + (a < 0 ? left : right) +
                                                     "', which is not in the vocabulary");
        if (result < 0)
            throw Error(ErrorKind::InvalidInput,
                        which + " makes '" + left + right + "', which is not in the vocabulary");
        // A repeated pair keeps its last rank, as tokenizers' HashMap does.
        rules_[pairKey(a, b)] = MergeRule{static_cast<int>(rank), result};
    }
}

int ByteFallbackBpe::tokenToId(std::string_view token) const {
    const auto it = vocab_.find(std::string(token));
    return it == vocab_.end() ? -1 : it->second;
}

const std::string& ByteFallbackBpe::idToToken(int id) const {
    static const std::string none;
    return id >= 0 && id < static_cast<int>(idToToken_.size()) ? idToToken_[id] : none;
}

// tokenizers' BPE::merge_word: one symbol per character, with its quirks kept: a pending
// unknown token is written only when a known character follows (or at the end), so byte
// tokens of a later character can come before it.
void ByteFallbackBpe::encodeWord(std::string_view word, std::vector<Token>& out) const {
    if (word.empty())
        return;
    if (options_.ignoreMerges) {
        if (const int whole = tokenToId(word); whole >= 0) {
            out.push_back({whole, 0, word.size()});
            return;
        }
    }
    std::vector<Token> symbols;
    symbols.reserve(word.size());
    bool unknownPending = false;
    Token unknown{unkId_, 0, 0};
    for (size_t pos = 0; pos < word.size();) {
        const size_t begin = pos;
        decodeUtf8(word, pos);
        const std::string_view character = word.substr(begin, pos - begin);
        if (const int id = tokenToId(character); id >= 0) {
            if (unknownPending)
                symbols.push_back(unknown);
            unknownPending = false;
            symbols.push_back({id, begin, pos});
            continue;
        }
        if (options_.byteFallback && std::all_of(character.begin(), character.end(), [&](char c) {
                return byteIds_[static_cast<unsigned char>(c)] >= 0;
            })) {
            for (size_t i = begin; i < pos; ++i)
                symbols.push_back({byteIds_[static_cast<unsigned char>(word[i])], i, i + 1});
            continue;
        }
        if (unkId_ < 0)
            continue; // no unknown token: the character is dropped, as in tokenizers
        if (unknownPending && options_.fuseUnk) {
            unknown.end = pos;
            continue;
        }
        if (unknownPending)
            symbols.push_back(unknown);
        unknown = {unkId_, begin, pos};
        unknownPending = true;
    }
    if (unknownPending)
        symbols.push_back(unknown);
    mergeSymbols(symbols);
    out.insert(out.end(), symbols.begin(), symbols.end());
}

// The best-ranked merge first, leftmost among equals, until none applies (tokenizers'
// Word::merge_all). A heap with lazy deletion keeps a long word at O(n log n): LLaMA's legacy
// form has no pre-tokenizer, so a whole paragraph is one word.
void ByteFallbackBpe::mergeSymbols(std::vector<Token>& symbols) const {
    const int n = static_cast<int>(symbols.size());
    if (n < 2)
        return;
    std::vector<int> prev(n), next(n);
    std::vector<bool> alive(n, true);
    for (int i = 0; i < n; ++i) {
        prev[i] = i - 1;
        next[i] = i + 1 < n ? i + 1 : -1;
    }
    struct Candidate {
        int rank, pos, result;
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> queue;
    auto consider = [&](int pos) {
        if (pos < 0 || next[pos] < 0)
            return;
        const auto it = rules_.find(pairKey(symbols[pos].id, symbols[next[pos]].id));
        if (it != rules_.end())
            queue.push({it->second.rank, pos, it->second.result});
    };
    for (int i = 0; i + 1 < n; ++i)
        consider(i);
    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        if (!alive[top.pos] || next[top.pos] < 0)
            continue;
        const int right = next[top.pos];
        // Stale when either side has been merged since the candidate was queued.
        const auto it = rules_.find(pairKey(symbols[top.pos].id, symbols[right].id));
        if (it == rules_.end() || it->second.result != top.result)
            continue;
        symbols[top.pos].id = top.result;
        symbols[top.pos].end = symbols[right].end;
        alive[right] = false;
        next[top.pos] = next[right];
        if (next[right] >= 0)
            prev[next[right]] = top.pos;
        consider(prev[top.pos]);
        consider(top.pos);
    }
    size_t kept = 0;
    for (int i = 0; i >= 0; i = next[i])
        symbols[kept++] = symbols[i];
    symbols.resize(kept);
}

} // namespace unike::text
