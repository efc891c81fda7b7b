// GPT-2's older layout: vocab.json and merges.txt, then encode and decode. The input is
// vocab.json, "\n@@\n", merges.txt, "\n@@\n", the text.
#include "FuzzSupport.h"
#include "text/TextTokenizer.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto parts = unike::fuzz::splitInput(data, size, 3);
    const auto folder = unike::fuzz::scratchFolder() / "bpe-files";
    std::filesystem::create_directories(folder);
    unike::fuzz::writeScratch("bpe-files/vocab.json", parts[0]);
    unike::fuzz::writeScratch("bpe-files/merges.txt", parts[1]);
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto tokenizer = unike::text::loadTokenizer(folder.string());
        const std::vector<int> ids = tokenizer->encode(std::string(parts[2]), true);
        (void)tokenizer->decode(ids, false);
    });
    return 0;
}
