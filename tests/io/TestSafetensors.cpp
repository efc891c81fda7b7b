// The safetensors reader, writer and checkpoint folder resolution. Every file is generated here,
// in a temporary folder; malformed files are written byte by byte.

#include "io/CheckpointFiles.h"
#include "io/CheckpointWriter.h"
#include "io/DType.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"

#include <unike/Error.h>

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

using namespace unike::io;
namespace fs = std::filesystem;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string le64(uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    return s;
}

// A hand-made safetensors file: length, header text, then `dataBytes` bytes of data.
std::string rawFile(const std::string& header, std::size_t dataBytes) {
    return le64(header.size()) + header + std::string(dataBytes, '\x01');
}

template <typename T>
std::vector<uint8_t> bytesOf(const std::vector<T>& values) {
    std::vector<uint8_t> out(values.size() * sizeof(T));
    if (!out.empty())
        std::memcpy(out.data(), values.data(), out.size());
    return out;
}

TensorData tensor(const std::string& name, std::vector<float> values,
                  std::vector<int64_t> shape = {}) {
    if (shape.empty())
        shape = {static_cast<int64_t>(values.size())};
    return {name, DType::F32, std::move(shape), bytesOf(values)};
}

// Runs `action`, which must throw unike::Error of `kind` whose message holds every phrase.
template <typename F>
void expectError(F&& action, unike::ErrorKind kind, const QStringList& phrases) {
    try {
        action();
    } catch (const unike::Error& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        for (const QString& phrase : phrases)
            QVERIFY2(message.contains(phrase),
                     qPrintable("missing \"" + phrase + "\" in: " + message));
        return;
    }
    QFAIL(qPrintable("expected an error containing " + phrases.join(" / ")));
}

std::vector<uint8_t> tensorBytes(const TensorRef& ref) {
    return std::vector<uint8_t>(ref.data(), ref.data() + ref.info->byteSize);
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string path(const std::string& name) const {
        return (fs::path(dir_.path().toStdString()) / name).string();
    }
    // A fresh folder per test.
    std::string folder(const std::string& name) const {
        const std::string p = path(name);
        fs::remove_all(p);
        fs::create_directories(p);
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void dtypeNamesAndSizes() {
        const DType all[] = {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64,
                             DType::I32, DType::I16, DType::I8,  DType::U8,   DType::Bool};
        const std::size_t sizes[] = {8, 4, 2, 2, 8, 4, 2, 1, 1, 1};
        const char* names[] = {"F64", "F32", "F16", "BF16", "I64",
                               "I32", "I16", "I8",  "U8",   "BOOL"};
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(dtypeSize(all[i]), sizes[i]);
            QCOMPARE(QString(dtypeName(all[i])), QString(names[i]));
            QVERIFY(parseDType(names[i]) == all[i]);
        }
        expectError([] { parseDType("F8_E4M3"); }, unike::ErrorKind::File,
                    {"unsupported dtype", "F8_E4M3"});
        expectError([] { parseDType("f32"); }, unike::ErrorKind::File, {"unsupported dtype"});
    }

    void halfConversion() {
        QCOMPARE(floatToHalf(1.0f), uint16_t(0x3C00));
        QCOMPARE(floatToHalf(-2.0f), uint16_t(0xC000));
        QCOMPARE(floatToHalf(0.0f), uint16_t(0x0000));
        QCOMPARE(floatToHalf(-0.0f), uint16_t(0x8000));
        QCOMPARE(floatToHalf(65504.0f), uint16_t(0x7BFF));
        // Rounding to nearest, ties to even.
        QCOMPARE(floatToHalf(1.0f + std::ldexp(1.0f, -11)), uint16_t(0x3C00));     // tie -> even
        QCOMPARE(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11)), uint16_t(0x3C02)); // tie -> even
        QCOMPARE(floatToHalf(1.0f + std::ldexp(1.0f, -11) + std::ldexp(1.0f, -20)),
                 uint16_t(0x3C01)); // just above the tie
        QCOMPARE(floatToHalf(65519.0f), uint16_t(0x7BFF));
        QCOMPARE(floatToHalf(65520.0f), uint16_t(0x7C00)); // the midpoint rounds to infinity
        // Infinities and NaN.
        const float inf = std::numeric_limits<float>::infinity();
        QCOMPARE(floatToHalf(inf), uint16_t(0x7C00));
        QCOMPARE(floatToHalf(-inf), uint16_t(0xFC00));
        QCOMPARE(floatToHalf(1e10f), uint16_t(0x7C00));
        const uint16_t nan = floatToHalf(std::numeric_limits<float>::quiet_NaN());
        QVERIFY((nan & 0x7C00) == 0x7C00 && (nan & 0x3FF) != 0);
        QVERIFY(std::isnan(halfToFloat(nan)));
        QVERIFY(std::isinf(halfToFloat(0x7C00)) && halfToFloat(0xFC00) < 0);
        // Subnormals.
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -14)), uint16_t(0x0400)); // smallest normal
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -24)), uint16_t(0x0001)); // smallest subnormal
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -25)), uint16_t(0x0000)); // tie -> even (zero)
        QCOMPARE(floatToHalf(std::ldexp(3.0f, -26)), uint16_t(0x0001));
        QCOMPARE(floatToHalf(std::ldexp(3.0f, -25)), uint16_t(0x0002)); // 1.5 ulp: tie -> 2
        QCOMPARE(floatToHalf(-std::ldexp(1.0f, -30)), uint16_t(0x8000));
        QCOMPARE(floatToHalf(std::numeric_limits<float>::denorm_min()), uint16_t(0x0000));
        QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24));
        QCOMPARE(halfToFloat(0x03FF), std::ldexp(1023.0f, -24));
        QCOMPARE(halfToFloat(0x3555), 0.333251953125f);

        // Every non-NaN half survives half -> float -> half.
        for (uint32_t h = 0; h < 0x10000; ++h) {
            const float f = halfToFloat(static_cast<uint16_t>(h));
            if (std::isnan(f))
                QVERIFY((h & 0x7C00) == 0x7C00);
            else if (floatToHalf(f) != h)
                QFAIL(qPrintable(QString("half 0x%1 does not round-trip").arg(h, 4, 16)));
        }
