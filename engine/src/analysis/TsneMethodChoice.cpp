#include "analysis/TsneMethodChoice.h"

#include <unike/Error.h>

namespace unike::analysis {

TsneGradientKind chooseTsneGradient(const TsneParams& params, int rows, bool onCuda) {
    switch (params.method) {
    case TsneMethod::Exact:
        return TsneGradientKind::Exact;
    case TsneMethod::BarnesHut:
        if (params.components != 2)
            throw Error(ErrorKind::InvalidInput,
                        "t-SNE: Barnes-Hut embeds in 2 components only; use the exact method "
                        "for " +
                            std::to_string(params.components));
        return TsneGradientKind::BarnesHut;
    case TsneMethod::Auto:
        break;
    }
    // On the CPU the dense gradient is slower than the tree at every size worth
    // waiting for (docs/ARCHITECTURE.md, the analysis module).
    if (params.components != 2 || (onCuda && rows <= params.exactMaxPoints))
        return TsneGradientKind::Exact;
    return TsneGradientKind::BarnesHut;
}

} // namespace unike::analysis
