#include "text/LlamaNormalizer.h"

#include "text/JsonFiles.h"
#include "text/LlamaJson.h"

namespace unike::text {

using nlohmann::json;

LlamaNormalizer LlamaNormalizer::fromJson(const json& normalizer, const std::string& path) {
    LlamaNormalizer out;
    if (!normalizer.is_null())
        out.read(normalizer, path);
    return out;
}

LlamaNormalizer LlamaNormalizer::legacyLlama(bool addPrefixSpace) {
    LlamaNormalizer out;
    if (addPrefixSpace)
        out.steps_.push_back({true, "", kMetaspace});
    out.steps_.push_back({false, " ", kMetaspace});
    return out;
}

void LlamaNormalizer::read(const json& normalizer, const std::string& path) {
    const std::string type = componentType(normalizer, path, "normalizer");
    if (type == "Sequence") {
        const json& list = requireField(normalizer, "normalizers", path, "normalizer");
        if (!list.is_array())
            throwMalformed(path, "normalizer.normalizers is not a list");
        for (const json& item : list)
            read(item, path);
    } else if (type == "Prepend") {
        steps_.push_back({true, "", requireString(normalizer, "prepend", path, "normalizer")});
    } else if (type == "Replace") {
        const std::string pattern = stringPattern(normalizer, path, "normalizer");
        steps_.push_back(
            {false, pattern, requireString(normalizer, "content", path, "normalizer Replace")});
    } else {
        throwUnsupported(path, "the normalizer " + type);
    }
}

void LlamaNormalizer::apply(NormalizedText& text, bool prependAllowed) const {
    for (const Step& step : steps_) {
        if (!step.prepend)
            text.replaceAll(step.pattern, step.content);
        else if (prependAllowed)
            text.prepend(step.content);
    }
}

} // namespace unike::text
