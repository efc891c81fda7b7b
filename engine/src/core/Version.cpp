#include <unike/Version.h>

#ifndef UNIKE_VERSION
#define UNIKE_VERSION "0.0.0"
#endif

namespace unike {

const char* versionString() noexcept {
    return UNIKE_VERSION;
}

} // namespace unike
