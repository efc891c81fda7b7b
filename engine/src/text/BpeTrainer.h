#pragma once
// Trains a small byte-level BPE vocabulary, as tokenizers' BpeTrainer does with a ByteLevel
// pre-tokenizer: for the demo model's tokenizer, built from its synthetic world's sentences.

#include "text/BpeTokenizer.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace unike::text {

struct BpeTrainerOptions {
    size_t vocabSize = 1000;  // the special tokens, the 256 bytes and the merges
    int64_t minFrequency = 2; // a pair seen fewer times is never merged
};

class BpeTrainer {
public:
    // Throws unike::Error(InvalidInput) when vocabSize cannot hold the 4 special tokens and the
    // 256 bytes, or minFrequency is below 1.
    explicit BpeTrainer(BpeTrainerOptions options = {});

    // Counts the words of a text (GPT-2's pre-tokenizer). Throws on invalid UTF-8.
    void feed(std::string_view text);
    void feed(const std::vector<std::string>& texts);

    // The tokenizer: <s> 0, <pad> 1, </s> 2, <unk> 3, then byte b at id 4 + b, then one id per
    // merge, most frequent pair first (ties: the smaller pair of ids). Deterministic: the same
    // texts give the same tokenizer, whatever order they were fed in.
    BpeTokenizer train() const;

    static constexpr int kFirstByteId = 4;

private:
    BpeTrainerOptions options_;
    std::map<std::string, int64_t> wordCounts_; // ordered, so training never depends on hashing
};

} // namespace unike::text
