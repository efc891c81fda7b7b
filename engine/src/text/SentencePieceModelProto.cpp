#include "text/SentencePieceModelProto.h"

#include "text/Utf8.h"

#include <unike/Error.h>

#include <cstdint>
#include <cstring>
#include <unordered_set>

namespace unike::text {
namespace {

// One field of a protobuf message.
struct Field {
    uint32_t number = 0;
    uint32_t wire = 0;
    uint64_t value = 0;     // varint, fixed32 or fixed64
    std::string_view bytes; // length-delimited
    std::string_view whole; // key and payload, to copy the field as it is
};

// Reads a message's fields in order; false when the bytes are not protobuf.
class WireReader {
public:
    explicit WireReader(std::string_view data)
        : data_(data) {}

    bool next(Field& field) {
        if (pos_ >= data_.size() || failed_)
            return false;
        const size_t start = pos_;
        uint64_t key = 0;
        if (!varint(key) || (key >> 3) == 0 || (key >> 3) > 0x1FFFFFFF)
            return fail();
        field.number = static_cast<uint32_t>(key >> 3);
        field.wire = static_cast<uint32_t>(key & 7);
        field.bytes = {};
        switch (field.wire) {
        case 0:
            if (!varint(field.value))
                return fail();
            break;
        case 1:
        case 5: {
            const size_t size = field.wire == 1 ? 8 : 4;
            if (data_.size() - pos_ < size)
                return fail();
            field.value = 0;
            for (size_t i = 0; i < size; ++i)
                field.value |= static_cast<uint64_t>(static_cast<unsigned char>(data_[pos_ + i]))
                               << (8 * i);
            pos_ += size;
            break;
        }
        case 2: {
            uint64_t length = 0;
            if (!varint(length) || length > data_.size() - pos_)
                return fail();
            field.bytes = data_.substr(pos_, static_cast<size_t>(length));
            pos_ += static_cast<size_t>(length);
            break;
        }
        default: // groups (3, 4) are not in SentencePiece's messages
            return fail();
        }
        field.whole = data_.substr(start, pos_ - start);
        return true;
    }
    bool failed() const { return failed_; }

private:
    bool varint(uint64_t& out) {
        out = 0;
        for (int shift = 0; shift < 64 && pos_ < data_.size(); shift += 7) {
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            out |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if (byte < 0x80)
                return true;
        }
        return false;
    }
    bool fail() {
        failed_ = true;
        return false;
    }

    std::string_view data_;
    size_t pos_ = 0;
    bool failed_ = false;
};

void appendVarint(std::string& out, uint64_t value) {
    do {
        const auto byte = static_cast<unsigned char>(value & 0x7F);
        value >>= 7;
        out += static_cast<char>(value ? byte | 0x80 : byte);
    } while (value);
}

[[noreturn]] void notAModel(const std::string& path, const std::string& why) {
    throw Error(ErrorKind::File, path + " is not a SentencePiece model (" + why +
                                     "); it may be truncated or corrupt: download "
                                     "tokenizer.model again");
}

bool readPiece(std::string_view bytes, SentencePieceModelInfo::Piece& piece) {
    WireReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == 1 && f.wire == 2) {
            piece.text = std::string(f.bytes);
        } else if (f.number == 2 && f.wire == 5) {
            const auto bits = static_cast<uint32_t>(f.value);
            std::memcpy(&piece.score, &bits, sizeof bits);
        } else if (f.number == 3 && f.wire == 0) {
            // protobuf keeps an enum value it does not know aside, leaving the default.
            piece.type = f.value >= 1 && f.value <= 6 ? static_cast<int>(f.value)
                                                      : SentencePieceModelInfo::Normal;
        }
    }
    return !reader.failed();
}

// The byte of "<0xNN>" (two upper-case hex digits, as sentencepiece writes them), else -1.
int byteOfPiece(std::string_view piece) {
    if (piece.size() != 6 || piece.substr(0, 3) != "<0x" || piece[5] != '>')
        return -1;
    int value = 0;
    for (const char c : piece.substr(3, 2)) {
        if (c >= '0' && c <= '9')
            value = value * 16 + (c - '0');
        else if (c >= 'A' && c <= 'F')
            value = value * 16 + (c - 'A' + 10);
        else
            return -1;
    }
    return value;
}

