#pragma once
// Writes a safetensors file that the reference reader (and transformers) accepts.
//
// Layout: tensors are ordered by element size, largest first, then by name, exactly as the
// reference writer orders them. With the header padded to a multiple of 8 bytes this puts every
// tensor at an offset that is a multiple of its element size, so a mapped file can be read in
// place. Offsets are contiguous: the data section has no holes.

#include "io/DType.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace unike::io {

// A tensor held in memory, ready to be written. `bytes` is little-endian, row-major.
struct TensorData {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<uint8_t> bytes;
};

class SafetensorsWriter {
public:
    // Copies `byteCount` bytes from `bytes`. Throws Error(InvalidInput) for an empty or reserved
    // name, a name already added, a negative dimension, or a byte count that is not
    // product(shape) * dtypeSize(dtype).
    void add(const std::string& name, DType dtype, const std::vector<int64_t>& shape,
             const void* bytes, std::size_t byteCount);
    // Takes the tensor's bytes without copying; same checks.
    void add(TensorData tensor);

    // A "__metadata__" entry (safetensors allows only string values).
    void setMetadata(const std::string& key, const std::string& value);

    std::size_t size() const { return tensors_.size(); }
    bool contains(const std::string& name) const;
    // Sum of the tensors' byte sizes.
    uint64_t dataBytes() const;

    // Writes PATH.tmp, flushes it to disk, then renames it over PATH, so PATH is never seen
    // half-written. Throws Error(File) when the file cannot be written.
    void write(const std::string& path) const;

private:
    std::vector<TensorData> tensors_;
    std::map<std::string, std::string> metadata_;
};

} // namespace unike::io
