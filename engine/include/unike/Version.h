#pragma once

namespace unike {

const char* versionString() noexcept; // "0.1.0"

} // namespace unike
