#pragma once
// Builds a complete Hugging Face-format model folder with random weights for
// tests: config.json, model.safetensors, tokenizer files and
// preprocessor_config.json, exactly what a real checkpoint ships.

#include <string>

namespace unike::test {

// Writes the folder and returns its vocabulary size. Also writes a 40x30 PNG
// to imagePath when it is not empty.
int writeTinyModelFolder(const std::string& folder, const std::string& imagePath = {});

// A tiny random LLaVA-1.5 (CLIP + LLaMA with grouped-query attention) in llava-hf's format:
// the LLaMA-style tokenizer.json of tests/text/fixtures/llama (with <image>), a CLIP
// preprocessor_config.json, and, when imagePath is given, the same test image.
void writeTinyLlavaFolder(const std::string& folder, const std::string& imagePath = "");

} // namespace unike::test
