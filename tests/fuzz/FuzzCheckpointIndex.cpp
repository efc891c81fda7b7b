// A sharded checkpoint's model.safetensors.index.json against the shards it names: the input
// is the index, beside two small valid shards.
#include "FuzzSupport.h"
#include "io/CheckpointFiles.h"
#include "io/SafetensorsWriter.h"

#include <filesystem>

namespace {

const std::filesystem::path& shardedFolder() {
    static const std::filesystem::path folder = [] {
        const auto path = unike::fuzz::scratchFolder() / "sharded";
        std::filesystem::create_directories(path);
        for (int shard = 1; shard <= 2; ++shard) {
            unike::io::SafetensorsWriter writer;
            const std::vector<uint8_t> bytes(16, uint8_t(shard));
            writer.add("layer" + std::to_string(shard) + ".weight", unike::io::DType::F32, {2, 2},
                       bytes.data(), bytes.size());
            writer.write(
                (path / ("model-0000" + std::to_string(shard) + "-of-00002.safetensors")).string());
        }
        return path;
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& folder = shardedFolder();
    unike::fuzz::writeScratch("sharded/model.safetensors.index.json",
                              {reinterpret_cast<const char*>(data), size});
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto files = unike::io::CheckpointFiles::open(folder.string());
        for (const std::string& name : files.names())
            (void)files.require(name).data();
    });
    return 0;
}
