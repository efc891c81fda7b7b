#pragma once
// A SentencePiece model file (tokenizer.model, a ModelProto in protobuf's wire format): its
// pieces and the few settings that decide whether transformers would tokenize it as LLaMA,
// read without protobuf or libsentencepiece. Neither may be linked into the engine: Debian's
// libsentencepiece.so.0 exports its own copy of protobuf-lite, and a process that also loads
// LibTorch's libprotobuf.so.32 crashes at start-up (libprotobuf's static initialisers bind to
// sentencepiece's copies); libsentencepiece is the tests' oracle only.

#include <string>
#include <string_view>
#include <vector>

namespace unike::text {

struct SentencePieceModelInfo {
    enum PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };
    struct Piece {
        std::string text;
        float score = 0; // BPE: minus the merge's order; 0 for special and byte pieces
        int type = Normal;
    };
    std::vector<Piece> pieces;
    int modelType = 1; // TrainerSpec.model_type: 1 unigram, 2 BPE, 3 word, 4 char
    bool byteFallback = false;
    bool treatWhitespaceAsSuffix = false;
    // NormalizerSpec, with protobuf's defaults
    std::string normalizerName;
    bool hasCharsMap = false; // a precompiled normalization (NFKC...)
    bool addDummyPrefix = true;
    bool removeExtraWhitespaces = true;
    bool escapeWhitespaces = true;
};

// Throws unike::Error(File) naming path when the bytes are not a SentencePiece model, or are
// one that libsentencepiece would refuse to load (an empty, repeated or malformed piece, no
// unknown piece, byte pieces that do not fit trainer_spec.byte_fallback).
SentencePieceModelInfo readSentencePieceModel(std::string_view model, const std::string& path);

// The same model with normalizer_spec.add_dummy_prefix = false, for sentencepiece to encode
// text that goes on from earlier text (the tests' oracle). The bytes must have been read by
// readSentencePieceModel.
std::string withoutDummyPrefix(std::string_view model);

} // namespace unike::text
