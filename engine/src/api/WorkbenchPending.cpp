// Facade operations whose engine side is being built. Each fails plainly.
// Entries leave this file as their implementations land.
#include "api/WorkbenchState.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>
#include <unike/Probes.h>
#include <unike/Workbench.h>

namespace unike {
namespace {

[[noreturn]] void pending(const char* what) {
    throw Error(ErrorKind::Unsupported, std::string(what) + " is not available in this build yet");
}

} // namespace

HiddenStates Workbench::captureStates(const StatesParams&, const Progress&) {
    pending("capturing hidden states");
}

const char* stateSpaceName(StateSpace) {
    return "raw";
}
StateSpace parseStateSpace(const std::string&) {
    pending("state spaces");
}
void writeHiddenStates(const HiddenStates&, const std::string&) {
    pending("writing states");
}
HiddenStates readHiddenStates(const std::string&) {
    pending("reading states");
}

} // namespace unike
