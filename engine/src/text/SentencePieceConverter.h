#pragma once
// The BPE model that transformers' LlamaConverter makes of a SentencePiece BPE model
// (tokenizer.model) when LlamaTokenizerFast loads a folder without tokenizer.json: the
// vocabulary is the pieces by id, and the merges are generated from the vocabulary.

#include "text/BpeModel.h"
#include "text/SentencePieceModelProto.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace unike::text {

// Each piece with its id (the pieces must be distinct, as readSentencePieceModel checks).
std::unordered_map<std::string, int> sentencePieceVocab(const SentencePieceModelInfo& model);

// transformers' SentencePieceExtractor.extract(vocab_scores) (4.3x-4.4x): for each piece, in id
// order, every split at a character boundary into two pieces that are in the vocabulary,
// ordered by the two parts' ids; then all of them by their piece's score, best first, equal
// scores keeping that order (Python's sort is stable). LlamaConverter scores the first three
// pieces (<unk>, <s>, </s>) 0. This is the order tests/text/make_llama_tokenizer_fixture.py
// writes into the fixture's tokenizer.json files.
std::vector<Merge> sentencePieceMerges(const SentencePieceModelInfo& model);

} // namespace unike::text