#ifdef __FLT16_MAX__
        // Against the compiler's own conversion on random floats of every magnitude.
        std::mt19937 rng(7);
        for (int i = 0; i < 200000; ++i) {
            uint32_t bits = rng();
            float f;
            std::memcpy(&f, &bits, sizeof f);
            if (std::isnan(f))
                continue;
            const _Float16 ref = static_cast<_Float16>(f);
            uint16_t refBits;
            std::memcpy(&refBits, &ref, sizeof refBits);
            if (floatToHalf(f) != refBits)
                QFAIL(qPrintable(QString("float bits 0x%1 differ from _Float16").arg(bits, 8, 16)));
        }
#endif
    }

    void bfloat16Conversion() {
        QCOMPARE(floatToBfloat16(1.0f), uint16_t(0x3F80));
        QCOMPARE(floatToBfloat16(-1.0f), uint16_t(0xBF80));
        QCOMPARE(floatToBfloat16(1.0f + std::ldexp(1.0f, -8)), uint16_t(0x3F80)); // tie -> even
        QCOMPARE(floatToBfloat16(1.0f + 3 * std::ldexp(1.0f, -8)), uint16_t(0x3F82));
        QCOMPARE(floatToBfloat16(1.0f + std::ldexp(1.0f, -8) + std::ldexp(1.0f, -20)),
                 uint16_t(0x3F81));
        const float inf = std::numeric_limits<float>::infinity();
        QCOMPARE(floatToBfloat16(inf), uint16_t(0x7F80));
        QCOMPARE(floatToBfloat16(-inf), uint16_t(0xFF80));
        QCOMPARE(floatToBfloat16(std::numeric_limits<float>::max()), uint16_t(0x7F80));
        // A signalling NaN whose payload sits only in the low bits must stay NaN.
        uint32_t snanBits = 0x7F800001;
        float snan;
        std::memcpy(&snan, &snanBits, sizeof snan);
        QVERIFY(std::isnan(bfloat16ToFloat(floatToBfloat16(snan))));
        QVERIFY(std::isnan(bfloat16ToFloat(floatToBfloat16(std::nanf("")))));
        // Subnormals round like everything else.
        QCOMPARE(floatToBfloat16(std::ldexp(1.0f, -133)), uint16_t(0x0001));
        QCOMPARE(floatToBfloat16(std::ldexp(1.0f, -134)), uint16_t(0x0000)); // tie -> even
        QCOMPARE(floatToBfloat16(std::ldexp(3.0f, -134)), uint16_t(0x0002)); // tie -> even
        QCOMPARE(bfloat16ToFloat(0x0001), std::ldexp(1.0f, -133));
        QCOMPARE(bfloat16ToFloat(0x4049), 3.140625f);
        for (uint32_t b = 0; b < 0x10000; ++b) {
            const float f = bfloat16ToFloat(static_cast<uint16_t>(b));
            if (!std::isnan(f) && floatToBfloat16(f) != b)
                QFAIL(qPrintable(QString("bf16 0x%1 does not round-trip").arg(b, 4, 16)));
        }
    }

    void bufferConversionsHandleUnalignedBytes() {
        const std::vector<float> values = {1.5f, -0.25f, 65504.0f, std::ldexp(1.0f, -24)};
        std::vector<uint8_t> storage(1 + 2 * values.size());
        floatToHalf(values.data(), storage.data() + 1, values.size()); // odd address
        QCOMPARE(storage[1], uint8_t(0x00));                           // little-endian 0x3E00
        QCOMPARE(storage[2], uint8_t(0x3E));
        std::vector<float> back(values.size());
        halfToFloat(storage.data() + 1, back.data(), values.size());
        QVERIFY(back == values);
        floatToBfloat16(values.data(), storage.data() + 1, 2);
        bfloat16ToFloat(storage.data() + 1, back.data(), 2);
        QCOMPARE(back[0], 1.5f);
        QCOMPARE(back[1], -0.25f);
        const std::vector<double> doubles = {0.5, -3.0};
        const auto raw = bytesOf(doubles);
        QVERIFY(toFloat32(DType::F64, raw.data(), 2) == (std::vector<float>{0.5f, -3.0f}));
        expectError([&] { toFloat32(DType::I64, raw.data(), 2); }, unike::ErrorKind::InvalidInput,
                    {"not a floating type"});
    }

    void roundTripsEveryDtypeAndMetadata() {
        const std::vector<float> f32 = {0.0f, -1.5f, 3.25f, 1e-30f, -7e20f, 0.1f};
        const std::vector<float> f16Values = {0.5f, -2.0f, 65504.0f, std::ldexp(1.0f, -24)};
        const std::vector<float> bf16Values = {1.0f, -3.140625f, 256.0f, std::ldexp(1.0f, -133)};
        std::vector<uint8_t> f16(2 * f16Values.size()), bf16(2 * bf16Values.size());
        floatToHalf(f16Values.data(), f16.data(), f16Values.size());
        floatToBfloat16(bf16Values.data(), bf16.data(), bf16Values.size());
        const std::vector<int64_t> i64 = {std::numeric_limits<int64_t>::min(), -1, 0,
                                          std::numeric_limits<int64_t>::max()};
        const std::vector<double> f64 = {1.0 / 3.0, -1e300};
        const std::vector<int32_t> i32 = {-5, 7};
        const std::vector<int16_t> i16 = {-300, 300, 1};
        const std::vector<uint8_t> u8 = {0, 255, 7};
        const std::vector<uint8_t> boolean = {1, 0, 1};

        SafetensorsWriter writer;
        writer.add("f32", DType::F32, {2, 3}, f32.data(), f32.size() * 4);
        writer.add({"f16", DType::F16, {4}, f16});
        writer.add({"bf16", DType::BF16, {2, 2}, bf16});
        writer.add({"i64", DType::I64, {4}, bytesOf(i64)});
        writer.add({"f64", DType::F64, {2}, bytesOf(f64)});
        writer.add({"i32", DType::I32, {2}, bytesOf(i32)});
        writer.add({"i16", DType::I16, {3}, bytesOf(i16)});
        writer.add({"i8", DType::I8, {1}, {0x80}});
        writer.add({"u8", DType::U8, {3}, u8});
        writer.add({"mask", DType::Bool, {3, 1}, boolean});
        writer.setMetadata("format", "pt");
        writer.setMetadata("note", "UniKE \"edit\" #1 \xc3\xa9");
        QCOMPARE(writer.size(), std::size_t(10));
        const std::string p = path("all.safetensors");
        writer.write(p);
        QVERIFY(!fs::exists(p + ".tmp"));

        const SafetensorsFile file = SafetensorsFile::open(p);
        QCOMPARE(file.tensors().size(), std::size_t(10));
        QCOMPARE(file.metadata().size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(file.metadata().at("note")),
                 QString::fromUtf8("UniKE \"edit\" #1 \xc3\xa9"));
        // Header padded to 8, tensors ordered by element size: every tensor is aligned.
        const std::string raw = readText(p);
        uint64_t headerLength = 0;
        std::memcpy(&headerLength, raw.data(), 8);
        QCOMPARE(headerLength % 8, uint64_t(0));
        QCOMPARE(file.fileSize(), uint64_t(raw.size()));
        std::size_t lastSize = 8;
        for (const TensorInfo& t : file.tensors()) {
            QCOMPARE(t.offset % dtypeSize(t.dtype), uint64_t(0));
            QVERIFY(dtypeSize(t.dtype) <= lastSize);
            lastSize = dtypeSize(t.dtype);
        }

        const TensorInfo* t = file.find("f32");
        QVERIFY(t);
        QVERIFY(t->dtype == DType::F32);
        QVERIFY(t->shape == (std::vector<int64_t>{2, 3}));
        QCOMPARE(t->numel(), int64_t(6));
        QVERIFY(toFloat32(DType::F32, file.data(*t), 6) == f32);
        t = file.find("f16");
        QVERIFY(t && t->dtype == DType::F16 && t->byteSize == 8);
        QVERIFY(toFloat32(DType::F16, file.data(*t), 4) == f16Values);
        t = file.find("bf16");
        QVERIFY(t && t->dtype == DType::BF16 && t->shape == (std::vector<int64_t>{2, 2}));
        QVERIFY(toFloat32(DType::BF16, file.data(*t), 4) == bf16Values);
        t = file.find("i64");
        QVERIFY(t && t->dtype == DType::I64);
        QVERIFY(std::memcmp(file.data(*t), i64.data(), 32) == 0);
        t = file.find("f64");
        QVERIFY(t && std::memcmp(file.data(*t), f64.data(), 16) == 0);
        t = file.find("i8");
        QVERIFY(t && t->dtype == DType::I8 && file.data(*t)[0] == 0x80);
        t = file.find("mask");
        QVERIFY(t && t->dtype == DType::Bool && t->shape == (std::vector<int64_t>{3, 1}));
        QVERIFY(std::memcmp(file.data(*t), boolean.data(), 3) == 0);
        QVERIFY(file.find("absent") == nullptr);

        // A TensorInfo from elsewhere is refused rather than read out of bounds.
        TensorInfo foreign = *file.find("u8");
        foreign.offset = 1 << 30;
        expectError([&] { file.data(foreign); }, unike::ErrorKind::InvalidInput,
                    {"does not belong"});

        // Moving keeps the mapping alive and valid.
        SafetensorsFile moved = SafetensorsFile::open(p);
        SafetensorsFile target = std::move(moved);
        QCOMPARE(target.data(*target.find("u8"))[1], uint8_t(255));
    }

    void zeroSizeAndScalarTensors() {
        SafetensorsWriter writer;
        writer.add({"empty", DType::F32, {0, 3}, {}});
        writer.add({"scalar", DType::F32, {}, bytesOf(std::vector<float>{2.5f})});
        writer.add({"also_empty", DType::I64, {4, 0}, {}});
        const std::string p = path("empty.safetensors");
        writer.write(p);
        const SafetensorsFile file = SafetensorsFile::open(p);
        const TensorInfo* empty = file.find("empty");
        QVERIFY(empty && empty->byteSize == 0 && empty->numel() == 0);
        QVERIFY(empty->shape == (std::vector<int64_t>{0, 3}));
        QVERIFY(file.data(*empty) != nullptr);
        const TensorInfo* scalar = file.find("scalar");
        QVERIFY(scalar && scalar->shape.empty() && scalar->numel() == 1);
        QCOMPARE(toFloat32(DType::F32, file.data(*scalar), 1)[0], 2.5f);

        // A file with no tensors at all is valid too.
        SafetensorsWriter none;
        none.write(path("none.safetensors"));
        QCOMPARE(SafetensorsFile::open(path("none.safetensors")).tensors().size(), std::size_t(0));

        // Hand-written: an empty tensor may sit at the very end of the data.
        writeBytes(path("end.safetensors"),
                   rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                           R"("z":{"dtype":"F32","shape":[0],"data_offsets":[4,4]}})",
                           4));
        QCOMPARE(SafetensorsFile::open(path("end.safetensors")).tensors().size(), std::size_t(2));
    }

    void rejectsMalformedFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("phrase");
        auto row = [](const char* name, const std::string& bytes, const char* phrase) {
            QTest::newRow(name) << QByteArray(bytes.data(), static_cast<int>(bytes.size()))
                                << QString(phrase);
        };
        const std::string f32a = R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})";
        row("empty file", "", "fewer than the 8-byte header length");
        row("3 bytes", "abc", "fewer than the 8-byte header length");
        row("absurd header length", le64(200'000'000) + "{}", "above the 100 MB limit");
        row("truncated header", le64(1048576) + std::string(1992, ' '),
            "is truncated: the header says 1048576 bytes of JSON but the file has 2000 bytes");
        row("not json", rawFile("{not json}  ", 0), "not valid JSON");
        row("array header", rawFile("[1, 2]", 0), "not a JSON object");
        row("string header", rawFile("\"hello\"", 0), "not a JSON object");
        row("invalid utf-8", rawFile("{\"\xff\xfe\":1}", 0), "not valid JSON");
        row("unknown dtype",
            rawFile(R"({"a":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}})", 1),
            "tensor 'a' in");
        row("unknown dtype name",
            rawFile(R"({"a":{"dtype":"U64","shape":[1],"data_offsets":[0,8]}})", 8),
            "unsupported dtype \"U64\"");
        row("dtype not string", rawFile(R"({"a":{"dtype":4,"shape":[1],"data_offsets":[0,4]}})", 4),
            "dtype that is not a string");
        row("negative dim",
            rawFile(R"({"a":{"dtype":"F32","shape":[-1,2],"data_offsets":[0,8]}})", 8),
            "negative dimension");
        row("fractional dim",
            rawFile(R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4),
            "not a list of integers");
        row("shape overflow",
            rawFile(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,4],)"
                    R"("data_offsets":[0,0]}})",
                    0),
            "byte count overflows");
        row("shape overflow by dtype",
            rawFile(R"({"a":{"dtype":"F64","shape":[2305843009213693952],)"
                    R"("data_offsets":[0,0]}})",
                    0),
            "byte count overflows");
        row("byte count mismatch",
            rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4),
            "which need 8 bytes, but its data_offsets span 4 bytes");
        row("offsets past the data",
            rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4),
            "past the end of the data");
        row("huge offsets",
            rawFile(R"({"a":{"dtype":"U8","shape":[1],)"
                    R"("data_offsets":[18446744073709551614,18446744073709551615]}})",
                    4),
            "past the end of the data");
        row("begin after end",
            rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8),
            "begins after it ends");
        row("one offset", rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8),
            "not two non-negative integers");
        row("negative offset",
            rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}})", 8),
            "not two non-negative integers");
        row("missing offsets", rawFile(R"({"a":{"dtype":"F32","shape":[2]}})", 8),
            "has no \"data_offsets\" field");
        row("missing shape", rawFile(R"({"a":{"dtype":"F32","data_offsets":[0,8]}})", 8),
            "has no \"shape\" field");
        row("entry not object", rawFile(R"({"a":[1,2,3]})", 0), "not described by a JSON object");
        row("overlap",
            rawFile("{" + f32a + R"(,"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12),
            "tensors 'a' and 'b'");
        row("overlap words",
            rawFile("{" + f32a + R"(,"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12),
            "overlap in the data section");
        row("empty tensor inside another",
            rawFile("{" + f32a + R"(,"b":{"dtype":"F32","shape":[0],"data_offsets":[4,4]}})", 8),
            "overlap");
        row("same range twice",
            rawFile("{" + f32a + R"(,"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 8),
            "overlap");
        row("hole between tensors",
            rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                    R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                    12),
            "4 unused bytes in its data section before tensor 'b'");
        row("hole at start",
            rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8),
            "unused bytes");
        row("trailing bytes",
            rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 9),
            "5 unused bytes at the end of its data section");
        row("duplicate name", rawFile("{" + f32a + "," + f32a + "}", 8), "names 'a' twice");
        row("metadata not strings", rawFile(R"({"__metadata__":{"format":1}})", 0),
            "__metadata__ must map strings to strings");
        row("metadata not object", rawFile(R"({"__metadata__":"pt"})", 0),
            "__metadata__ must be a JSON object");
    }

    void rejectsMalformedFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, phrase);
        const std::string p = path("bad.safetensors");
        writeBytes(p, bytes.toStdString());
        expectError([&] { SafetensorsFile::open(p); }, unike::ErrorKind::File,
                    {phrase, QString::fromStdString(p)});
    }

    void rejectsMissingAndNonFiles() {
        expectError([&] { SafetensorsFile::open(path("nope.safetensors")); },
                    unike::ErrorKind::File, {"cannot open", "nope.safetensors"});
        expectError([&] { SafetensorsFile::open(dir_.path().toStdString()); },
                    unike::ErrorKind::File, {"is a folder"});
    }

    void writerRejectsBadInput() {
        SafetensorsWriter writer;
        writer.add(tensor("a", {1, 2}));
        expectError([&] { writer.add(tensor("a", {3})); }, unike::ErrorKind::InvalidInput,
                    {"two tensors named 'a'"});
        expectError(
            [&] {
                writer.add({"b", DType::F32, {3}, std::vector<uint8_t>(8)});
            },
            unike::ErrorKind::InvalidInput, {"need 12 bytes, but 8 were given"});
        expectError(
            [&] {
                writer.add({"c", DType::F32, {-1}, {}});
            },
            unike::ErrorKind::InvalidInput, {"negative dimension"});
        expectError([&] { writer.add(tensor("__metadata__", {1})); },
                    unike::ErrorKind::InvalidInput, {"reserves that name"});
        expectError([&] { writer.add(tensor("", {1})); }, unike::ErrorKind::InvalidInput,
                    {"empty name"});
        QCOMPARE(writer.size(), std::size_t(1));
        const std::string nowhere = path("no/such/folder/x.safetensors");
        expectError([&] { writer.write(nowhere); }, unike::ErrorKind::File,
                    {"cannot write", "x.safetensors.tmp"});
        QVERIFY(!fs::exists(nowhere + ".tmp"));
    }

    void writerReplacesAnExistingFile() {
        const std::string p = path("replace.safetensors");
        writeBytes(p, "garbage");
        SafetensorsWriter writer;
        writer.add(tensor("w", {4, 5}));
        writer.write(p);
        const SafetensorsFile file = SafetensorsFile::open(p);
        QCOMPARE(toFloat32(DType::F32, file.data(*file.find("w")), 2)[1], 5.0f);
    }

    void shardedCheckpointRoundTrip() {
        const std::string f = folder("sharded");
        std::vector<TensorData> tensors;
        for (int i = 0; i < 7; ++i)
            tensors.push_back(tensor("layer." + std::to_string(i) + ".weight",
                                     {float(i), float(i) + 0.5f, -float(i)}, {1, 3}));
        tensors.push_back({"ids", DType::I64, {2}, bytesOf(std::vector<int64_t>{5, -6})});
        writeCheckpoint(f, tensors, 3);

        for (int s = 0; s < 3; ++s)
            QVERIFY(fs::exists(fs::path(f) / shardFileName(s, 3)));
        QCOMPARE(QString::fromStdString(shardFileName(0, 3)),
                 QString("model-00001-of-00003.safetensors"));
        QVERIFY(!fs::exists(fs::path(f) / "model.safetensors"));
        const auto index = nlohmann::json::parse(readText(f + "/model.safetensors.index.json"));
        QCOMPARE(index["weight_map"].size(), std::size_t(8));
        QCOMPARE(index["metadata"]["total_size"].get<uint64_t>(), uint64_t(7 * 12 + 16));

        const CheckpointFiles checkpoint = CheckpointFiles::open(f);
        QVERIFY(checkpoint.isSharded());
        QCOMPARE(checkpoint.files().size(), std::size_t(3));
        QCOMPARE(checkpoint.size(), std::size_t(8));
        std::vector<std::string> expected;
        for (const TensorData& t : tensors)
            expected.push_back(t.name);
        std::sort(expected.begin(), expected.end());
        QVERIFY(checkpoint.names() == expected);
        for (const TensorData& t : tensors) {
            const TensorRef ref = checkpoint.find(t.name);
            QVERIFY2(ref, t.name.c_str());
            QVERIFY(ref.info->dtype == t.dtype && ref.info->shape == t.shape);
            QVERIFY(tensorBytes(ref) == t.bytes);
            QCOMPARE(QString::fromStdString(index["weight_map"][t.name].get<std::string>()),
                     QString::fromStdString(fs::path(ref.file->path()).filename().string()));
            QCOMPARE(QString::fromStdString(ref.file->metadata().at("format")), QString("pt"));
        }
        QVERIFY(!checkpoint.find("missing"));
        expectError([&] { checkpoint.require("missing"); }, unike::ErrorKind::Model,
                    {"no tensor 'missing'"});

        // Moving the checkpoint keeps references valid.
        CheckpointFiles moved = CheckpointFiles::open(f);
        const CheckpointFiles owner = std::move(moved);
        QVERIFY(tensorBytes(owner.require("ids")) == tensors.back().bytes);
    }

    void singleFileCheckpoint() {
        const std::string f = folder("single");
        writeCheckpoint(f, {tensor("b", {1}), tensor("a", {2, 3})});
        QVERIFY(fs::exists(fs::path(f) / "model.safetensors"));
        QVERIFY(!fs::exists(fs::path(f) / "model.safetensors.index.json"));
        const CheckpointFiles checkpoint = CheckpointFiles::open(f);
        QVERIFY(!checkpoint.isSharded());
        QVERIFY(checkpoint.names() == (std::vector<std::string>{"a", "b"}));
        QCOMPARE(toFloat32(DType::F32, checkpoint.require("a").data(), 2)[1], 3.0f);
    }

    void modelSafetensorsIsPreferredOverTheIndex() {
        const std::string f = folder("both");
        writeCheckpoint(f, {tensor("sharded.a", {1}), tensor("sharded.b", {2})}, 2);
        SafetensorsWriter single;
        single.add(tensor("single.x", {9}));
        single.write(f + "/model.safetensors");
        const CheckpointFiles checkpoint = CheckpointFiles::open(f);
        QVERIFY(!checkpoint.isSharded());
        QVERIFY(checkpoint.names() == (std::vector<std::string>{"single.x"}));

        // Writing shards again removes the model.safetensors that would shadow them.
        writeCheckpoint(f, {tensor("new.a", {1}), tensor("new.b", {2})}, 2);
        QVERIFY(!fs::exists(fs::path(f) / "model.safetensors"));
        QVERIFY(CheckpointFiles::open(f).names() == (std::vector<std::string>{"new.a", "new.b"}));
        // And writing one file removes the index.
        writeCheckpoint(f, {tensor("one", {1})});
        QVERIFY(!fs::exists(fs::path(f) / "model.safetensors.index.json"));
        QVERIFY(CheckpointFiles::open(f).names() == (std::vector<std::string>{"one"}));
    }

    void strayTensorFilesAreIgnored() {
        const std::string f = folder("stray");
        writeCheckpoint(f, {tensor("w", {1})});
        writeBytes(f + "/adapter_model.safetensors", "not a safetensors file at all");
        SafetensorsWriter other;
        other.add(tensor("other", {1}));
        other.write(f + "/consolidated.safetensors");
        QVERIFY(CheckpointFiles::open(f).names() == (std::vector<std::string>{"w"}));

        const std::string g = folder("stray_sharded");
        writeCheckpoint(g, {tensor("p", {1}), tensor("q", {2})}, 2);
        writeBytes(g + "/model-00003-of-00003.safetensors", "junk");
        const CheckpointFiles sharded = CheckpointFiles::open(g);
        QCOMPARE(sharded.files().size(), std::size_t(2));
        QCOMPARE(sharded.size(), std::size_t(2));
    }

    void missingShard() {
        const std::string f = folder("missing_shard");
        writeCheckpoint(f, {tensor("a", {1}), tensor("b", {2})}, 2);
        fs::remove(fs::path(f) / shardFileName(1, 2));
        expectError([&] { CheckpointFiles::open(f); }, unike::ErrorKind::File,
                    {"model-00002-of-00002.safetensors", "is missing", "'b'"});
    }

    void indexNamesATensorAbsentFromItsShard() {
        const std::string f = folder("ghost");
        writeCheckpoint(f, {tensor("a", {1}), tensor("b", {2})}, 2);
        auto index = nlohmann::json::parse(readText(f + "/model.safetensors.index.json"));
        index["weight_map"]["ghost"] = shardFileName(0, 2);
        writeBytes(f + "/model.safetensors.index.json", index.dump());
        expectError([&] { CheckpointFiles::open(f); }, unike::ErrorKind::File,
                    {"'ghost'", "model-00001-of-00002.safetensors", "has no such tensor"});
    }

    void shardHoldsATensorMissingFromTheIndex() {
        const std::string f = folder("extra");
        writeCheckpoint(f, {tensor("a", {1}), tensor("b", {2}), tensor("c", {3})}, 2);
        auto index = nlohmann::json::parse(readText(f + "/model.safetensors.index.json"));
        index["weight_map"].erase("b");
        writeBytes(f + "/model.safetensors.index.json", index.dump());
        expectError([&] { CheckpointFiles::open(f); }, unike::ErrorKind::File,
                    {"unexpected tensor 'b'", "does not list it"});
    }

    void shardHoldsATensorTheIndexPutsElsewhere() {
        const std::string f = folder("elsewhere");
        writeCheckpoint(f, {tensor("a", {1}), tensor("b", {2}), tensor("c", {3})}, 2);
        auto index = nlohmann::json::parse(readText(f + "/model.safetensors.index.json"));
        const std::string shardOfA = index["weight_map"]["a"];
        const std::string otherShard =
            shardOfA == shardFileName(0, 2) ? shardFileName(1, 2) : shardFileName(0, 2);
        index["weight_map"]["a"] = otherShard;
        writeBytes(f + "/model.safetensors.index.json", index.dump());
        expectError([&] { CheckpointFiles::open(f); }, unike::ErrorKind::File, {"'a'"});
    }

    void folderProblems() {
        expectError([&] { CheckpointFiles::open(path("no_such_model")); }, unike::ErrorKind::File,
                    {"no_such_model", "does not exist"});
        const std::string empty = folder("no_weights");
        expectError([&] { CheckpointFiles::open(empty); }, unike::ErrorKind::File,
                    {"has no weights", "model.safetensors.index.json"});
        writeBytes(empty + "/pytorch_model.bin", "pickle");
        expectError([&] { CheckpointFiles::open(empty); }, unike::ErrorKind::File,
                    {"PyTorch .bin", "convert"});
        writeBytes(empty + "/config.json", "{}");
        expectError([&] { CheckpointFiles::open(empty + "/config.json"); }, unike::ErrorKind::File,
                    {"is not a folder"});

        const std::string badIndex = folder("bad_index");
        writeBytes(badIndex + "/model.safetensors.index.json", "{\"weight_map\": ");
        expectError([&] { CheckpointFiles::open(badIndex); }, unike::ErrorKind::File,
                    {"model.safetensors.index.json is not valid JSON"});
        writeBytes(badIndex + "/model.safetensors.index.json", R"({"metadata": {}})");
        expectError([&] { CheckpointFiles::open(badIndex); }, unike::ErrorKind::File,
                    {"no \"weight_map\""});
        writeBytes(badIndex + "/model.safetensors.index.json", R"({"weight_map": {}})");
        expectError([&] { CheckpointFiles::open(badIndex); }, unike::ErrorKind::File,
                    {"lists no tensors"});
        writeBytes(badIndex + "/model.safetensors.index.json", R"({"weight_map": {"a": 3}})");
        expectError([&] { CheckpointFiles::open(badIndex); }, unike::ErrorKind::File,
                    {"instead of a shard file name"});
        writeBytes(badIndex + "/model.safetensors.index.json",
                   R"({"weight_map": {"a": "../elsewhere.safetensors"}})");
        expectError([&] { CheckpointFiles::open(badIndex); }, unike::ErrorKind::File,
                    {"not a file name inside the model folder"});

        // A corrupt single file is reported with its own path.
        const std::string corrupt = folder("corrupt_single");
        writeBytes(corrupt + "/model.safetensors", "xyz");
        expectError([&] { CheckpointFiles::open(corrupt); }, unike::ErrorKind::File,
                    {"model.safetensors", "fewer than the 8-byte"});
    }

    void checkpointWriterRejectsBadRequests() {
        const std::string f = folder("writer_bad");
        expectError([&] { writeCheckpoint(f, {tensor("a", {1})}, 0); },
                    unike::ErrorKind::InvalidInput, {"at least one file"});
        expectError([&] { writeCheckpoint(f, {tensor("a", {1})}, 2); },
                    unike::ErrorKind::InvalidInput, {"each shard needs a tensor"});
        expectError(
            [&] {
                writeCheckpoint(f, {tensor("a", {1}), tensor("a", {2})}, 2);
            },
            unike::ErrorKind::InvalidInput, {"two tensors named 'a'"});
        QVERIFY(fs::is_empty(f)); // nothing half-written
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "TestSafetensors.moc"
