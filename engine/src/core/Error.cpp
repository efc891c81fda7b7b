#include <unike/Error.h>

namespace unike {

const char* errorKindName(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::InvalidInput:
        return "invalid input";
    case ErrorKind::File:
        return "file error";
    case ErrorKind::Model:
        return "model error";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Unsupported:
        return "unsupported";
    case ErrorKind::Internal:
        return "internal error";
    }
    return "error";
}

Error::Error(ErrorKind kind, const std::string& message)
    : std::runtime_error(message)
    , kind_(kind) {}

Error Error::cancelled(const std::string& what) {
    return Error(ErrorKind::Cancelled, what + " was cancelled; nothing was changed");
}

} // namespace unike
