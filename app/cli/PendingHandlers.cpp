// Handlers whose engine side is not built yet. Each says so plainly and fails,
// rather than pretending to work. A handler moves to its own file when its
// engine operation lands.
#include "Handlers.h"

#include <unike/Error.h>

namespace unike::cli {
namespace {

[[noreturn]] void notAvailable(const char* name) {
    throw Error(ErrorKind::Unsupported,
                std::string("'unike ") + name + "' is not available in this version yet");
}

} // namespace

int handleStates(const ParsedArgs&, CommandContext&) {
    notAvailable("states");
}

} // namespace unike::cli
