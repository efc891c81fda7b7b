#pragma once
// tokenizers' Metaspace pre-tokenizer, as the newer LLaMA tokenizer.json uses it: spaces
// become "▁", a "▁" is put in front by the prepend scheme, and with split the text is cut
// before every "▁".

#include "text/NormalizedText.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace unike::text {

class MetaspacePreTokenizer {
public:
    enum class Prepend { Always, First, Never };

    // The tokenizer.json "pre_tokenizer" object (a Metaspace, possibly alone in a Sequence).
    // Throws unike::Error(Unsupported) naming path and the pre-tokenizer for any other,
    // (File) for a malformed one.
    static MetaspacePreTokenizer fromJson(const nlohmann::json& preTokenizer,
                                          const std::string& path);
    MetaspacePreTokenizer(std::string replacement, Prepend prepend, bool split);

    // prependAllowed false: the text continues an earlier piece, so nothing is put in front.
    std::vector<NormalizedText> apply(NormalizedText text, bool prependAllowed = true) const;

    const std::string& replacement() const { return replacement_; }
    Prepend prepend() const { return prepend_; }

private:
    std::string replacement_;
    Prepend prepend_;
    bool split_;
};

} // namespace unike::text
