#pragma once
// Element types of checkpoint tensors, their safetensors names, and portable conversions
// between the 16-bit floating formats and float. The conversions are bit-exact (no FPU
// rounding-mode dependence), so a saved checkpoint is the same on every machine.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace unike::io {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

// Bytes per element.
std::size_t dtypeSize(DType dtype) noexcept;

// "F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL".
const char* dtypeName(DType dtype) noexcept;

// The inverse of dtypeName. Throws Error(File) for a name this build cannot read.
DType parseDType(const std::string& name);

bool isFloatingPoint(DType dtype) noexcept;

// Scalar conversions. Float to half/bfloat16 rounds to nearest, ties to even; values too large
// become infinities, NaN stays NaN (quiet), tiny values become subnormals or signed zeros.
float halfToFloat(uint16_t half) noexcept;
uint16_t floatToHalf(float value) noexcept;
float bfloat16ToFloat(uint16_t bf16) noexcept;
uint16_t floatToBfloat16(float value) noexcept;

// Whole-buffer conversions. The 16-bit side is raw little-endian bytes that need not be
// aligned (a tensor inside a memory-mapped file may start at any byte).
void halfToFloat(const uint8_t* src, float* dst, std::size_t count) noexcept;
void floatToHalf(const float* src, uint8_t* dst, std::size_t count) noexcept;
void bfloat16ToFloat(const uint8_t* src, float* dst, std::size_t count) noexcept;
void floatToBfloat16(const float* src, uint8_t* dst, std::size_t count) noexcept;

// Reads `count` elements of a floating dtype (F64, F32, F16, BF16) as floats.
// Throws Error(InvalidInput) for an integer or bool dtype.
std::vector<float> toFloat32(DType dtype, const uint8_t* data, std::size_t count);

} // namespace unike::io
