// tokenizer.json (byte-level BPE, or LLaMA-style BPE with byte fallback), optionally with a
// tokenizer_config.json, then encode and decode of text with the loaded tokenizer. The input
// is tokenizer.json, "\n@@\n", tokenizer_config.json, "\n@@\n", the text.
#include "FuzzSupport.h"
#include "text/TextTokenizer.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto parts = unike::fuzz::splitInput(data, size, 3);
    const auto folder = unike::fuzz::scratchFolder() / "tokenizer-json";
    std::filesystem::create_directories(folder);
    unike::fuzz::writeScratch("tokenizer-json/tokenizer.json", parts[0]);
    if (parts[1].empty())
        std::filesystem::remove(folder / "tokenizer_config.json");
    else
        unike::fuzz::writeScratch("tokenizer-json/tokenizer_config.json", parts[1]);
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto tokenizer = unike::text::loadTokenizer(folder.string());
        const std::string text(parts[2]);
        for (bool special : {false, true}) {
            const std::vector<int> ids = tokenizer->encode(text, special);
            (void)tokenizer->decode(ids, !special);
        }
    });
    return 0;
}
