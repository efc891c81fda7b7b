#pragma once
// A read-only, memory-mapped safetensors file. Opening validates the whole header against the
// file (sizes, offsets, overlaps, holes) so that no later access can read out of bounds: a
// corrupt or hostile checkpoint fails here with a message a person can act on.

#include "io/DType.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace unike::io {

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    uint64_t offset = 0;   // from the start of the data section (just after the header)
    uint64_t byteSize = 0; // product(shape) * dtypeSize(dtype)

    int64_t numel() const;
};

class SafetensorsFile {
public:
    // Maps and validates `path`. Throws Error(File) naming the file (and tensor) at fault.
    static SafetensorsFile open(const std::string& path);

    SafetensorsFile(SafetensorsFile&& other) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;
    ~SafetensorsFile();

    const std::string& path() const { return path_; }
    // In file order (ascending offsets).
    const std::vector<TensorInfo>& tensors() const { return tensors_; }
    // nullptr when the file has no tensor of that name.
    const TensorInfo* find(const std::string& name) const;
    // The tensor's bytes inside the mapping, valid while this object lives. Not necessarily
    // aligned to the element size (files from some tools have unpadded headers): copy with
    // memcpy before reading as a wider type. Throws Error(InvalidInput) for a TensorInfo that
    // does not belong to this file.
    const uint8_t* data(const TensorInfo& tensor) const;
    // The optional "__metadata__" string map.
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    uint64_t fileSize() const { return fileSize_; }

private:
    SafetensorsFile() = default;
    void unmap() noexcept;
    void parseHeader();

    std::string path_;
    void* mapping_ = nullptr;
    uint64_t fileSize_ = 0;
    uint64_t dataStart_ = 0; // 8 + header length
    std::vector<TensorInfo> tensors_;
    std::unordered_map<std::string, std::size_t> index_;
    std::map<std::string, std::string> metadata_;
};

} // namespace unike::io
