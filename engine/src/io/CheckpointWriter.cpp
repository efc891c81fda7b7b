#include "io/CheckpointWriter.h"

#include "io/CheckpointFiles.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace unike::io {
namespace {

namespace fs = std::filesystem;

void writeTextAtomically(const std::string& path, const std::string& text) {
    const std::string temp = path + ".tmp";
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
    ok = (file && std::fclose(file) == 0) && ok;
    ok = ok && std::rename(temp.c_str(), path.c_str()) == 0;
    if (!ok) {
        const std::string reason = std::strerror(errno);
        std::remove(temp.c_str());
        throw Error(ErrorKind::File, "cannot write " + path + ": " + reason +
                                         "; check that the folder is writable and has free space");
    }
}

void removeStale(const fs::path& path) {
    std::error_code ec;
    if (fs::exists(path, ec)) {
        spdlog::info("removing {}: it belongs to an older save and would confuse loading",
                     path.string());
        fs::remove(path, ec);
        if (ec)
            throw Error(ErrorKind::File, "cannot remove the old " + path.string() + " (" +
                                             ec.message() +
                                             "); remove it by hand, or the old weights load");
    }
}

} // namespace

std::string shardFileName(int index, int count) {
    char name[64];
    std::snprintf(name, sizeof name, "model-%05d-of-%05d.safetensors", index + 1, count);
    return name;
}

void writeCheckpoint(const std::string& folder, std::vector<TensorData> tensors, int shardCount) {
    if (shardCount < 1)
        throw Error(ErrorKind::InvalidInput,
                    "a checkpoint needs at least one file, not " + std::to_string(shardCount));
    if (static_cast<std::size_t>(shardCount) > tensors.size() && shardCount > 1)
        throw Error(ErrorKind::InvalidInput, "cannot split " + std::to_string(tensors.size()) +
                                                 " tensors into " + std::to_string(shardCount) +
                                                 " shards: each shard needs a tensor");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::File,
                    "cannot create the folder " + folder + " (" + ec.message() + ")");

    std::sort(tensors.begin(), tensors.end(),
              [](const TensorData& a, const TensorData& b) { return a.name < b.name; });
    const fs::path dir(folder);
    if (shardCount == 1) {
        SafetensorsWriter writer;
        writer.setMetadata("format", "pt");
        for (TensorData& t : tensors)
            writer.add(std::move(t));
        writer.write((dir / kSingleWeightsFile).string());
        removeStale(dir / kWeightsIndexFile);
        return;
    }

    // Validate every shard before writing any file, so a bad tensor leaves the folder as it was.
    const std::size_t n = tensors.size();
    std::vector<SafetensorsWriter> writers(static_cast<std::size_t>(shardCount));
    nlohmann::ordered_json weightMap = nlohmann::ordered_json::object();
    uint64_t totalSize = 0;
    for (int s = 0; s < shardCount; ++s) {
        writers[s].setMetadata("format", "pt");
        const std::size_t begin = n * s / shardCount, end = n * (s + 1) / shardCount;
        for (std::size_t i = begin; i < end; ++i) {
            weightMap[tensors[i].name] = shardFileName(s, shardCount);
            totalSize += tensors[i].bytes.size();
            if (writers[s].contains(tensors[i].name) || weightMap.size() != i + 1)
                throw Error(ErrorKind::InvalidInput,
                            "cannot save two tensors named '" + tensors[i].name + "'");
            writers[s].add(std::move(tensors[i]));
        }
    }
    for (int s = 0; s < shardCount; ++s)
        writers[s].write((dir / shardFileName(s, shardCount)).string());

    nlohmann::ordered_json index;
    index["metadata"] = {{"total_size", totalSize}};
    index["weight_map"] = weightMap;
    writeTextAtomically((dir / kWeightsIndexFile).string(), index.dump(2) + "\n");
    removeStale(dir / kSingleWeightsFile);
}

} // namespace unike::io
