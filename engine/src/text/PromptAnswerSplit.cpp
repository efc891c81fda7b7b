#include "text/PromptAnswerSplit.h"

namespace unike::text {

PromptAndAnswer splitPromptAndAnswer(const SpannedIds& text, size_t separator,
                                     const std::vector<int>& prefix,
                                     const std::vector<int>& suffix) {
    size_t start = text.ids.size();
    for (size_t i = 0; i < text.spans.size(); ++i)
        if (text.spans[i].first <= separator && separator < text.spans[i].second)
            start = i;
    if (start == text.ids.size()) // the space made no token (no "▁" and no unknown token)
        for (start = 0; start < text.ids.size() && text.spans[start].first <= separator;)
            ++start;
    PromptAndAnswer out;
    out.promptIds = prefix;
    out.promptIds.insert(out.promptIds.end(), text.ids.begin(), text.ids.begin() + start);
    out.answerIds.assign(text.ids.begin() + start, text.ids.end());
    out.answerIds.insert(out.answerIds.end(), suffix.begin(), suffix.end());
    return out;
}

} // namespace unike::text
