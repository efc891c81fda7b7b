#include "text/SentencePieceConverter.h"

#include "text/Utf8.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <tuple>

namespace unike::text {

std::unordered_map<std::string, int> sentencePieceVocab(const SentencePieceModelInfo& model) {
    std::unordered_map<std::string, int> vocab;
    vocab.reserve(model.pieces.size());
    for (size_t id = 0; id < model.pieces.size(); ++id)
        vocab.emplace(model.pieces[id].text, static_cast<int>(id));
    return vocab;
}

std::vector<Merge> sentencePieceMerges(const SentencePieceModelInfo& model) {
    const auto& pieces = model.pieces;
    std::unordered_map<std::string_view, int> ids;
    ids.reserve(pieces.size());
    for (size_t id = 0; id < pieces.size(); ++id)
        ids.emplace(pieces[id].text, static_cast<int>(id));

    struct Split {
        float score;
        int left, right; // the parts' ids
        int piece;
        size_t cut; // bytes of the left part
    };
    std::vector<Split> splits, local;
    for (size_t id = 0; id < pieces.size(); ++id) {
        const std::string_view text = pieces[id].text;
        float score = id < 3 ? 0.0f : pieces[id].score;
        if (std::isnan(score)) // Python would order NaN arbitrarily; put it last
            score = -std::numeric_limits<float>::infinity();
        local.clear();
        for (size_t cut = std::max<size_t>(1, utf8SequenceLength(text, 0)); cut < text.size();
             cut += std::max<size_t>(1, utf8SequenceLength(text, cut))) {
            const auto left = ids.find(text.substr(0, cut));
            const auto right = ids.find(text.substr(cut));
            if (left != ids.end() && right != ids.end())
                local.push_back(
                    Split{score, left->second, right->second, static_cast<int>(id), cut});
        }
        std::sort(local.begin(), local.end(), [](const Split& a, const Split& b) {
            return std::tie(a.left, a.right) < std::tie(b.left, b.right);
        });
        splits.insert(splits.end(), local.begin(), local.end());
    }
    std::stable_sort(splits.begin(), splits.end(),
                     [](const Split& a, const Split& b) { return a.score > b.score; });

    std::vector<Merge> merges;
    merges.reserve(splits.size());
    for (const Split& split : splits) {
        const std::string& text = pieces[static_cast<size_t>(split.piece)].text;
        merges.emplace_back(text.substr(0, split.cut), text.substr(split.cut));
    }
    return merges;
}

} // namespace unike::text
