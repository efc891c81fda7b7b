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

PreparationInfo Workbench::prepare(const PrepareParams&, const Progress&) { pending("prepare"); }
bool Workbench::isPrepared() const { return false; }
const PreparationInfo& Workbench::preparation() const { pending("preparation"); }
void Workbench::restoreEdit(int) { pending("restoring an edit"); }
std::vector<ProbeOutcome> Workbench::checkProbes(const std::vector<Probe>&,
                                                 const GenerationParams&, const Progress&) const {
    pending("checking probes");
}
HiddenStates Workbench::captureStates(const StatesParams&, const Progress&) {
    pending("capturing hidden states");
}
SessionInfo Workbench::saveSession(const SessionSaveParams&) const { pending("saving a session"); }
SessionInfo Workbench::loadSession(const std::string&, const Progress&) {
    pending("loading a session");
}

std::string Probe::metric() const { return kind; }
std::vector<Probe> localityProbes(const std::string&, const std::string&, size_t) {
    pending("locality probes");
}
std::vector<std::string> suggestRephrasings(const std::string&) { return {}; }
const char* stateSpaceName(StateSpace) { return "raw"; }
StateSpace parseStateSpace(const std::string&) { pending("state spaces"); }
void writeHiddenStates(const HiddenStates&, const std::string&) { pending("writing states"); }
HiddenStates readHiddenStates(const std::string&) { pending("reading states"); }

} // namespace unike
