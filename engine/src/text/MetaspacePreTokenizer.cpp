#include "text/MetaspacePreTokenizer.h"

#include "text/JsonFiles.h"
#include "text/LlamaJson.h"
#include "text/Utf8.h"

namespace unike::text {

using nlohmann::json;

MetaspacePreTokenizer::MetaspacePreTokenizer(std::string replacement, Prepend prepend, bool split)
    : replacement_(std::move(replacement))
    , prepend_(prepend)
    , split_(split) {}

MetaspacePreTokenizer MetaspacePreTokenizer::fromJson(const json& pre, const std::string& path) {
    const std::string type = componentType(pre, path, "pre_tokenizer");
    if (type == "Sequence") {
        const json& list = requireField(pre, "pretokenizers", path, "pre_tokenizer");
        if (!list.is_array() || list.size() != 1)
            throwUnsupported(path, "a pre_tokenizer Sequence of other than one Metaspace");
        return fromJson(list[0], path);
    }
    if (type != "Metaspace")
        throwUnsupported(path, "the pre_tokenizer " + type);
    const std::string replacement = requireString(pre, "replacement", path, "pre_tokenizer");
    if (replacement.empty() || utf8SequenceLength(replacement, 0) != replacement.size())
        throwMalformed(path, "pre_tokenizer.replacement is not one character");
    // tokenizers' defaults: prepend_scheme "always", split true. Older files have
    // add_prefix_space instead, where false means "never".
    Prepend prepend = Prepend::Always;
    const bool schemeGiven = pre.contains("prepend_scheme");
    if (schemeGiven) {
        const std::string scheme = requireString(pre, "prepend_scheme", path, "pre_tokenizer");
        if (scheme == "first")
            prepend = Prepend::First;
        else if (scheme == "never")
            prepend = Prepend::Never;
        else if (scheme != "always")
            throwMalformed(path, "pre_tokenizer.prepend_scheme '" + scheme +
                                     "' is not always, first or never");
    }
    if (pre.contains("add_prefix_space") && pre["add_prefix_space"] == false) {
        if (schemeGiven && prepend != Prepend::Never)
            throwMalformed(path, "pre_tokenizer.add_prefix_space is false but prepend_scheme is "
                                 "not never");
        prepend = Prepend::Never;
    }
    return MetaspacePreTokenizer(replacement, prepend, jsonFlag(pre, "split", true));
}

std::vector<NormalizedText> MetaspacePreTokenizer::apply(NormalizedText text,
                                                         bool prependAllowed) const {
    text.replaceAll(" ", replacement_);
    const bool startsWithReplacement =
        text.text().compare(0, replacement_.size(), replacement_) == 0;
    const bool prepend =
        prependAllowed && !startsWithReplacement &&
        (prepend_ == Prepend::Always || (prepend_ == Prepend::First && text.inputOffset() == 0));
    if (prepend)
        text.prepend(replacement_);
    if (split_)
        return text.splitBefore(replacement_);
    std::vector<NormalizedText> whole;
    if (!text.empty())
        whole.push_back(std::move(text));
    return whole;
}

} // namespace unike::text
