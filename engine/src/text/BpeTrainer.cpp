#include "text/BpeTrainer.h"

#include "text/ByteLevel.h"
#include "text/PreTokenizer.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <queue>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace unike::text {
namespace {

const char* const kSpecialTokens[] = {"<s>", "<pad>", "</s>", "<unk>"};

uint64_t pairKey(int left, int right) {
    return (static_cast<uint64_t>(left) << 32) | static_cast<uint32_t>(right);
}

struct Candidate {
    int64_t count;
    uint64_t pair;
    // Max-heap order: the higher count first, then the smaller pair (as tokenizers does).
    bool operator<(const Candidate& o) const {
        return count != o.count ? count < o.count : pair > o.pair;
    }
};

} // namespace

BpeTrainer::BpeTrainer(BpeTrainerOptions options)
    : options_(options) {
    const size_t minimum = kFirstByteId + 256;
    if (options_.vocabSize < minimum)
        throw Error(ErrorKind::InvalidInput,
                    "a vocabulary of " + std::to_string(options_.vocabSize) +
                        " is too small: byte-level BPE needs at least " + std::to_string(minimum) +
                        " ids (4 special tokens and 256 bytes)");
    if (options_.minFrequency < 1)
        throw Error(ErrorKind::InvalidInput, "the minimum pair frequency must be at least 1");
}

void BpeTrainer::feed(std::string_view text) {
    if (findInvalidUtf8(text) != std::string_view::npos)
        throw Error(ErrorKind::InvalidInput, "a training text is not valid UTF-8");
    for (std::string_view word : preTokenize(text))
        ++wordCounts_[std::string(word)];
}

void BpeTrainer::feed(const std::vector<std::string>& texts) {
    for (const std::string& text : texts)
        feed(text);
}

BpeTokenizer BpeTrainer::train() const {
    std::vector<std::string> tokens(std::begin(kSpecialTokens), std::end(kSpecialTokens));
    for (int b = 0; b < 256; ++b)
        tokens.push_back(ByteLevel::symbol(static_cast<unsigned char>(b)));
    std::unordered_map<std::string, int> vocab;
    for (size_t id = 0; id < tokens.size(); ++id)
        vocab.emplace(tokens[id], static_cast<int>(id));

    std::vector<std::vector<int>> words;
    std::vector<int64_t> counts;
    for (const auto& [word, count] : wordCounts_) {
        std::vector<int> symbols;
        for (char c : word)
            symbols.push_back(kFirstByteId + static_cast<unsigned char>(c));
        words.push_back(std::move(symbols));
        counts.push_back(count);
    }

    // How often each adjacent pair occurs, and in which words, kept up to date as merges apply.
    std::unordered_map<uint64_t, int64_t> pairCounts;
    std::unordered_map<uint64_t, std::vector<int>> pairWords;
    auto countWord = [&](int w, int sign, std::unordered_set<uint64_t>* touched) {
        const std::vector<int>& s = words[w];
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            const uint64_t key = pairKey(s[i], s[i + 1]);
            pairCounts[key] += sign * counts[w];
            if (sign > 0) {
                auto& list = pairWords[key];
                if (list.empty() || list.back() != w)
                    list.push_back(w);
                if (touched)
                    touched->insert(key);
            }
        }
    };
    for (int w = 0; w < static_cast<int>(words.size()); ++w)
        countWord(w, +1, nullptr);
    std::priority_queue<Candidate> queue;
    for (const auto& [key, count] : pairCounts)
        queue.push({count, key});

    std::vector<Merge> merges;
    while (tokens.size() < options_.vocabSize && !queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        const int64_t current = pairCounts[top.pair];
        if (current != top.count) { // stale: the pair lost occurrences to earlier merges
            if (current > 0)
                queue.push({current, top.pair});
            continue;
        }
        if (current < options_.minFrequency)
            break;
        const int left = static_cast<int>(top.pair >> 32);
        const int right = static_cast<int>(top.pair & 0xFFFFFFFFu);
        const std::string merged = tokens[left] + tokens[right];
        // Two merge paths can make the same string ("ab"+"c", "a"+"bc"): it keeps one id.
        auto [it, added] = vocab.emplace(merged, static_cast<int>(tokens.size()));
        if (added)
            tokens.push_back(merged);
        const int mergedId = it->second;
        merges.emplace_back(tokens[left], tokens[right]);

        std::vector<int> where = std::move(pairWords[top.pair]);
        pairWords.erase(top.pair);
        std::sort(where.begin(), where.end());
        where.erase(std::unique(where.begin(), where.end()), where.end());
        std::unordered_set<uint64_t> touched;
        for (int w : where) {
            std::vector<int>& s = words[w];
            countWord(w, -1, nullptr);
            std::vector<int> next;
            next.reserve(s.size());
            for (size_t i = 0; i < s.size(); ++i) {
                if (i + 1 < s.size() && s[i] == left && s[i + 1] == right) {
                    next.push_back(mergedId);
                    ++i;
                } else {
                    next.push_back(s[i]);
                }
            }
            s = std::move(next);
            countWord(w, +1, &touched);
        }
        // Pop order depends only on (count, pair), never on the order of these pushes.
        for (uint64_t key : touched)
            if (pairCounts[key] > 0)
                queue.push({pairCounts[key], key});
    }

    TokenizerConfig config; // OPT's special tokens and BOS
    for (int id = 0; id < kFirstByteId; ++id)
        config.addedTokens.push_back(AddedToken{kSpecialTokens[id], id, true});
    return BpeTokenizer(std::move(vocab), std::move(merges), std::move(config));
}

} // namespace unike::text
