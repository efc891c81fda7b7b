#include "io/DType.h"

#include <unike/Error.h>

#include <cmath>
#include <cstring>

namespace unike::io {

// safetensors data is little-endian; reading it with memcpy needs a little-endian host.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "UniKE reads checkpoints on little-endian hosts only");

namespace {

uint32_t floatBits(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

float bitsToFloat(uint32_t bits) {
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

uint16_t load16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

void store16(uint8_t* p, uint16_t v) {
    p[0] = static_cast<uint8_t>(v & 0xFF);
    p[1] = static_cast<uint8_t>(v >> 8);
}

} // namespace

std::size_t dtypeSize(DType dtype) noexcept {
    switch (dtype) {
    case DType::F64:
    case DType::I64:
        return 8;
    case DType::F32:
    case DType::I32:
        return 4;
    case DType::F16:
    case DType::BF16:
    case DType::I16:
        return 2;
    case DType::I8:
    case DType::U8:
    case DType::Bool:
        return 1;
    }
    return 1;
}

const char* dtypeName(DType dtype) noexcept {
    switch (dtype) {
    case DType::F64:
        return "F64";
    case DType::F32:
        return "F32";
    case DType::F16:
        return "F16";
    case DType::BF16:
        return "BF16";
    case DType::I64:
        return "I64";
    case DType::I32:
        return "I32";
    case DType::I16:
        return "I16";
    case DType::I8:
        return "I8";
    case DType::U8:
        return "U8";
    case DType::Bool:
        return "BOOL";
    }
    return "?";
}

DType parseDType(const std::string& name) {
    static const DType all[] = {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64,
                                DType::I32, DType::I16, DType::I8,  DType::U8,   DType::Bool};
    for (DType d : all)
        if (name == dtypeName(d))
            return d;
    throw Error(ErrorKind::File, "unsupported dtype \"" + name +
                                     "\"; UniKE reads F64, F32, F16, BF16, I64, I32, I16, I8, "
                                     "U8 and BOOL: convert the checkpoint to one of them");
}

bool isFloatingPoint(DType dtype) noexcept {
    return dtype == DType::F64 || dtype == DType::F32 || dtype == DType::F16 ||
           dtype == DType::BF16;
}

float halfToFloat(uint16_t half) noexcept {
    const uint32_t sign = static_cast<uint32_t>(half & 0x8000) << 16;
    const uint32_t exponent = (half >> 10) & 0x1F;
    const uint32_t mantissa = half & 0x3FF;
    if (exponent == 0) {
        // Zero or subnormal: mantissa * 2^-24, exact in float.
        const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 0x1F) // infinity or NaN, payload kept
        return bitsToFloat(sign | 0x7F800000u | (mantissa << 13));
    return bitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

uint16_t floatToHalf(float value) noexcept {
    const uint32_t bits = floatBits(value);
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000);
    const uint32_t magnitude = bits & 0x7FFFFFFFu;
    if (magnitude > 0x7F800000u) // NaN: keep the top payload bits, force quiet
        return static_cast<uint16_t>(sign | 0x7E00 | ((magnitude >> 13) & 0x3FF));
    if (magnitude >= 0x477FF000u) // >= 65520, the midpoint above 65504, rounds to infinity
        return static_cast<uint16_t>(sign | 0x7C00);
    if (magnitude >= 0x38800000u) { // normal half (>= 2^-14)
        const uint32_t odd = (magnitude >> 13) & 1;
        // Rebias the exponent (127 -> 15) and round the 13 dropped bits to nearest even;
        // a carry out of the mantissa correctly bumps the exponent.
        const uint32_t rounded = magnitude - (112u << 23) + 0xFFFu + odd;
        return static_cast<uint16_t>(sign | (rounded >> 13));
    }
    // Subnormal half: value / 2^-24, rounded to nearest even. Float subnormals are far below
    // the smallest half subnormal and round to zero.
    const uint32_t exponent = magnitude >> 23;
    if (exponent < 102) // below 2^-25: rounds to zero
        return sign;
    const uint32_t mantissa = (magnitude & 0x7FFFFFu) | 0x800000u;
    const uint32_t shift = 126 - exponent; // 14..24
    uint32_t q = mantissa >> shift;
    const uint32_t rest = mantissa & ((1u << shift) - 1);
    const uint32_t halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (q & 1)))
        ++q;
    return static_cast<uint16_t>(sign | q);
}

float bfloat16ToFloat(uint16_t bf16) noexcept {
    return bitsToFloat(static_cast<uint32_t>(bf16) << 16);
}

uint16_t floatToBfloat16(float value) noexcept {
    const uint32_t bits = floatBits(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u) // NaN: truncate, force quiet
        return static_cast<uint16_t>((bits >> 16) | 0x0040);
    const uint32_t odd = (bits >> 16) & 1;
    return static_cast<uint16_t>((bits + 0x7FFFu + odd) >> 16);
}

void halfToFloat(const uint8_t* src, float* dst, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        dst[i] = halfToFloat(load16(src + 2 * i));
}

void floatToHalf(const float* src, uint8_t* dst, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        store16(dst + 2 * i, floatToHalf(src[i]));
}

void bfloat16ToFloat(const uint8_t* src, float* dst, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        dst[i] = bfloat16ToFloat(load16(src + 2 * i));
}

void floatToBfloat16(const float* src, uint8_t* dst, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        store16(dst + 2 * i, floatToBfloat16(src[i]));
}

std::vector<float> toFloat32(DType dtype, const uint8_t* data, std::size_t count) {
    std::vector<float> out(count);
    switch (dtype) {
    case DType::F32:
        if (count)
            std::memcpy(out.data(), data, count * sizeof(float));
        return out;
    case DType::F64:
        for (std::size_t i = 0; i < count; ++i) {
            double v;
            std::memcpy(&v, data + 8 * i, sizeof v);
            out[i] = static_cast<float>(v);
        }
        return out;
    case DType::F16:
        halfToFloat(data, out.data(), count);
        return out;
    case DType::BF16:
        bfloat16ToFloat(data, out.data(), count);
        return out;
    default:
        throw Error(ErrorKind::InvalidInput, std::string("cannot read a ") + dtypeName(dtype) +
                                                 " tensor as floats: it is not a floating type");
    }
}

} // namespace unike::io
