#pragma once
// A LLaMA-style tokenizer (BPE with byte fallback and the Metaspace pre-tokenizer, as
// llava-hf ships) made from a byte-level BPE trained here: the demo LLaVA's tokenizer. The
// world's text is ASCII, and GPT-2's pre-tokenizer never merges across a word's leading
// space, so the same merges with "Ġ" read as "▁" split every prompt into the same pieces.

#include "text/BpeTokenizer.h"

#include <string>
#include <vector>

namespace unike::text {

// Writes tokenizer.json, tokenizer_config.json and special_tokens_map.json into `dir`
// (created if needed), in the files' own format, so that LlamaTokenizer::fromDirectory reads
// them as it reads any LLaMA folder. Ids: <unk> 0, <s> 1, </s> 2, the 256 byte tokens
// <0x00>..<0xFF>, the trained pieces that are whole UTF-8 (their merges with them), then
// `extraTokens` as special added tokens (LLaVA's "<image>" and "<pad>"). A merge whose parts
// are not whole UTF-8 is left out: byte fallback spells such text. Throws Error(File) when
// the files cannot be written, (InvalidInput) for an extra token that is already a piece.
void writeLlamaTokenizerFromByteLevel(const BpeTokenizer& trained,
                                      const std::vector<std::string>& extraTokens,
                                      const std::string& dir, const std::string& padToken = "");

} // namespace unike::text
