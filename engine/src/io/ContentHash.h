#pragma once
// A 64-bit FNV-1a content hash, printed as 16 hex digits. It identifies files
// (images, models, data) for provenance and cache keys; it is not cryptographic.

#include <cstddef>
#include <cstdint>
#include <string>

namespace unike::io {

class ContentHash {
public:
    ContentHash& add(const void* bytes, std::size_t count);
    ContentHash& add(const std::string& text);
    // The whole file's bytes. Throws Error(File) when it cannot be read.
    ContentHash& addFile(const std::string& path);
    // A fingerprint of a possibly huge file: its size and 64 KiB samples at 33
    // evenly spaced offsets. Enough to tell checkpoints apart without reading gigabytes.
    ContentHash& addFileSample(const std::string& path);
    std::string hex() const;

private:
    uint64_t state_ = 0xcbf29ce484222325ULL;
};

} // namespace unike::io
