#pragma once
// What transformers' LLaMA tokenizer classes take from tokenizer_config.json and
// special_tokens_map.json: the special tokens' names, whether BOS and EOS are added, and the
// few flags that change encoding or decoding.

#include "text/AddedVocabulary.h"

#include <optional>
#include <string>
#include <vector>

namespace unike::text {

struct LlamaTokenizerSettings {
    // The special tokens' names as the files give them ("" for none, nullopt: not named).
    std::optional<std::string> bos, eos, unk, pad;
    std::vector<std::string> extraSpecial; // additional_special_tokens
    std::vector<AddedToken> added;         // added_tokens_decoder and added_tokens.json
    std::optional<bool> addBos, addEos;    // as the config says
    // LlamaTokenizer(Fast), CodeLlamaTokenizer(Fast), or no class named: these classes rebuild
    // the post-processor from add_bos_token (default true) and add_eos_token (default false).
    bool llamaClass = true;
    bool cleanUpSpaces = false; // clean_up_tokenization_spaces (LlamaTokenizerFast: false)
    // legacy and add_prefix_space make LlamaTokenizerFast convert tokenizer.model again
    // (from_slow) instead of reading tokenizer.json.
    bool legacy = true;
    std::optional<bool> addPrefixSpace;
    bool fromSlow = false;

    // Reads the files of dir that exist (none is required). withAddedTokens: also read
    // added_tokens_decoder and added_tokens.json (a tokenizer.json lists its own added tokens).
    // Throws unike::Error(File) for a file that is not JSON or a field of the wrong kind.
    static LlamaTokenizerSettings read(const std::string& dir, bool withAddedTokens);

    struct Specials {
        bool bos, eos;
    };
    // Whether encode(text, true) puts BOS before and EOS after the text, when the config
    // decides it; nullopt: the tokenizer.json's post-processor decides.
    std::optional<Specials> specialsAdded() const;
};

} // namespace unike::text
