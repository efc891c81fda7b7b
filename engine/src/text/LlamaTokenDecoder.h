#pragma once
// tokenizers' decoders as LLaMA's tokenizer.json chains them: Replace("▁", " "), ByteFallback
// (<0xNN> tokens back to bytes), Fuse, Strip(" ", 1 from the start); also the Metaspace
// decoder of other SentencePiece conversions. Decoding follows tokenizers step by step, so
// the text is the one Hugging Face's decode gives.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace unike::text {

class LlamaTokenDecoder {
public:
    // The tokenizer.json "decoder" value (null: tokens joined by spaces, as tokenizers does).
    // Throws unike::Error(Unsupported) naming path and the decoder for any other kind,
    // (File) for a malformed one.
    static LlamaTokenDecoder fromJson(const nlohmann::json& decoder, const std::string& path);
    // What transformers' LlamaConverter writes (Strip only with add_prefix_space).
    static LlamaTokenDecoder llama(bool addPrefixSpace = true);

    // rawBytes false: a run of byte tokens that is not UTF-8 gives one U+FFFD per token, as
    // tokenizers' ByteFallback does. rawBytes true: the bytes themselves, for streaming.
    std::string decode(std::vector<std::string> tokens, bool rawBytes) const;
    // One token as it reads inside a text: every step but Fuse and Strip, with raw bytes
    // ("▁world" gives " world", "<0x0A>" a newline, "<0xE4>" the byte 0xE4).
    std::string decodeToken(const std::string& token) const;

private:
    enum class Kind { Replace, ByteFallback, Fuse, Strip, Metaspace };
    struct Step {
        Kind kind;
        std::string pattern{}, content{}; // Replace; Strip and Metaspace use content / pattern
        size_t start = 0, stop = 0;       // Strip
        bool stripFirst = true;           // Metaspace: the first token loses its "▁"
    };
    void read(const nlohmann::json& decoder, const std::string& path);
    void run(const Step& step, std::vector<std::string>& tokens, bool rawBytes) const;

    std::vector<Step> steps_;
    bool joinWithSpaces_ = false; // no decoder at all
};

} // namespace unike::text
