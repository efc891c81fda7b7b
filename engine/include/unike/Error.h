#pragma once
// The one exception type the engine throws. Every message is written for a person:
// it says what went wrong, with which input, and what to do about it.

#include <stdexcept>
#include <string>

namespace unike {

enum class ErrorKind {
    InvalidInput, // the caller passed something the engine cannot use (empty question, bad option)
    File,         // a file is missing, unreadable or malformed (image, checkpoint, JSON)
    Model,        // the model or its configuration cannot do what was asked
    Cancelled,    // the user cancelled a long operation; nothing was changed
    Unsupported,  // a feature or format this build does not handle
    Internal,     // a bug: an invariant of the engine was broken
};

const char* errorKindName(ErrorKind kind) noexcept;

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message);

    ErrorKind kind() const noexcept { return kind_; }
    bool isCancellation() const noexcept { return kind_ == ErrorKind::Cancelled; }

    static Error cancelled(const std::string& what = "the operation");

private:
    ErrorKind kind_;
};

} // namespace unike
