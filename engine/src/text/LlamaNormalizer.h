#pragma once
// The normalizers LLaMA's tokenizer.json uses: a Sequence of Prepend and Replace (of a fixed
// string). The legacy form is Sequence[Prepend("▁"), Replace(" ", "▁")]; the newer form has
// none (its Metaspace pre-tokenizer does the same job).

#include "text/NormalizedText.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace unike::text {

class LlamaNormalizer {
public:
    // The tokenizer.json "normalizer" value (null: none). Throws unike::Error(Unsupported)
    // naming path and the normalizer for anything else, (File) for a malformed one.
    static LlamaNormalizer fromJson(const nlohmann::json& normalizer, const std::string& path);
    // What transformers' LlamaConverter writes for a legacy tokenizer.
    static LlamaNormalizer legacyLlama(bool addPrefixSpace);

    // prependAllowed false: the text continues an earlier piece, so Prepend steps are skipped.
    void apply(NormalizedText& text, bool prependAllowed = true) const;
    bool empty() const { return steps_.empty(); }

private:
    struct Step {
        bool prepend; // else Replace
        std::string pattern, content;
    };
    void read(const nlohmann::json& normalizer, const std::string& path);

    std::vector<Step> steps_;
};

} // namespace unike::text
