#include "io/CheckpointFiles.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace unike::io {
namespace {

namespace fs = std::filesystem;

Error fileError(const std::string& message) {
    return Error(ErrorKind::File, message);
}

// A shard name from the index must stay inside the model folder.
bool isPlainFileName(const std::string& name) {
    if (name.empty() || name == "." || name == "..")
        return false;
    return name.find('/') == std::string::npos && name.find('\\') == std::string::npos;
}

nlohmann::json readIndex(const std::string& indexPath) {
    std::ifstream in(indexPath, std::ios::binary);
    if (!in)
        throw fileError("cannot read " + indexPath + "; check that it is readable");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw fileError(indexPath + " is not valid JSON (" + e.what() +
                        "); re-download it from the model's repository");
    }
}

} // namespace

CheckpointFiles CheckpointFiles::open(const std::string& folder) {
    CheckpointFiles checkpoint;
    checkpoint.folder_ = folder;
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw fileError("the model folder " + folder + " does not exist; check the path");
    if (!fs::is_directory(folder, ec))
        throw fileError(folder + " is not a folder; give the folder that holds config.json and "
                                 "the weights");

    const fs::path single = fs::path(folder) / kSingleWeightsFile;
    const fs::path indexPath = fs::path(folder) / kWeightsIndexFile;
    if (fs::exists(single, ec)) {
        checkpoint.files_.push_back(SafetensorsFile::open(single.string()));
        const auto& tensors = checkpoint.files_[0].tensors();
        for (std::size_t i = 0; i < tensors.size(); ++i)
            checkpoint.where_[tensors[i].name] = {0, i};
        return checkpoint;
    }
    if (!fs::exists(indexPath, ec)) {
        std::string hint = "download the model's safetensors weights into it";
        if (fs::exists(fs::path(folder) / "pytorch_model.bin", ec) ||
            fs::exists(fs::path(folder) / "pytorch_model.bin.index.json", ec))
            hint = "it holds PyTorch .bin weights, which UniKE does not read: convert them to "
                   "safetensors (for example by loading and saving the model with transformers)";
        throw fileError(folder + " has no weights: neither " + kSingleWeightsFile + " nor " +
                        kWeightsIndexFile + " is there; " + hint);
    }

    checkpoint.sharded_ = true;
    const std::string indexName = indexPath.string();
    const nlohmann::json index = readIndex(indexName);
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw fileError(indexName + " has no \"weight_map\" object, so UniKE cannot tell which "
                                    "shard holds which tensor; re-download it");
    const nlohmann::json& weightMap = index["weight_map"];
    if (weightMap.empty())
        throw fileError(indexName + " lists no tensors in its weight_map; re-download it");

    // Shard file name -> the tensors the index puts there.
    std::map<std::string, std::set<std::string>> planned;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        if (!it.value().is_string())
            throw fileError(indexName + " maps tensor '" + it.key() + "' to " + it.value().dump() +
                            " instead of a shard file name; re-download it");
        const std::string shard = it.value().get<std::string>();
        if (!isPlainFileName(shard))
            throw fileError(indexName + " maps tensor '" + it.key() + "' to \"" + shard +
                            "\", which is not a file name inside the model folder");
        planned[shard].insert(it.key());
    }

    for (const auto& [shard, names] : planned) {
        const fs::path shardPath = fs::path(folder) / shard;
        if (!fs::exists(shardPath, ec))
            throw fileError(indexName + " puts " + std::to_string(names.size()) +
                            " tensors (such as '" + *names.begin() + "') in shard " + shard +
                            ", but " + shardPath.string() +
                            " is missing; the download is incomplete: download that file again");
        const std::size_t fileIndex = checkpoint.files_.size();
        checkpoint.files_.push_back(SafetensorsFile::open(shardPath.string()));
        const SafetensorsFile& file = checkpoint.files_.back();
        for (const std::string& name : names)
            if (!file.find(name))
                throw fileError(indexName + " says tensor '" + name + "' is in " + shard +
                                ", but that shard has no such tensor; the index and the shards "
                                "do not match: download them again");
        const auto& tensors = file.tensors();
        for (std::size_t i = 0; i < tensors.size(); ++i) {
            const std::string& name = tensors[i].name;
            if (!names.count(name)) {
                const auto listed = weightMap.find(name);
                throw fileError(shardPath.string() + " holds an unexpected tensor '" + name +
                                "': " +
                                (listed == weightMap.end()
                                     ? std::string(kWeightsIndexFile) + " does not list it"
                                     : std::string(kWeightsIndexFile) + " puts it in " +
                                           listed.value().get<std::string>()) +
                                "; the index and the shards do not match: download them again");
            }
            checkpoint.where_[name] = {fileIndex, i};
        }
    }
    return checkpoint;
}

std::vector<std::string> CheckpointFiles::names() const {
    std::vector<std::string> out;
    out.reserve(where_.size());
    for (const auto& entry : where_)
        out.push_back(entry.first);
    return out;
}

TensorRef CheckpointFiles::find(const std::string& name) const {
    auto it = where_.find(name);
    if (it == where_.end())
        return {};
    const SafetensorsFile& file = files_[it->second.first];
    return {&file, &file.tensors()[it->second.second]};
}

TensorRef CheckpointFiles::require(const std::string& name) const {
    TensorRef ref = find(name);
    if (!ref)
        throw Error(ErrorKind::Model, "the checkpoint in " + folder_ + " has no tensor '" + name +
                                          "'; it does not match the model its config describes");
    return ref;
}

} // namespace unike::io
