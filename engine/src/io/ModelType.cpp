#include "io/ModelType.h"

#include "io/ConfigJson.h"

namespace unike::io {

std::string readModelType(const std::string& jsonText, const std::string& sourceName,
                          const std::string& supported) {
    return modelTypeOf(parseConfigObject(jsonText, sourceName), sourceName, supported);
}

} // namespace unike::io
