#pragma once
// Splitting one tokenization of "prompt answer" where the answer's tokens start, shared by the
// SentencePiece-style tokenizers (whose answer owns the "▁" of the space before it).

#include "text/NormalizedText.h"
#include "text/TextTokenizer.h"

#include <vector>

namespace unike::text {

// Token ids with the input bytes each one stands for.
struct SpannedIds {
    std::vector<int> ids;
    std::vector<Span> spans;
    void push(int id, Span span) {
        ids.push_back(id);
        spans.push_back(span);
    }
};

// The answer starts at the last token that holds the separating space (input byte
// `separator`): "▁blue" in "▁Q:▁blue", and after an added token in the legacy form, where a
// lone prepended "▁" and "▁blue" both stand for that space, "▁blue". A token that also holds
// the prompt's own trailing space ("▁▁") goes to the answer. prefix and suffix are the special
// tokens put around the text.
PromptAndAnswer splitPromptAndAnswer(const SpannedIds& text, size_t separator,
                                     const std::vector<int>& prefix,
                                     const std::vector<int>& suffix);

} // namespace unike::text
