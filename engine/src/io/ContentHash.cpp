#include "io/ContentHash.h"

#include <unike/Error.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace unike::io {
namespace {

std::ifstream openForHash(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::File, "cannot read '" + path + "' to hash it");
    return in;
}

} // namespace

ContentHash& ContentHash::add(const void* bytes, std::size_t count) {
    const auto* p = static_cast<const uint8_t*>(bytes);
    for (std::size_t i = 0; i < count; ++i) {
        state_ ^= p[i];
        state_ *= 0x100000001b3ULL;
    }
    return *this;
}

ContentHash& ContentHash::add(const std::string& text) {
    return add(text.data(), text.size());
}

ContentHash& ContentHash::addFile(const std::string& path) {
    std::ifstream in = openForHash(path);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        add(buffer.data(), std::size_t(in.gcount()));
    }
    return *this;
}

ContentHash& ContentHash::addFileSample(const std::string& path) {
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
        throw Error(ErrorKind::File, "cannot read '" + path + "' to hash it: " + error.message());
    const uint64_t size64 = size;
    add(&size64, sizeof size64);
    constexpr std::size_t kChunk = 1 << 16;
    constexpr int kSamples = 33;
    if (size <= kChunk * kSamples)
        return addFile(path);
    std::ifstream in = openForHash(path);
    std::vector<char> buffer(kChunk);
    for (int i = 0; i < kSamples; ++i) {
        in.seekg(std::streamoff((size - kChunk) / (kSamples - 1) * uintmax_t(i)));
        in.read(buffer.data(), kChunk);
        add(buffer.data(), std::size_t(in.gcount()));
    }
    return *this;
}

std::string ContentHash::hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(state_));
    return text;
}

} // namespace unike::io
