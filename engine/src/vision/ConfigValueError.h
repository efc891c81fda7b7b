#pragma once
// The one message for a bad value in an image processor config, and its largest side, shared
// by the JSON reader and ImageProcessorConfig::validate so both say the same thing.

#include <unike/Error.h>

#include <string>

namespace unike::vision {

// The largest side accepted for a size or crop: far above any real vision encoder, low enough
// that a typo cannot ask for gigabytes.
constexpr int kMaxConfigSide = 8192;

[[noreturn]] inline void throwBadConfigValue(const std::string& source, const std::string& field,
                                             const std::string& what) {
    throw Error(ErrorKind::InvalidInput, "In " + source + ", \"" + field + "\" " + what +
                                             ". Fix that field or delete it to use the default.");
}

} // namespace unike::vision
