#include "text/LlamaTokenizer.h"

#include "text/LlamaJson.h"
#include "text/TokenizerText.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <algorithm>

namespace unike::text {

void LlamaTokenizerConfig::useLlamaConverter(bool legacy, bool addPrefixSpace) {
    if (legacy) {
        normalizer = LlamaNormalizer::legacyLlama(addPrefixSpace);
        preTokenizer.reset();
    } else {
        normalizer = LlamaNormalizer();
        preTokenizer = MetaspacePreTokenizer(kMetaspace,
                                             addPrefixSpace ? MetaspacePreTokenizer::Prepend::First
                                                            : MetaspacePreTokenizer::Prepend::Never,
                                             false);
    }
    decoder = LlamaTokenDecoder::llama(addPrefixSpace);
}

LlamaTokenizer::LlamaTokenizer(std::unordered_map<std::string, int> vocab,
                               const std::vector<Merge>& merges, LlamaTokenizerConfig config)
    : config_(std::move(config))
    , model_(std::move(vocab), merges, config_.bpe) {
    for (const AddedToken& token : config_.addedTokens)
        added_.add(token);
    // Special tokens are matched in the text even when only the vocabulary lists them.
    std::vector<const std::string*> specials = {&config_.bosToken, &config_.eosToken,
                                                &config_.unkToken, &config_.padToken};
    for (const std::string& name : config_.extraSpecialTokens)
        specials.push_back(&name);
    for (const std::string* name : specials) {
        if (name->empty() || added_.byContent(*name))
            continue;
        const int id = model_.tokenToId(*name);
        if (id >= 0 && !added_.byId(id))
            added_.add(AddedToken{*name, id, true});
    }
    for (AddedToken token : added_.tokens()) {
        if (!token.normalized) {
            beforeNormalize_.add(token);
            continue;
        }
        // tokenizers normalizes the content of a normalized token and matches that.
        NormalizedText content(token.content, 0);
        config_.normalizer.apply(content);
        if (content.empty())
            continue;
        token.content = content.text();
        token.normalized = false; // AddedVocabulary's first pass, over the normalized text
        afterNormalize_.add(token);
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

int LlamaTokenizer::resolve(const std::string& token) const {
    if (token.empty())
        return -1;
    if (const AddedToken* added = added_.byContent(token))
        return added->id;
    return model_.tokenToId(token);
}

std::vector<int> LlamaTokenizer::encode(std::string_view text, bool addSpecialTokens) const {
    requireValidUtf8(text);
    std::vector<int> ids;
    if (addSpecialTokens)
        ids = prefixIds_;
    const SpannedIds body = encodeText(text, false);
    ids.insert(ids.end(), body.ids.begin(), body.ids.end());
    if (addSpecialTokens)
        ids.insert(ids.end(), suffixIds_.begin(), suffixIds_.end());
    return ids;
}

PromptAndAnswer LlamaTokenizer::encodePromptAndAnswer(std::string_view prompt,
                                                      std::string_view answer,
                                                      bool addSpecialTokens) const {
    requireValidUtf8(prompt);
    requireValidUtf8(answer);
    static const std::vector<int> none;
    const std::vector<int>& prefix = addSpecialTokens ? prefixIds_ : none;
    const std::vector<int>& suffix = addSpecialTokens ? suffixIds_ : none;
    std::string text(prompt);
    text += ' ';
    text += answer;
    if (prompt.empty())
        return splitPromptAndAnswer(encodeText(text, true), 0, prefix, suffix);
    return splitPromptAndAnswer(encodeText(text, false), prompt.size(), prefix, suffix);
}

// tokenizers' order: added tokens that are not normalized are split out of the raw text; each
// piece between them is normalized, normalized added tokens are split out of it, and what is
// left is pre-tokenized and given to the model.
SpannedIds LlamaTokenizer::encodeText(std::string_view text, bool continuesText) const {
    SpannedIds out;
    for (const AddedVocabulary::Segment& segment : beforeNormalize_.split(text)) {
        const size_t offset = static_cast<size_t>(segment.text.data() - text.data());
        if (segment.id >= 0) {
            out.push(segment.id, {offset, offset + segment.text.size()});
            continue;
        }
        NormalizedText normalized(segment.text, offset);
        config_.normalizer.apply(normalized, !(continuesText && offset == 0));
        const std::string& normal = normalized.text();
        for (const AddedVocabulary::Segment& part : afterNormalize_.split(normal)) {
            const size_t begin = static_cast<size_t>(part.text.data() - normal.data());
            const NormalizedText piece = normalized.slice(begin, begin + part.text.size());
            if (part.id >= 0)
                out.push(part.id, piece.inputSpan(0, part.text.size()));
            else
                encodeSegment(piece, !(continuesText && piece.inputOffset() == 0), out);
        }
    }
    return out;
}

void LlamaTokenizer::encodeSegment(const NormalizedText& segment, bool prependAllowed,
                                   SpannedIds& out) const {
    std::vector<NormalizedText> words;
    if (config_.preTokenizer)
        words = config_.preTokenizer->apply(segment, prependAllowed);
    else if (!segment.empty())
        words.push_back(segment);
    std::vector<ByteFallbackBpe::Token> tokens;
    for (const NormalizedText& word : words) {
        tokens.clear();
        model_.encodeWord(word.text(), tokens);
        for (const ByteFallbackBpe::Token& token : tokens)
            out.push(token.id, word.inputSpan(token.begin, token.end));
    }
}

std::vector<std::string> LlamaTokenizer::tokensOf(const std::vector<int>& ids,
                                                  bool skipSpecialTokens) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (int id : ids) {
        if (const AddedToken* added = added_.byId(id)) {
            if (!(skipSpecialTokens && added->special))
                tokens.push_back(added->content);
            continue;
        }
        const std::string& piece = model_.idToToken(id);
        if (!piece.empty()) // else a padding row of the model's embedding, past the tokenizer
            tokens.push_back(piece);
    }
    return tokens;
}

std::string LlamaTokenizer::decode(const std::vector<int>& ids, bool skipSpecialTokens) const {
    std::string text = config_.decoder.decode(tokensOf(ids, skipSpecialTokens), false);
    // A decoder without ByteFallback leaves the text as the tokens spell it; keep it valid.
    text = sanitizeUtf8(text);
    return config_.cleanUpSpaces ? cleanUpTokenizationSpaces(std::move(text)) : text;
}

std::string LlamaTokenizer::decodeBytes(const std::vector<int>& ids, bool skipSpecialTokens) const {
    std::string text = config_.decoder.decode(tokensOf(ids, skipSpecialTokens), true);
    return config_.cleanUpSpaces ? cleanUpTokenizationSpaces(std::move(text)) : text;
}

std::string LlamaTokenizer::tokenDisplay(int id) const {
    if (const AddedToken* added = added_.byId(id))
        return added->content;
    const std::string& piece = model_.idToToken(id);
    return piece.empty() ? std::string() : sanitizeUtf8(config_.decoder.decodeToken(piece));
}

std::string LlamaTokenizer::idToToken(int id) const {
    if (const AddedToken* added = added_.byId(id))
        return added->content;
    return model_.idToToken(id);
}

int LlamaTokenizer::tokenToId(std::string_view token) const {
    return resolve(std::string(token));
}

size_t LlamaTokenizer::vocabSize() const {
    size_t size = model_.idCount();
    for (const AddedToken& token : added_.tokens())
        size = std::max(size, static_cast<size_t>(token.id) + 1);
    return size;
}

bool LlamaTokenizer::isSpecial(int id) const {
    const AddedToken* added = added_.byId(id);
    return added && added->special;
}

} // namespace unike::text
