// Placeholder until the analysis module lands: each projection fails plainly.
#include <unike/Error.h>
#include <unike/Projection.h>

namespace unike {
namespace {
[[noreturn]] void pending(const char* what) {
    throw Error(ErrorKind::Unsupported, std::string(what) + " is not available in this build yet");
}
} // namespace

Projection runTsne(const PointMatrix&, const TsneParams&, const Progress&) { pending("t-SNE"); }
Projection runPca(const PointMatrix&, int) { pending("PCA"); }
double trustworthiness(const PointMatrix&, const Projection&, int) { pending("trustworthiness"); }
PointMatrix readPointsCsv(const std::string&) { pending("reading points"); }

} // namespace unike
