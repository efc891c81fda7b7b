#include "SentencePieceOracle.h"

#include "text/SentencePieceModelProto.h"

#include <sentencepiece_processor.h>

#include <stdexcept>

namespace {

const std::string kSpace = "\xE2\x96\x81"; // ▁

std::unique_ptr<sentencepiece::SentencePieceProcessor> load(const std::string& bytes) {
    auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
    const auto status = processor->LoadFromSerializedProto(bytes);
    if (!status.ok())
        throw std::runtime_error("sentencepiece cannot load the model: " + status.ToString());
    return processor;
}

} // namespace

SentencePieceOracle::SentencePieceOracle(const std::string& model, std::map<std::string, int> added)
    : model_(load(model))
    , continuation_(load(unike::text::withoutDummyPrefix(model)))
    , added_(std::move(added)) {}

SentencePieceOracle::~SentencePieceOracle() = default;

bool SentencePieceOracle::accepts(const std::string& model) {
    sentencepiece::SentencePieceProcessor processor;
    return processor.LoadFromSerializedProto(model).ok();
}

std::vector<int> SentencePieceOracle::encode(std::string_view text, Prefix prefix) const {
    std::vector<int> ids;
    auto encodePiece = [&](std::string_view piece, size_t offset) {
        if (piece.empty())
            return;
        bool prefixed = prefix == Prefix::Legacy;
        if (prefix == Prefix::First)
            prefixed = offset == 0 && piece[0] != ' ' && piece.substr(0, kSpace.size()) != kSpace;
        std::vector<int> pieceIds;
        const auto status = (prefixed ? *model_ : *continuation_).Encode(piece, &pieceIds);
        if (!status.ok())
            throw std::runtime_error("sentencepiece cannot encode: " + status.ToString());
        ids.insert(ids.end(), pieceIds.begin(), pieceIds.end());
    };
    // The added tokens first: the leftmost match, the longest one there.
    size_t done = 0;
    for (size_t pos = 0; pos < text.size();) {
        const std::string* match = nullptr;
        int matchId = -1;
        for (const auto& [content, id] : added_)
            if (text.substr(pos, content.size()) == content &&
                (!match || content.size() > match->size())) {
                match = &content;
                matchId = id;
            }
        if (!match) {
            ++pos;
            continue;
        }
        encodePiece(text.substr(done, pos - done), done);
        ids.push_back(matchId);
        pos = done = pos + match->size();
    }
    encodePiece(text.substr(done), done);
    return ids;
}
