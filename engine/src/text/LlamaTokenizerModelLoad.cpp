// LlamaTokenizer's loader for a folder that holds tokenizer.model but no tokenizer.json (Vicuna
// v0, MiniGPT-4). transformers' LlamaTokenizerFast converts such a model with LlamaConverter;
// this builds the same tokenizer from the model file, read with SentencePieceModelProto (no
// libsentencepiece: its bundled protobuf crashes any process that also loads LibTorch).
#include "text/JsonFiles.h"
#include "text/LlamaTokenizer.h"
#include "text/LlamaTokenizerSettings.h"
#include "text/SentencePieceConverter.h"
#include "text/SentencePieceModelProto.h"

#include <unike/Error.h>

#include <filesystem>
#include <tuple>

namespace unike::text {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void unsupported(const std::string& path, const std::string& what) {
    throw Error(ErrorKind::Unsupported,
                path + " " + what +
                    ", which transformers does not tokenize as sentencepiece does; UniKE reads "
                    "LLaMA-style SentencePiece BPE models (identity normalization, spaces kept)");
}

// LlamaConverter keeps none of sentencepiece's normalization but the dummy prefix and the "▁"
// for spaces, so only models without any tokenize as sentencepiece does.
void requireLlamaStyle(const SentencePieceModelInfo& info, const std::string& path) {
    if (info.modelType != 2)
        unsupported(path,
                    std::string("is a ") + (info.modelType == 1 ? "unigram" : "word or character") +
                        " model (trainer_spec.model_type " + std::to_string(info.modelType) + ")");
    if (info.hasCharsMap)
        unsupported(path, "normalizes text with the rule '" + info.normalizerName +
                              "' (normalizer_spec.precompiled_charsmap)");
    if (info.removeExtraWhitespaces)
        unsupported(path, "collapses runs of spaces (normalizer_spec.remove_extra_whitespaces)");
    if (!info.addDummyPrefix || !info.escapeWhitespaces || info.treatWhitespaceAsSuffix)
        unsupported(path, "marks spaces in its own way (normalizer_spec.add_dummy_prefix, "
                          "escape_whitespaces or trainer_spec.treat_whitespace_as_suffix)");
}

} // namespace

LlamaTokenizer LlamaTokenizer::fromTokenizerModel(const std::string& path) {
    const SentencePieceModelInfo model = readSentencePieceModel(readTextFile(path), path);
    requireLlamaStyle(model, path);
    const std::string dir = fs::path(path).parent_path().string();
    const LlamaTokenizerSettings settings = LlamaTokenizerSettings::read(dir, true);

    LlamaTokenizerConfig config;
    // LlamaConverter's BPE: byte fallback whatever the model says, consecutive unknown
    // characters fused into one <unk> (the piece sentencepiece marks as the unknown one).
    config.bpe = ByteFallbackBpeOptions{{}, true, true, false};
    for (size_t id = 0; id < model.pieces.size(); ++id) {
        const SentencePieceModelInfo::Piece& piece = model.pieces[id];
        if (piece.type == SentencePieceModelInfo::Unknown)
            config.bpe.unkToken = piece.text;
        // Control pieces are special added tokens, user-defined ones plain added tokens; both
        // are matched in the raw text (normalized false).
        if (piece.type == SentencePieceModelInfo::Control ||
            piece.type == SentencePieceModelInfo::UserDefined)
            config.addedTokens.push_back(AddedToken{piece.text, static_cast<int>(id),
                                                    piece.type == SentencePieceModelInfo::Control});
    }
    config.addedTokens.insert(config.addedTokens.end(), settings.added.begin(),
                              settings.added.end());
    config.useLlamaConverter(settings.legacy, settings.addPrefixSpace.value_or(true));
    // LlamaTokenizerFast's names for the special tokens the files do not name.
    config.bosToken = settings.bos.value_or("<s>");
    config.eosToken = settings.eos.value_or("</s>");
    config.unkToken = settings.unk.value_or("<unk>");
    config.padToken = settings.pad.value_or("");
    config.extraSpecialTokens = settings.extraSpecial;
    config.cleanUpSpaces = settings.cleanUpSpaces;
    const auto added =
        settings.specialsAdded().value_or(LlamaTokenizerSettings::Specials{true, false});
    config.prefixTokens.clear();
    config.suffixTokens.clear();
    for (auto [wanted, name, list, flag] :
         {std::tuple{added.bos, &config.bosToken, &config.prefixTokens, "add_bos_token"},
          std::tuple{added.eos, &config.eosToken, &config.suffixTokens, "add_eos_token"}}) {
        if (!wanted)
            continue;
        if (name->empty())
            throw Error(ErrorKind::File, dir + ": " + flag +
                                             " is true but tokenizer_config.json names no "
                                             "such token");
        list->push_back(*name);
    }

    try {
        return LlamaTokenizer(sentencePieceVocab(model), sentencePieceMerges(model),
                              std::move(config));
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::InvalidInput)
            throw;
        throw Error(ErrorKind::File, dir +
                                         "'s tokenizer_config.json, special_tokens_map.json or "
                                         "added_tokens.json do not fit " +
                                         path + ": " + e.what());
    }
}

} // namespace unike::text
