#include "io/SafetensorsWriter.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace unike::io {
namespace {

void checkTensor(const TensorData& tensor) {
    if (tensor.name.empty())
        throw Error(ErrorKind::InvalidInput, "cannot save a tensor with an empty name");
    if (tensor.name == "__metadata__")
        throw Error(ErrorKind::InvalidInput,
                    "cannot save a tensor named __metadata__: safetensors reserves that name");
    uint64_t elements = 1;
    bool overflow = false;
    for (int64_t d : tensor.shape) {
        if (d < 0)
            throw Error(ErrorKind::InvalidInput, "cannot save tensor '" + tensor.name +
                                                     "': its shape has a negative dimension");
        overflow =
            overflow || __builtin_mul_overflow(elements, static_cast<uint64_t>(d), &elements);
    }
    uint64_t expected = 0;
    overflow = overflow || __builtin_mul_overflow(elements, dtypeSize(tensor.dtype), &expected);
    if (overflow)
        throw Error(ErrorKind::InvalidInput,
                    "cannot save tensor '" + tensor.name + "': its shape is too large");
    if (tensor.bytes.size() != expected)
        throw Error(ErrorKind::InvalidInput,
                    "cannot save tensor '" + tensor.name + "': its shape and dtype " +
                        dtypeName(tensor.dtype) + " need " + std::to_string(expected) +
                        " bytes, but " + std::to_string(tensor.bytes.size()) + " were given");
}

// Owns the FILE* so every error path closes it and removes the partial file.
struct TempFile {
    std::string path;
    std::FILE* file = nullptr;
    bool keep = false;
    ~TempFile() {
        if (file)
            std::fclose(file);
        if (!keep)
            std::remove(path.c_str());
    }
};

Error writeError(const std::string& path, const std::string& what) {
    return Error(ErrorKind::File, "cannot write " + path + ": " + what +
                                      "; check that the folder exists, is writable and has "
                                      "free space");
}

} // namespace

void SafetensorsWriter::add(const std::string& name, DType dtype, const std::vector<int64_t>& shape,
                            const void* bytes, std::size_t byteCount) {
    TensorData tensor{name, dtype, shape, {}};
    if (byteCount)
        tensor.bytes.assign(static_cast<const uint8_t*>(bytes),
                            static_cast<const uint8_t*>(bytes) + byteCount);
    add(std::move(tensor));
}

void SafetensorsWriter::add(TensorData tensor) {
    checkTensor(tensor);
    if (contains(tensor.name))
        throw Error(ErrorKind::InvalidInput,
                    "cannot save two tensors named '" + tensor.name + "' in one file");
    tensors_.push_back(std::move(tensor));
}

void SafetensorsWriter::setMetadata(const std::string& key, const std::string& value) {
    metadata_[key] = value;
}

bool SafetensorsWriter::contains(const std::string& name) const {
    return std::any_of(tensors_.begin(), tensors_.end(),
                       [&](const TensorData& t) { return t.name == name; });
}

uint64_t SafetensorsWriter::dataBytes() const {
    uint64_t total = 0;
    for (const TensorData& t : tensors_)
        total += t.bytes.size();
    return total;
}

void SafetensorsWriter::write(const std::string& path) const {
    std::vector<const TensorData*> order;
    for (const TensorData& t : tensors_)
        order.push_back(&t);
    std::sort(order.begin(), order.end(), [](const TensorData* a, const TensorData* b) {
        const auto sa = dtypeSize(a->dtype), sb = dtypeSize(b->dtype);
        return sa != sb ? sa > sb : a->name < b->name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata_.empty())
        header["__metadata__"] = metadata_;
    uint64_t offset = 0;
    for (const TensorData* t : order) {
        header[t->name] = {{"dtype", dtypeName(t->dtype)},
                           {"shape", t->shape},
                           {"data_offsets", {offset, offset + t->bytes.size()}}};
        offset += t->bytes.size();
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');

    TempFile temp;
    temp.path = path + ".tmp";
    temp.file = std::fopen(temp.path.c_str(), "wb");
    if (!temp.file)
        throw writeError(temp.path, std::strerror(errno));
    uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = static_cast<uint8_t>((static_cast<uint64_t>(text.size()) >> (8 * i)) & 0xFF);
    bool ok = std::fwrite(length, 1, 8, temp.file) == 8 &&
              std::fwrite(text.data(), 1, text.size(), temp.file) == text.size();
    for (const TensorData* t : order)
        ok = ok && (t->bytes.empty() ||
                    std::fwrite(t->bytes.data(), 1, t->bytes.size(), temp.file) == t->bytes.size());
    ok = ok && std::fflush(temp.file) == 0 && ::fsync(fileno(temp.file)) == 0;
    if (!ok)
        throw writeError(temp.path, std::strerror(errno));
    const int closed = std::fclose(temp.file);
    temp.file = nullptr;
    if (closed != 0)
        throw writeError(temp.path, std::strerror(errno));
    if (std::rename(temp.path.c_str(), path.c_str()) != 0)
        throw writeError(path, std::string("cannot move the finished file into place (") +
                                   std::strerror(errno) + ")");
    temp.keep = true;
}

} // namespace unike::io
