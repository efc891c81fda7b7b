#include "text/BpeTokenizer.h"

#include "text/ByteLevel.h"
#include "text/PreTokenizer.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <algorithm>
#include <cstdio>

namespace unike::text {
namespace {

BpeModel makeModel(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges,
                   const TokenizerConfig& config) {
    int unk = -1;
    if (!config.modelUnkToken.empty()) {
        const auto it = vocab.find(config.modelUnkToken);
        if (it == vocab.end())
            throw Error(ErrorKind::InvalidInput, "the model's unknown token '" +
                                                     config.modelUnkToken +
                                                     "' is not in the vocabulary");
        unk = it->second;
    }
    return BpeModel(std::move(vocab), std::move(merges), unk, config.ignoreMerges);
}

} // namespace

BpeTokenizer::BpeTokenizer(std::unordered_map<std::string, int> vocab, std::vector<Merge> merges,
                           TokenizerConfig config)
    : config_(std::move(config))
    , model_(makeModel(std::move(vocab), std::move(merges), config_)) {
    for (const AddedToken& token : config_.addedTokens)
        added_.add(token);
    // Special tokens are matched in the text even when only the vocabulary lists them.
    for (const std::string* name :
         {&config_.bosToken, &config_.eosToken, &config_.padToken, &config_.unkToken}) {
        if (name->empty() || added_.byContent(*name))
            continue;
        const int id = model_.tokenToId(*name);
        if (id >= 0 && !added_.byId(id))
            added_.add(AddedToken{*name, id, true});
    }
    bosId_ = resolve(config_.bosToken);
    eosId_ = resolve(config_.eosToken);
    padId_ = resolve(config_.padToken);
    unkId_ = resolve(config_.unkToken);
    for (auto [names, ids] : {std::pair{&config_.prefixTokens, &prefixIds_},
                              std::pair{&config_.suffixTokens, &suffixIds_}}) {
        for (const std::string& name : *names) {
            const int id = resolve(name);
            if (id < 0)
                throw Error(ErrorKind::InvalidInput, "the special token '" + name +
                                                         "' to add around the text is not in "
                                                         "the vocabulary");
            ids->push_back(id);
        }
    }
}

int BpeTokenizer::resolve(const std::string& token) const {
    if (token.empty())
        return -1;
    if (const AddedToken* added = added_.byContent(token))
        return added->id;
    return model_.tokenToId(token);
}

std::vector<int> BpeTokenizer::encode(std::string_view text, bool addSpecialTokens) const {
    const size_t bad = findInvalidUtf8(text);
    if (bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
        throw Error(ErrorKind::InvalidInput,
                    "the text is not valid UTF-8 (byte " + std::string(hex) + " at offset " +
                        std::to_string(bad) + "); convert it to UTF-8 first");
    }
    std::vector<int> ids;
    ids.reserve(text.size() / 3 + prefixIds_.size() + suffixIds_.size() + 1);
    if (addSpecialTokens)
        ids.insert(ids.end(), prefixIds_.begin(), prefixIds_.end());
    for (const AddedVocabulary::Segment& segment : added_.split(text)) {
        if (segment.id >= 0)
            ids.push_back(segment.id);
        else
            encodeText(segment.text, ids);
    }
    if (addSpecialTokens)
        ids.insert(ids.end(), suffixIds_.begin(), suffixIds_.end());
    return ids;
}

PromptAndAnswer BpeTokenizer::encodePromptAndAnswer(std::string_view prompt,
                                                    std::string_view answer,
                                                    bool addSpecialTokens) const {
    PromptAndAnswer out;
    if (!prompt.empty() || addSpecialTokens)
        out.promptIds = encode(prompt, addSpecialTokens);
    out.answerIds = encode(" " + std::string(answer), false);
    return out;
}

// Text between added tokens: ByteLevel's pre-tokenizer, then BPE on each word.
void BpeTokenizer::encodeText(std::string_view text, std::vector<int>& out) const {
    std::string prefixed;
    if (config_.addPrefixSpace && !text.empty() && text[0] != ' ') {
        prefixed = " " + std::string(text);
        text = prefixed;
    }
    if (!config_.useRegex) {
        if (!text.empty())
            model_.encodeWord(text, out);
        return;
    }
    for (std::string_view word : preTokenize(text))
        model_.encodeWord(word, out);
}

std::string BpeTokenizer::decodeBytes(const std::vector<int>& ids, bool skipSpecialTokens) const {
    std::string out;
    for (int id : ids) {
        if (const AddedToken* added = added_.byId(id)) {
            if (!(skipSpecialTokens && added->special))
                out += added->content;
            continue;
        }
        const std::string& piece = model_.idToToken(id);
        if (piece.empty())
            continue; // a padding row of the model's embedding, past the tokenizer
        // A piece outside ByteLevel's alphabet stands for its own text (tokenizers does so).
        if (!ByteLevel::decode(piece, out))
            out += piece;
    }
    return out;
}

std::string BpeTokenizer::decode(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return sanitizeUtf8(decodeBytes(ids, skipSpecialTokens));
}

std::string BpeTokenizer::tokenString(int id) const {
    return decodeBytes({id}, false);
}

std::string BpeTokenizer::tokenDisplay(int id) const {
    return sanitizeUtf8(tokenString(id));
}

std::string BpeTokenizer::idToToken(int id) const {
    if (const AddedToken* added = added_.byId(id))
        return added->content;
    return model_.idToToken(id);
}

int BpeTokenizer::tokenToId(std::string_view token) const {
    return resolve(std::string(token));
}

size_t BpeTokenizer::vocabSize() const {
    size_t size = model_.idCount();
    for (const AddedToken& token : added_.tokens())
        size = std::max(size, static_cast<size_t>(token.id) + 1);
    return size;
}

bool BpeTokenizer::isSpecial(int id) const {
    const AddedToken* added = added_.byId(id);
    return added && added->special;
}

} // namespace unike::text
