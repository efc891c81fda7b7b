// `unike tsne` and `unike pca`: project points (a states file or a CSV) to 2-D.
#include "Handlers.h"

#include <unike/Error.h>

namespace unike::cli {

int handleTsne(const ParsedArgs&, CommandContext&) {
    throw Error(ErrorKind::Unsupported, "'unike tsne' is not available in this version yet");
}
int handlePca(const ParsedArgs&, CommandContext&) {
    throw Error(ErrorKind::Unsupported, "'unike pca' is not available in this version yet");
}

} // namespace unike::cli
