#pragma once
// Writes a benchmark file: the data module's layout (a JSON array, 2-space indentation, the
// eleven MMEdit keys in data::mmeditFields() order, a trailing newline) plus this generator's
// extra keys after them. data::writeMmeditFile writes the eleven keys only, so it cannot carry
// the neighbour probes; EasyEdit ignores keys it does not know.

#include "world/EditCase.h"

#include <filesystem>
#include <string>
#include <vector>

namespace unike::world {

std::string formatBenchmarkJson(const std::vector<EditCase>& cases,
                                const std::vector<std::string>& neighbourImages);
// Throws Error(File) naming the path.
void writeTextFile(const std::filesystem::path& path, const std::string& content);

} // namespace unike::world
