#include "io/SafetensorsFile.h"

#include <unike/Error.h>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <utility>

namespace unike::io {
namespace {

// The reference implementation refuses headers above 100 MB; so do we, before parsing.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

const char* kFix = "re-download or re-save the checkpoint";

Error fileError(const std::string& message) {
    return Error(ErrorKind::File, message);
}

std::string shapeText(const nlohmann::json& shape) {
    return shape.dump();
}

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

// Closes a descriptor on every path out of open().
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

int64_t TensorInfo::numel() const {
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

SafetensorsFile SafetensorsFile::open(const std::string& path) {
    SafetensorsFile file;
    file.path_ = path;

    Descriptor fd;
    fd.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd.fd < 0)
        throw fileError("cannot open " + path + ": " + std::strerror(errno) +
                        "; check that the file exists and is readable");
    struct stat info {};
    if (::fstat(fd.fd, &info) != 0)
        throw fileError("cannot read " + path + ": " + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        throw fileError(path + " is a folder, not a safetensors file");
    if (!S_ISREG(info.st_mode))
        throw fileError(path + " is not a regular file, so it cannot be a safetensors checkpoint");
    file.fileSize_ = static_cast<uint64_t>(info.st_size);
    if (file.fileSize_ < 8)
        throw fileError(path + " is not a safetensors file: it has " +
                        std::to_string(file.fileSize_) +
                        " bytes, fewer than the 8-byte header length that starts every "
                        "safetensors file; " +
                        kFix);

    void* mapping = ::mmap(nullptr, file.fileSize_, PROT_READ, MAP_PRIVATE, fd.fd, 0);
    if (mapping == MAP_FAILED)
        throw fileError("cannot map " + path + " into memory: " + std::strerror(errno));
    file.mapping_ = mapping;
    file.parseHeader(); // the destructor unmaps if this throws
    return file;
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept {
    *this = std::move(other);
}

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept {
    if (this != &other) {
        unmap();
        path_ = std::move(other.path_);
        mapping_ = std::exchange(other.mapping_, nullptr);
        fileSize_ = std::exchange(other.fileSize_, 0);
        dataStart_ = std::exchange(other.dataStart_, 0);
        tensors_ = std::move(other.tensors_);
        index_ = std::move(other.index_);
        metadata_ = std::move(other.metadata_);
    }
    return *this;
}

SafetensorsFile::~SafetensorsFile() {
    unmap();
}

void SafetensorsFile::unmap() noexcept {
    if (mapping_)
        ::munmap(mapping_, fileSize_);
    mapping_ = nullptr;
}

const TensorInfo* SafetensorsFile::find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

const uint8_t* SafetensorsFile::data(const TensorInfo& tensor) const {
    const TensorInfo* own = find(tensor.name);
    if (!own || own->offset != tensor.offset || own->byteSize != tensor.byteSize)
        throw Error(ErrorKind::InvalidInput,
                    "tensor '" + tensor.name + "' does not belong to " + path_);
    return static_cast<const uint8_t*>(mapping_) + dataStart_ + own->offset;
}

void SafetensorsFile::parseHeader() {
    const auto* bytes = static_cast<const uint8_t*>(mapping_);
    uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | bytes[i];

    if (headerLength > kMaxHeaderBytes)
        throw fileError(path_ +
                        " is not a valid safetensors file: its first 8 bytes give a header "
                        "of " +
                        std::to_string(headerLength) +
                        " bytes, above the 100 MB limit of the format; the file is corrupt or "
                        "not a safetensors file; " +
                        kFix);
    if (headerLength > fileSize_ - 8)
        throw fileError(path_ + " is truncated: the header says " + std::to_string(headerLength) +
                        " bytes of JSON but the file has " + std::to_string(fileSize_) +
                        " bytes; " + kFix);
    dataStart_ = 8 + headerLength;
    const uint64_t dataSize = fileSize_ - dataStart_;

    // Duplicate keys would let two entries alias; the JSON parser keeps only the last, so
    // catch them while parsing (depth 1 = keys of the top-level object).
    std::set<std::string> seen;
    std::string duplicate;
    auto watchKeys = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1 && duplicate.empty()) {
            auto key = parsed.get<std::string>();
            if (!seen.insert(key).second)
                duplicate = key;
        }
        return true;
    };
    nlohmann::json header;
    try {
        const char* text = reinterpret_cast<const char*>(bytes + 8);
        header = nlohmann::json::parse(text, text + headerLength, watchKeys);
    } catch (const nlohmann::json::exception& e) {
        throw fileError(path_ + " has a header that is not valid JSON (" + e.what() +
                        "); the file is corrupt or not a safetensors file; " + kFix);
    }
    if (!header.is_object())
        throw fileError(path_ +
                        " has a header that is not a JSON object, so it is not a "
                        "safetensors file; " +
                        kFix);
    if (!duplicate.empty())
        throw fileError(path_ + " names '" + duplicate +
                        "' twice in its header; the file is corrupt; " + kFix);

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const nlohmann::json& entry = it.value();
        if (name == "__metadata__") {
            if (!entry.is_object())
                throw fileError(path_ + ": __metadata__ must be a JSON object of strings; " + kFix);
            for (auto m = entry.begin(); m != entry.end(); ++m) {
                if (!m.value().is_string())
                    throw fileError(path_ + ": __metadata__ must map strings to strings, but \"" +
                                    m.key() + "\" is " + m.value().dump() + "; " + kFix);
                metadata_[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "' in " + path_;
        if (!entry.is_object())
            throw fileError(where + " is not described by a JSON object; " + kFix);
        for (const char* field : {"dtype", "shape", "data_offsets"})
            if (!entry.contains(field))
                throw fileError(where + " has no \"" + field + "\" field; " + kFix);

        TensorInfo tensor;
        tensor.name = name;
        if (!entry["dtype"].is_string())
            throw fileError(where + " has a dtype that is not a string; " + kFix);
        try {
            tensor.dtype = parseDType(entry["dtype"].get<std::string>());
        } catch (const Error& e) {
            throw fileError(where + " has an " + e.what());
        }

        const nlohmann::json& shape = entry["shape"];
        if (!shape.is_array())
            throw fileError(where + " has a shape that is not a list of integers; " + kFix);
        uint64_t elements = 1;
        bool overflow = false;
        for (const nlohmann::json& dim : shape) {
            if (dim.is_number_integer() && !dim.is_number_unsigned() && dim.get<int64_t>() < 0)
                throw fileError(where + " has a negative dimension in its shape " +
                                shapeText(shape) + "; " + kFix);
            if (!dim.is_number_integer())
                throw fileError(where + " has a shape that is not a list of integers: " +
                                shapeText(shape) + "; " + kFix);
            const uint64_t d = dim.get<uint64_t>();
            if (d > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
                __builtin_mul_overflow(elements, d, &elements))
                overflow = true;
            tensor.shape.push_back(static_cast<int64_t>(
                std::min<uint64_t>(d, static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))));
        }
        uint64_t needed = 0;
        if (overflow || __builtin_mul_overflow(elements, dtypeSize(tensor.dtype), &needed) ||
            needed > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            throw fileError(where + " has a shape " + shapeText(shape) +
                            " whose byte count overflows; the file is corrupt; " + kFix);

        const nlohmann::json& offsets = entry["data_offsets"];
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
            !offsets[1].is_number_unsigned())
            throw fileError(where + " has data_offsets " + offsets.dump() +
                            ", not two non-negative integers [begin, end]; " + kFix);
        const uint64_t begin = offsets[0].get<uint64_t>();
        const uint64_t end = offsets[1].get<uint64_t>();
        if (begin > end)
            throw fileError(where + " has data_offsets [" + std::to_string(begin) + ", " +
                            std::to_string(end) + "]: the tensor begins after it ends; " + kFix);
        if (end > dataSize)
            throw fileError(where + " ends at byte " + std::to_string(end) +
                            " of the data section, past the end of the data (" +
                            std::to_string(dataSize) + " bytes); the file is truncated; " + kFix);
        if (end - begin != needed)
            throw fileError(where + " has shape " + shapeText(tensor.shape) + " and dtype " +
                            dtypeName(tensor.dtype) + ", which need " + std::to_string(needed) +
                            " bytes, but its data_offsets span " + std::to_string(end - begin) +
                            " bytes; " + kFix);
        tensor.offset = begin;
        tensor.byteSize = needed;
        tensors_.push_back(std::move(tensor));
    }

    // Tensors must tile the data section exactly, as the reference reader requires: no
    // overlaps (two names aliasing the same bytes) and no unused bytes (a sign of a bad writer).
    std::sort(tensors_.begin(), tensors_.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.byteSize < b.byteSize;
    });
    uint64_t covered = 0;
    const TensorInfo* previous = nullptr;
    for (const TensorInfo& t : tensors_) {
        if (t.offset < covered)
            throw fileError(
                "tensors '" + previous->name + "' and '" + t.name + "' in " + path_ +
                " overlap in the data section (bytes [" + std::to_string(previous->offset) + ", " +
                std::to_string(covered) + ") and [" + std::to_string(t.offset) + ", " +
                std::to_string(t.offset + t.byteSize) + ")); the file is corrupt; " + kFix);
        if (t.offset > covered)
            throw fileError(path_ + " has " + std::to_string(t.offset - covered) +
                            " unused bytes in its data section before tensor '" + t.name +
                            "' (at byte " + std::to_string(covered) +
                            "); safetensors requires the tensors to cover the data exactly; " +
                            kFix);
        covered = t.offset + t.byteSize;
        if (t.byteSize > 0 || !previous)
            previous = &t;
    }
    if (covered != dataSize)
        throw fileError(path_ + " has " + std::to_string(dataSize - covered) +
                        " unused bytes at the end of its data section (after byte " +
                        std::to_string(covered) +
                        "); safetensors requires the tensors to cover the data exactly; " + kFix);

    for (std::size_t i = 0; i < tensors_.size(); ++i)
        index_.emplace(tensors_[i].name, i);
}

} // namespace unike::io
