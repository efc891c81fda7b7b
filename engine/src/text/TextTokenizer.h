#pragma once
// What the engine needs of a model's tokenizer, whatever its algorithm: GPT-2's byte-level BPE
// (OPT, BLIP-2) or LLaMA's SentencePiece-style BPE (LLaVA, MiniGPT-4). No torch here.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace unike::text {

// A prompt and the answer that follows it, tokenized as the model reads "prompt answer".
struct PromptAndAnswer {
    std::vector<int> promptIds; // with the special tokens the tokenizer puts in front
    std::vector<int> answerIds; // the answer's own tokens (the labels of METHOD.md §9)
};

class TextTokenizer {
public:
    virtual ~TextTokenizer() = default;

    // A short name of the algorithm for messages and the status bar ("byte-level BPE").
    virtual std::string kind() const = 0;

    // Throws unike::Error(InvalidInput) when text is not valid UTF-8.
    virtual std::vector<int> encode(std::string_view text, bool addSpecialTokens = true) const = 0;
    // Valid UTF-8; malformed byte sequences become U+FFFD.
    virtual std::string decode(const std::vector<int>& ids,
                               bool skipSpecialTokens = false) const = 0;
    // The raw bytes, possibly malformed UTF-8 (for streaming).
    virtual std::string decodeBytes(const std::vector<int>& ids,
                                    bool skipSpecialTokens = false) const = 0;

    // `prompt` followed by one space and `answer`, split where the answer's tokens start.
    // Tokenizers disagree about that space (GPT-2 keeps it in the answer's first token,
    // SentencePiece marks a word start with "▁"), so no caller writes " " + answer itself.
    virtual PromptAndAnswer encodePromptAndAnswer(std::string_view prompt, std::string_view answer,
                                                  bool addSpecialTokens = true) const = 0;
    // The answer's tokens alone, as they follow a prompt.
    std::vector<int> encodeAnswer(std::string_view answer) const {
        return encodePromptAndAnswer("", answer, false).answerIds;
    }

    // One token as text, safe to show (malformed bytes become U+FFFD).
    virtual std::string tokenDisplay(int id) const = 0;
    // The vocabulary entry ("Ġworld", "▁world", or an added token); empty for an unknown id.
    virtual std::string idToToken(int id) const = 0;
    virtual int tokenToId(std::string_view token) const = 0; // -1 when absent

    virtual int bosId() const = 0; // -1 when the tokenizer has none
    virtual int eosId() const = 0;
    virtual int padId() const = 0;
    virtual int unkId() const = 0;
    virtual size_t vocabSize() const = 0; // largest id + 1, added tokens included
    virtual bool isSpecial(int id) const = 0;
};

// Reads a model folder's tokenizer, choosing the implementation from its files:
// tokenizer.json (byte-level BPE, or LLaMA-style BPE with byte fallback), vocab.json +
// merges.txt, or tokenizer.model (SentencePiece). Throws unike::Error(File) when the folder
// holds none, (Unsupported) naming what cannot be reproduced.
std::shared_ptr<const TextTokenizer> loadTokenizer(const std::string& folder);

} // namespace unike::text
