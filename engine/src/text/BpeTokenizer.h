#pragma once
// GPT-2's byte-level BPE tokenizer with OPT's special tokens, giving the ids Hugging Face's
// tokenizers gives for the same files. No torch here: ids are plain ints.

#include "text/AddedVocabulary.h"
#include "text/BpeModel.h"
#include "text/TextTokenizer.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace unike::text {

// Everything a tokenizer is besides its vocabulary and merges. The defaults are OPT's.
struct TokenizerConfig {
    std::vector<AddedToken> addedTokens;
    // Names of the special tokens; "" for none. Each one found in the vocabulary is also
    // matched in the text as a special added token, as transformers does.
    std::string bosToken = "</s>";
    std::string eosToken = "</s>";
    std::string padToken = "<pad>";
    std::string unkToken = "<unk>";
    // What encode(..., addSpecialTokens = true) puts around the ids (OPT: BOS before).
    std::vector<std::string> prefixTokens = {"</s>"};
    std::vector<std::string> suffixTokens;
    bool addPrefixSpace = false; // ByteLevel's add_prefix_space (OPT: false)
    bool useRegex = true;        // ByteLevel's use_regex: split with GPT-2's regex
    bool ignoreMerges = false;   // BPE's ignore_merges: a word in the vocabulary stays whole
    std::string modelUnkToken;   // BPE's unk_token: stands for a byte that has no symbol
};

class BpeTokenizer : public TextTokenizer {
public:
    // Throws unike::Error(InvalidInput) when the parts do not fit (see BpeModel), or when a
    // prefix or suffix token is in neither the vocabulary nor the added tokens.
    BpeTokenizer(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges,
                 TokenizerConfig config = {});

    // tokenizer.json when the folder has one, else vocab.json + merges.txt; both read
    // tokenizer_config.json and special_tokens_map.json beside them for the special tokens.
    // Throws unike::Error(File) naming the file and the problem, or (Unsupported) for a
    // tokenizer.json this class cannot reproduce (a normalizer, another model type...).
    static BpeTokenizer fromDirectory(const std::string& dir);
    static BpeTokenizer fromTokenizerJson(const std::string& path);
    static BpeTokenizer fromVocabAndMerges(const std::string& vocabPath,
                                           const std::string& mergesPath);

    // Throws unike::Error(InvalidInput) when text is not valid UTF-8.
    std::string kind() const override { return "byte-level BPE"; }
    std::vector<int> encode(std::string_view text, bool addSpecialTokens = true) const override;
    // Valid UTF-8: a byte sequence that the ids leave malformed becomes U+FFFD, as in Hugging
    // Face's decode. An id outside the vocabulary stands for no text, as in tokenizers: real
    // models pad their embedding past the tokenizer (OPT: 50272 rows for 50265 ids).
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false) const override;
    // The raw bytes, possibly malformed UTF-8 (for streaming: decode once a sequence is whole).
    std::string decodeBytes(const std::vector<int>& ids,
                            bool skipSpecialTokens = false) const override;
    // GPT-2 style: the space belongs to the answer's first token (" blue" is "Ġblue").
    PromptAndAnswer encodePromptAndAnswer(std::string_view prompt, std::string_view answer,
                                          bool addSpecialTokens = true) const override;

    // The bytes one token stands for (" world"); may be part of a UTF-8 sequence.
    std::string tokenString(int id) const;
    // tokenString made safe to show: malformed bytes become U+FFFD.
    std::string tokenDisplay(int id) const override;
    // The vocabulary entry ("Ġworld", or an added token's content); empty for an unknown id.
    std::string idToToken(int id) const override;
    int tokenToId(std::string_view token) const override; // -1 when absent

    int bosId() const override { return bosId_; } // -1 when the tokenizer has none
    int eosId() const override { return eosId_; }
    int padId() const override { return padId_; }
    int unkId() const override { return unkId_; }
    const std::vector<int>& prefixIds() const { return prefixIds_; }
    const std::vector<int>& suffixIds() const { return suffixIds_; }
    size_t vocabSize() const override; // largest id + 1, added tokens included
    bool isSpecial(int id) const override;

    const TokenizerConfig& config() const { return config_; }
    const BpeModel& model() const { return model_; }
    const AddedVocabulary& addedVocabulary() const { return added_; }

    // A tokenizer.json that Hugging Face's tokenizers loads to the same ids: BPE model,
    // ByteLevel pre-tokenizer and decoder, TemplateProcessing for the prefix and suffix.
    std::string toTokenizerJson() const;
    // Writes tokenizer.json, vocab.json, merges.txt, tokenizer_config.json and
    // special_tokens_map.json into dir (created if needed). Throws unike::Error(File).
    void save(const std::string& dir) const;

private:
    int resolve(const std::string& token) const;
    void encodeText(std::string_view text, std::vector<int>& out) const;

    TokenizerConfig config_;
    BpeModel model_;
    AddedVocabulary added_;
    std::vector<int> prefixIds_, suffixIds_;
    int bosId_ = -1, eosId_ = -1, padId_ = -1, unkId_ = -1;
};

} // namespace unike::text
