#pragma once
// LLaMA's tokenizer from a tokenizer.json (Hugging Face tokenizers' format) or a
// tokenizer.model (SentencePiece), giving the ids transformers' LlamaTokenizerFast gives:
// added tokens split out first, then the legacy normalizer (Prepend "▁", Replace " " by "▁")
// or the Metaspace pre-tokenizer, then BPE with byte fallback over characters;
// TemplateProcessing or add_bos/add_eos for BOS and EOS. No torch here, and no
// libsentencepiece: see SentencePieceModelProto.h.

#include "text/AddedVocabulary.h"
#include "text/ByteFallbackBpe.h"
#include "text/LlamaNormalizer.h"
#include "text/LlamaTokenDecoder.h"
#include "text/MetaspacePreTokenizer.h"
#include "text/PromptAnswerSplit.h"
#include "text/TextTokenizer.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace unike::text {

// Everything a LlamaTokenizer is besides its vocabulary and merges. The defaults are LLaMA's
// newer form (Metaspace "first").
struct LlamaTokenizerConfig {
    ByteFallbackBpeOptions bpe{"<unk>", true, true, false};
    LlamaNormalizer normalizer;
    std::optional<MetaspacePreTokenizer> preTokenizer =
        MetaspacePreTokenizer("\xE2\x96\x81", MetaspacePreTokenizer::Prepend::First, false);
    LlamaTokenDecoder decoder = LlamaTokenDecoder::llama();
    std::vector<AddedToken> addedTokens;
    // Names of the special tokens; "" for none. Each one found in the vocabulary is also
    // matched in the text as a special added token, as transformers does.
    std::string bosToken = "<s>", eosToken = "</s>", unkToken = "<unk>", padToken;
    std::vector<std::string> extraSpecialTokens;
    // What encode(..., addSpecialTokens = true) puts around the ids.
    std::vector<std::string> prefixTokens = {"<s>"};
    std::vector<std::string> suffixTokens;
    bool cleanUpSpaces = false; // transformers' clean_up_tokenization_spaces on decode

    // The normalizer, pre-tokenizer and decoder that transformers' LlamaConverter writes for
    // tokenizer_config.json's legacy and add_prefix_space: legacy, Prepend "▁" (when
    // addPrefixSpace) and Replace " "; else Metaspace "first" (or "never") without a
    // normalizer. The decoder strips the one leading space only when a "▁" was prepended.
    void useLlamaConverter(bool legacy, bool addPrefixSpace);
};

class LlamaTokenizer : public TextTokenizer {
public:
    // Throws unike::Error(InvalidInput) when the parts do not fit (see ByteFallbackBpe), or
    // when a prefix or suffix token is in neither the vocabulary nor the added tokens.
    LlamaTokenizer(std::unordered_map<std::string, int> vocab, const std::vector<Merge>& merges,
                   LlamaTokenizerConfig config);

    // tokenizer.json with tokenizer_config.json and special_tokens_map.json beside it. Throws
    // unike::Error(File) naming the file and field, or (Unsupported) naming the component
    // that this class cannot reproduce exactly.
    // A folder without tokenizer.json but with tokenizer.model gets fromTokenizerModel.
    static LlamaTokenizer fromDirectory(const std::string& dir);
    static LlamaTokenizer fromTokenizerJson(const std::string& path);
    // The same, for a tokenizer.json already parsed from path.
    static LlamaTokenizer fromTokenizerJson(const nlohmann::json& tokenizer,
                                            const std::string& path);
    // tokenizer.model (Vicuna v0, MiniGPT-4) with the same config files beside it (and
    // added_tokens.json), as LlamaTokenizerFast converts it: the BPE of SentencePieceConverter.h
    // with byte fallback, control pieces as special added tokens and user-defined ones as plain
    // added tokens, useLlamaConverter(legacy, add_prefix_space), BOS (and EOS) from
    // add_bos_token and add_eos_token. Throws unike::Error(File) for a missing, truncated or
    // corrupt file, (Unsupported) naming the setting for a model that transformers would not
    // tokenize as sentencepiece does (a unigram model, a normalization rule, collapsed spaces).
    static LlamaTokenizer fromTokenizerModel(const std::string& path);

    std::string kind() const override { return "SentencePiece BPE"; }
    std::vector<int> encode(std::string_view text, bool addSpecialTokens = true) const override;
    // As Hugging Face's decode: ids outside the vocabulary stand for no text, byte tokens
    // that do not form UTF-8 give one U+FFFD each, one leading space is stripped (Strip).
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false) const override;
    std::string decodeBytes(const std::vector<int>& ids,
                            bool skipSpecialTokens = false) const override;
    // The tokens of prompt + " " + answer, split where the answer's first token starts (see
    // splitPromptAndAnswer): the answer usually starts with "▁word". An empty prompt gives
    // the answer as it follows some prompt ("▁blue"), after the prefix tokens when asked.
    PromptAndAnswer encodePromptAndAnswer(std::string_view prompt, std::string_view answer,
                                          bool addSpecialTokens = true) const override;

    // One token as it reads inside a text ("▁world" is " world"); malformed bytes are U+FFFD.
    std::string tokenDisplay(int id) const override;
    std::string idToToken(int id) const override;
    int tokenToId(std::string_view token) const override;

    int bosId() const override { return bosId_; }
    int eosId() const override { return eosId_; }
    int padId() const override { return padId_; }
    int unkId() const override { return unkId_; }
    size_t vocabSize() const override;
    bool isSpecial(int id) const override;

    const std::vector<int>& prefixIds() const { return prefixIds_; }
    const std::vector<int>& suffixIds() const { return suffixIds_; }
    const LlamaTokenizerConfig& config() const { return config_; }

private:
    int resolve(const std::string& token) const;
    // continuesText: the text goes on from an earlier ordinary text, so nothing is prepended
    // to its first piece.
    SpannedIds encodeText(std::string_view text, bool continuesText) const;
    void encodeSegment(const NormalizedText& segment, bool prependAllowed, SpannedIds& out) const;
    std::vector<std::string> tokensOf(const std::vector<int>& ids, bool skipSpecialTokens) const;

    LlamaTokenizerConfig config_;
    ByteFallbackBpe model_;
    AddedVocabulary added_;           // every added token, for lookups
    AddedVocabulary beforeNormalize_; // normalized = false: matched in the raw text
    AddedVocabulary afterNormalize_;  // normalized = true: their normalized content, matched
                                      // in the normalized text
    std::vector<int> prefixIds_, suffixIds_;
    int bosId_ = -1, eosId_ = -1, padId_ = -1, unkId_ = -1;
};

} // namespace unike::text
