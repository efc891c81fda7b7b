#pragma once
// libsentencepiece as the tests' oracle for tokenizer.model: what transformers gives for a
// LLaMA folder, worked out with sentencepiece's own encoder, to check the engine's pure C++
// reading of the model (LlamaTokenizer::fromTokenizerModel) against.
//
// Only the tests link libsentencepiece, and only test binaries without torch: Debian's
// libsentencepiece.so.0 bundles and exports its own protobuf-lite, and a process that loads it
// together with LibTorch's libprotobuf.so.32 segfaults at start-up (measured: every engine
// binary did), because libprotobuf's static initialisers bind to sentencepiece's copies.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

class SentencePieceOracle {
public:
    // Where transformers' converted tokenizer puts a "▁" in front of a piece of text between
    // added tokens (make_llama_tokenizer_fixture.py explains each).
    enum class Prefix {
        Legacy, // legacy: every piece (sentencepiece's own dummy prefix)
        First,  // legacy false: the piece at offset 0 unless it starts with a space or "▁"
        Never,  // add_prefix_space false
    };

    // The model's bytes; added: the added tokens split out of the text first.
    SentencePieceOracle(const std::string& model, std::map<std::string, int> added);
    ~SentencePieceOracle();

    // Whether libsentencepiece loads these bytes at all.
    static bool accepts(const std::string& model);

    std::vector<int> encode(std::string_view text, Prefix prefix) const;

private:
    std::unique_ptr<sentencepiece::SentencePieceProcessor> model_;
    std::unique_ptr<sentencepiece::SentencePieceProcessor> continuation_; // no dummy prefix
    std::map<std::string, int> added_;
};
