#pragma once
// Which gradient runTsne uses: TsneParams::method, with Auto resolved by the
// device and the point count.

#include <unike/Projection.h>

namespace unike::analysis {

enum class TsneGradientKind { Exact, BarnesHut };

// Throws Error(InvalidInput) for Barnes-Hut in other than 2 components.
TsneGradientKind chooseTsneGradient(const TsneParams& params, int rows, bool onCuda);

} // namespace unike::analysis
