#pragma once
// The weights of a Hugging Face model folder, resolved exactly as transformers resolves them:
// `model.safetensors` if it exists, else `model.safetensors.index.json` and the shards its
// `weight_map` names. Other *.safetensors files in the folder are never read (a folder may hold
// adapters or older exports). The index and the shards are checked against each other when the
// folder is opened, so a mismatched download fails early with a clear message.

#include "io/SafetensorsFile.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace unike::io {

inline constexpr const char* kSingleWeightsFile = "model.safetensors";
inline constexpr const char* kWeightsIndexFile = "model.safetensors.index.json";

// Where one tensor lives. Both pointers are null when the name is unknown; they stay valid
// while the CheckpointFiles that returned them lives (moving it keeps them valid).
struct TensorRef {
    const SafetensorsFile* file = nullptr;
    const TensorInfo* info = nullptr;

    explicit operator bool() const { return info != nullptr; }
    const uint8_t* data() const { return file->data(*info); }
};

class CheckpointFiles {
public:
    // Throws Error(File) for a missing folder, no weights file, an unreadable index, a missing
    // or malformed shard, or an index that disagrees with its shards.
    static CheckpointFiles open(const std::string& folder);

    const std::string& folder() const { return folder_; }
    bool isSharded() const { return sharded_; }
    // The opened files: one, or each shard once, sorted by file name.
    const std::vector<SafetensorsFile>& files() const { return files_; }

    // Every tensor name, sorted.
    std::vector<std::string> names() const;
    std::size_t size() const { return where_.size(); }
    bool contains(const std::string& name) const { return where_.count(name) != 0; }
    TensorRef find(const std::string& name) const;
    // Like find, but throws Error(Model) naming the folder when the tensor is absent.
    TensorRef require(const std::string& name) const;

private:
    std::string folder_;
    bool sharded_ = false;
    std::vector<SafetensorsFile> files_;
    // name -> (file index, tensor index in that file)
    std::map<std::string, std::pair<std::size_t, std::size_t>> where_;
};

} // namespace unike::io