// What libsentencepiece (0.1.97, Debian 12's) checks when it loads a model
// (ModelInterface::InitializePieces), so that a file it would refuse is refused here too; and
// UTF-8, which transformers needs to read the pieces as text.
void checkPieces(const SentencePieceModelInfo& info, const std::string& path) {
    std::unordered_set<std::string_view> seen;
    bool bytes[256] = {};
    int unknown = 0;
    for (size_t id = 0; id < info.pieces.size(); ++id) {
        const SentencePieceModelInfo::Piece& piece = info.pieces[id];
        const std::string which = "piece " + std::to_string(id);
        if (piece.text.empty())
            notAModel(path, which + " is empty");
        if (findInvalidUtf8(piece.text) != std::string_view::npos)
            notAModel(path, which + " is not UTF-8 text");
        if (!seen.insert(piece.text).second)
            notAModel(path, which + " repeats '" + piece.text + "'");
        if (piece.type == SentencePieceModelInfo::Unknown)
            ++unknown;
        if (piece.type == SentencePieceModelInfo::Byte) {
            const int value = byteOfPiece(piece.text);
            if (value < 0)
                notAModel(path, which + " '" + piece.text + "' is not a byte piece <0xNN>");
            if (!info.byteFallback)
                notAModel(path, which + " is the byte piece '" + piece.text +
                                    "' but trainer_spec.byte_fallback is false");
            bytes[value] = true;
        }
    }
    if (unknown != 1)
        notAModel(path, unknown == 0 ? "it has no unknown piece"
                                     : std::to_string(unknown) + " pieces are the unknown piece");
    if (info.byteFallback)
        for (int b = 0; b < 256; ++b)
            if (!bytes[b])
                notAModel(path, "trainer_spec.byte_fallback is true but it has no piece for byte " +
                                    std::to_string(b));
}

bool readTrainerSpec(std::string_view bytes, SentencePieceModelInfo& info) {
    WireReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.wire != 0)
            continue;
        if (f.number == 3)
            info.modelType = static_cast<int>(f.value);
        else if (f.number == 24)
            info.treatWhitespaceAsSuffix = f.value != 0;
        else if (f.number == 35)
            info.byteFallback = f.value != 0;
    }
    return !reader.failed();
}

bool readNormalizerSpec(std::string_view bytes, SentencePieceModelInfo& info) {
    WireReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == 1 && f.wire == 2)
            info.normalizerName = std::string(f.bytes);
        else if (f.number == 2 && f.wire == 2)
            info.hasCharsMap = !f.bytes.empty();
        else if (f.number == 3 && f.wire == 0)
            info.addDummyPrefix = f.value != 0;
        else if (f.number == 4 && f.wire == 0)
            info.removeExtraWhitespaces = f.value != 0;
        else if (f.number == 5 && f.wire == 0)
            info.escapeWhitespaces = f.value != 0;
    }
    return !reader.failed();
}

} // namespace

SentencePieceModelInfo readSentencePieceModel(std::string_view model, const std::string& path) {
    SentencePieceModelInfo info;
    WireReader reader(model);
    Field f;
    bool hasTrainerSpec = false, hasNormalizerSpec = false;
    while (reader.next(f)) {
        if (f.wire != 2)
            continue;
        hasTrainerSpec |= f.number == 2;
        hasNormalizerSpec |= f.number == 3;
        if (f.number == 1) {
            SentencePieceModelInfo::Piece piece;
            if (!readPiece(f.bytes, piece))
                notAModel(path, "piece " + std::to_string(info.pieces.size()) + " is garbled");
            info.pieces.push_back(std::move(piece));
        } else if (f.number == 2 && !readTrainerSpec(f.bytes, info)) {
            notAModel(path, "its trainer_spec is garbled");
        } else if (f.number == 3 && !readNormalizerSpec(f.bytes, info)) {
            notAModel(path, "its normalizer_spec is garbled");
        }
    }
    if (reader.failed())
        notAModel(path, "it is not protobuf data");
    if (info.pieces.empty())
        notAModel(path, "it has no pieces");
    // sentencepiece writes both specs after the pieces: a file cut short loses them.
    if (!hasTrainerSpec || !hasNormalizerSpec)
        notAModel(path, std::string("it has no ") +
                            (hasTrainerSpec ? "normalizer_spec" : "trainer_spec"));
    checkPieces(info, path);
    return info;
}

std::string withoutDummyPrefix(std::string_view model) {
    std::string out, spec;
    WireReader reader(model);
    Field f;
    while (reader.next(f)) {
        if (f.number != 3 || f.wire != 2) {
            out.append(f.whole);
            continue;
        }
        // A repeated message field merges, so the rewritten spec holds every occurrence.
        WireReader inner(f.bytes);
        Field g;
        while (inner.next(g))
            if (!(g.number == 3 && g.wire == 0))
                spec.append(g.whole);
    }
    appendVarint(spec, 3 << 3 | 0);
    appendVarint(spec, 0);
    appendVarint(out, 3 << 3 | 2);
    appendVarint(out, spec.size());
    out += spec;
    return out;
}

} // namespace unike::text
