#pragma once
// What every fuzz target shares. The parsers under test read files, so each input is written
// to a scratch folder of its own process and read back through the real entry point.
// unike::Error is the one error a parser may throw; any other exception escapes and counts
// as a finding (libFuzzer reports it as a crash; the corpus replay fails).

#include <unike/Error.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace unike::fuzz {

// A folder in /dev/shm (or TMPDIR), made once per process and emptied at exit.
const std::filesystem::path& scratchFolder();

// Writes `bytes` to scratchFolder()/name and returns the path.
std::filesystem::path writeScratch(const std::string& name, std::string_view bytes);

// Splits an input at each "\n@@\n" into at most `parts` pieces (the last keeps the rest), so
// one input can hold several files; missing pieces are empty.
std::vector<std::string_view> splitInput(const uint8_t* data, size_t size, size_t parts);

// Runs `parse`; an unike::Error is an answer, not a finding.
template <class Parse>
void expectOnlyUnikeErrors(Parse&& parse) {
    try {
        parse();
    } catch (const unike::Error&) {
    }
}

} // namespace unike::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
