// LLaMA's tokenizer against ids from sentencepiece (tests/text/fixtures/llama, written by
// make_llama_tokenizer_fixture.py, which explains how each variant's ids were made), and
// against libsentencepiece itself (SentencePieceOracle), which only this test links.
//
// The legacy tokenizer.json and tokenizer.model must give sentencepiece's ids with the added
// tokens split out first. The engine reads tokenizer.model without libsentencepiece (its
// bundled protobuf crashes any process that also loads LibTorch), converting it to a BPE as
// transformers' LlamaConverter does; the oracle checks that conversion on the fixture's and on
// random strings. The Metaspace forms differ from legacy only where the fixture says:
// a piece that follows an added token gets no "▁" with prepend_scheme "first" (legacy
// prepends one to every piece), a leading space is not doubled ("▁x", legacy "▁▁x"), and with
// split true whitespace pieces cannot merge across a "▁".
#include "Fixtures.h"
#include "SentencePieceOracle.h"
#include "text/BpeTokenizer.h"
#include "text/LlamaJson.h"
#include "text/LlamaTokenizer.h"
#include "text/SentencePieceConverter.h"
#include "text/SentencePieceModelProto.h"
#include "text/TextTokenizer.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

using nlohmann::json;
using unike::Error;
using unike::ErrorKind;
using unike::text::BpeTokenizer;
using unike::text::LlamaTokenizer;
using unike::text::TextTokenizer;

namespace {

const std::string kFixtures = UNIKE_SOURCE_DIR "/tests/text/fixtures/llama";
const std::string kSpace = "\xE2\x96\x81"; // ▁

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

json readJson(const std::string& path) {
    return json::parse(readFile(path));
}

void writeJson(const std::string& path, const json& value) {
    fixtures::writeFile(path, value.dump());
}

QString idList(const std::vector<int>& ids) {
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return "[" + parts.join(", ") + "]";
}

QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

struct Expected {
    std::vector<std::string> strings;
    std::map<std::string, std::vector<std::vector<int>>> ids; // variant -> per string
    int imageId = -1;
    int vocabSize = 0;
    json pieces;
};

const Expected& expected() {
    static const Expected e = [] {
        const json j = readJson(kFixtures + "/expected.json");
        Expected out;
        out.strings = j["strings"].get<std::vector<std::string>>();
        out.imageId = j["image_id"].get<int>();
        out.vocabSize = j["vocab_size"].get<int>();
        out.pieces = j["pieces"];
        const auto legacy = j["ids"]["legacy"].get<std::vector<std::vector<int>>>();
        for (const auto& [name, list] : j["ids"].items()) {
            auto& ids = out.ids[name];
            for (size_t i = 0; i < list.size(); ++i)
                ids.push_back(list[i].is_null() ? legacy[i] : list[i].get<std::vector<int>>());
        }
        return out;
    }();
    return e;
}

json imageToken(int id) {
    return {{"id", id},        {"content", "<image>"}, {"single_word", false}, {"lstrip", false},
            {"rstrip", false}, {"normalized", false},  {"special", true}};
}

// A folder holding one variant of the fixture's tokenizer.json and its tokenizer_config.json.
// change edits the tokenizer.json, config the tokenizer_config.json (null: no such file).
template <typename Change = void (*)(json&)>
std::string variantFolder(
    const QTemporaryDir& dir, const std::string& variant, Change change = [](json&) {}) {
    const bool legacy = variant.rfind("legacy", 0) == 0;
    const std::string source = kFixtures + (legacy ? "/legacy" : "/metaspace");
    json tokenizer = readJson(source + "/tokenizer.json");
    if (variant == "legacy_image")
        tokenizer["added_tokens"].push_back(imageToken(expected().imageId));
    if (variant == "metaspace_first_split")
        tokenizer["pre_tokenizer"]["split"] = true;
    if (variant == "metaspace_always")
        tokenizer["pre_tokenizer"]["prepend_scheme"] = "always";
    if (variant == "metaspace_never")
        tokenizer["pre_tokenizer"]["prepend_scheme"] = "never";
    change(tokenizer);
    const std::string folder = dir.path().toStdString();
    writeJson(folder + "/tokenizer.json", tokenizer);
    fixtures::writeFile(folder + "/tokenizer_config.json",
                        readFile(source + "/tokenizer_config.json"));
    return folder;
}

void setConfig(const std::string& folder, const json& changes) {
    const std::string path = folder + "/tokenizer_config.json";
    json config = readJson(path);
    config.update(changes);
    writeJson(path, config);
}

// A folder with tokenizer.model alone, as Vicuna v0 and MiniGPT-4 ship it.
std::string modelFolder(const QTemporaryDir& dir, const std::string& model) {
    const std::string folder = dir.path().toStdString();
    fixtures::writeFile(folder + "/tokenizer.model", model);
    return folder;
}

std::string modelFolder(const QTemporaryDir& dir) {
    return modelFolder(dir, readFile(kFixtures + "/tokenizer.model"));
}

// What loadTokenizer gives for a folder with tokenizer.model and no tokenizer.json.
LlamaTokenizer fromModel(const std::string& folder) {
    return LlamaTokenizer::fromTokenizerModel(folder + "/tokenizer.model");
}

// libsentencepiece on the fixture's model, with <unk>, <s>, </s> (and <image>) split out.
SentencePieceOracle oracle(bool withImage) {
    std::map<std::string, int> added = {{"<unk>", 0}, {"<s>", 1}, {"</s>", 2}};
    if (withImage)
        added["<image>"] = expected().imageId;
    return SentencePieceOracle(readFile(kFixtures + "/tokenizer.model"), added);
}

template <typename F>
void expectError(F f, ErrorKind kind, const QStringList& fragments) {
    try {
        f();
        QFAIL("expected an error");
    } catch (const Error& e) {
        QVERIFY2(e.kind() == kind, e.what());
        for (const QString& fragment : fragments)
            QVERIFY2(QString(e.what()).contains(fragment), e.what());
    }
}

bool hasAddedTokenText(const std::string& s) {
    for (const char* t : {"<s>", "</s>", "<unk>", "<image>"})
        if (s.find(t) != std::string::npos)
            return true;
    return false;
}

void checkAllStrings(const TextTokenizer& tokenizer, const std::string& variant) {
    const Expected& e = expected();
    const auto& ids = e.ids.at(variant);
    for (size_t i = 0; i < e.strings.size(); ++i) {
        const std::vector<int> got = tokenizer.encode(e.strings[i], false);
        QVERIFY2(got == ids[i], qPrintable(QString("%1, string %2 '%3': got %4, want %5")
                                               .arg(QString::fromStdString(variant))
                                               .arg(i)
                                               .arg(QString::fromStdString(e.strings[i]))
                                               .arg(idList(got), idList(ids[i]))));
        std::vector<int> withBos{1};
        withBos.insert(withBos.end(), ids[i].begin(), ids[i].end());
        QCOMPARE(idList(tokenizer.encode(e.strings[i], true)), idList(withBos));
    }
}

// Prompts and answers whose joined text the fixture's strings and the answers cover.
std::vector<std::pair<std::string, std::string>> promptAnswerPairs() {
    std::vector<std::pair<std::string, std::string>> pairs;
    const std::vector<std::string> answers = {
        "blue", "red heart", "ζ",     "Ω ß",       "42", "  spaced",     "",        "<image>",
        "</s>", "你好",      "😀 yes", "\nnewline", "▁",  "café au lait", "The sky."};
    const auto& strings = expected().strings;
    for (size_t i = 0; i < strings.size(); i += 3)
        for (size_t a = i % 5; a < answers.size(); a += 5)
            pairs.emplace_back(strings[i], answers[a]);
    for (const std::string& prompt :
         {std::string("What colour is the sky?"),
          std::string("USER: <image>\nWhat colour? ASSISTANT:"), std::string("USER: <image>"),
          std::string("Q: "), std::string("ends in space "), std::string("<s>")})
        for (const std::string& answer : answers)
            pairs.emplace_back(prompt, answer);
    return pairs;
}

void checkPromptAndAnswer(const TextTokenizer& tokenizer) {
    for (const auto& [prompt, answer] : promptAnswerPairs()) {
        for (bool special : {false, true}) {
            const auto split = tokenizer.encodePromptAndAnswer(prompt, answer, special);
            std::vector<int> joined = split.promptIds;
            joined.insert(joined.end(), split.answerIds.begin(), split.answerIds.end());
            if (prompt.empty())
                continue;
            const std::vector<int> whole = tokenizer.encode(prompt + " " + answer, special);
            QVERIFY2(joined == whole,
                     qPrintable(QString("'%1' + '%2': %3 + %4 != %5")
                                    .arg(QString::fromStdString(prompt),
                                         QString::fromStdString(answer), idList(split.promptIds),
                                         idList(split.answerIds), idList(whole))));
        }
    }
    // The answer's tokens are the same after any ordinary prompt, and start with "▁word".
    const int blue = tokenizer.tokenToId(kSpace + "blue");
    QVERIFY(blue >= 0);
    QCOMPARE(idList(tokenizer.encodeAnswer("blue")), idList({blue}));
    QCOMPARE(
        idList(tokenizer.encodePromptAndAnswer("What colour is the sky?", "blue", true).answerIds),
        idList({blue}));
    QCOMPARE(
        idList(tokenizer.encodePromptAndAnswer("What colour is the sky?", "blue", true).promptIds),
        idList(tokenizer.encode("What colour is the sky?", true)));
    // After an added token the legacy form puts a lone "▁" in front: it stays with the prompt.
    const auto afterImage = tokenizer.encodePromptAndAnswer("USER: <image>", "blue", false);
    QCOMPARE(idList(afterImage.answerIds), idList({blue}));
    for (const char* answer : {"red heart", "ζ", "42", "你好", "café au lait"})
        QCOMPARE(idList(tokenizer.encodePromptAndAnswer("Q:", answer, false).answerIds),
                 idList(tokenizer.encodeAnswer(answer)));
    // A character without a "▁x" piece: the answer starts with the word's own "▁".
    const std::vector<int> zeta = tokenizer.encodeAnswer("ζ");
    QCOMPARE(bytes(tokenizer.idToToken(zeta.front())), bytes(kSpace));
    // An empty prompt: the special tokens in front, then the answer as it follows a prompt.
    const auto bare = tokenizer.encodePromptAndAnswer("", "blue", true);
    QCOMPARE(idList(bare.promptIds), idList({tokenizer.bosId()}));
    QCOMPARE(idList(bare.answerIds), idList({blue}));
}

void checkRoundTrip(const TextTokenizer& tokenizer, bool stripsLeadingSpace) {
    for (const std::string& text : expected().strings) {
        if (hasAddedTokenText(text) || text.find(kSpace) != std::string::npos)
            continue; // added tokens swallow spaces, a literal "▁" decodes as a space
        std::string want = text;
        if (stripsLeadingSpace && !want.empty() && want[0] == ' ')
            want.erase(0, 1); // Metaspace adds no "▁" before a space, Strip still removes one
        const std::vector<int> ids = tokenizer.encode(text, true);
        QCOMPARE(bytes(tokenizer.decode(ids, true)), bytes(want));
        QCOMPARE(bytes(tokenizer.decodeBytes(ids, true)), bytes(want));
    }
}

std::vector<int> idsOf(const TextTokenizer& tokenizer, std::initializer_list<std::string> tokens) {
    std::vector<int> ids;
    for (const std::string& token : tokens) {
        ids.push_back(tokenizer.tokenToId(token));
        if (ids.back() < 0)
            qWarning("no token %s", token.c_str());
    }
    return ids;
}

} // namespace

class TestLlamaTokenizer : public QObject {
    Q_OBJECT

private slots:
    void tokenizerJsonMatchesTransformers_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("config"); // changes to tokenizer_config.json
        QTest::addColumn<QString>("expect");
        for (const char* v : {"legacy", "legacy_image", "metaspace_first", "metaspace_first_split",
                              "metaspace_always", "metaspace_never"})
            QTest::newRow(v) << QString(v) << "{}" << QString(v);
        // add_prefix_space makes LlamaTokenizerFast convert again with LlamaConverter, which
        // reads legacy: false gives Metaspace "first", add_prefix_space false no "▁" at all.
        QTest::newRow("legacy, converted non-legacy")
            << "legacy_image"
            << R"({"legacy": false, "add_prefix_space": true})"
            << "metaspace_first";
        QTest::newRow("metaspace, converted legacy")
            << "metaspace_first"
            << R"({"legacy": true, "add_prefix_space": true})"
            << "legacy_image";
        QTest::newRow("converted without prefix space") << "legacy_image"
                                                        << R"({"add_prefix_space": false})"
                                                        << "metaspace_never";
    }

    void tokenizerJsonMatchesTransformers() {
        QFETCH(QString, variant);
        QFETCH(QString, config);
        QFETCH(QString, expect);
        QTemporaryDir dir;
        const std::string folder = variantFolder(dir, variant.toStdString());
        setConfig(folder, json::parse(config.toStdString()));
        const LlamaTokenizer tokenizer = LlamaTokenizer::fromDirectory(folder);
        QCOMPARE(tokenizer.kind(), std::string("SentencePiece BPE"));
        checkAllStrings(tokenizer, expect.toStdString());
        QCOMPARE(int(tokenizer.vocabSize()),
                 expected().vocabSize + (variant == "legacy" ? 0 : 1)); // <image>
    }

    void tokenizerModelMatchesSentencePiece_data() {
        QTest::addColumn<QString>("config"); // tokenizer_config.json, "" for none
        QTest::addColumn<QString>("expect");
        QTest::addColumn<int>("prefix"); // SentencePieceOracle::Prefix
        QTest::newRow("no config") << ""
                                   << "legacy" << int(SentencePieceOracle::Prefix::Legacy);
        QTest::newRow("legacy") << R"({"legacy": true, "add_bos_token": true})"
                                << "legacy_image" << int(SentencePieceOracle::Prefix::Legacy);
        QTest::newRow("legacy false")
            << R"({"legacy": false})"
            << "metaspace_first" << int(SentencePieceOracle::Prefix::First);
        QTest::newRow("no prefix space")
            << R"({"add_prefix_space": false})"
            << "metaspace_never" << int(SentencePieceOracle::Prefix::Never);
    }

    void tokenizerModelMatchesSentencePiece() {
        QFETCH(QString, config);
        QFETCH(QString, expect);
        QFETCH(int, prefix);
        QTemporaryDir dir;
        const std::string folder = modelFolder(dir);
        if (!config.isEmpty()) {
            json j = json::parse(config.toStdString());
            j["added_tokens_decoder"][std::to_string(expected().imageId)] =
                imageToken(expected().imageId);
            writeJson(folder + "/tokenizer_config.json", j);
        }
        const auto tokenizer = fromModel(folder);
        QCOMPARE(tokenizer.kind(), std::string("SentencePiece BPE"));
        checkAllStrings(tokenizer, expect.toStdString());
        // libsentencepiece itself on the same strings.
        const SentencePieceOracle sp = oracle(!config.isEmpty());
        for (const std::string& text : expected().strings)
            QCOMPARE(idList(tokenizer.encode(text, false)),
                     idList(sp.encode(text, SentencePieceOracle::Prefix(prefix))));
        QCOMPARE(tokenizer.bosId(), 1);
        QCOMPARE(tokenizer.eosId(), 2);
        QCOMPARE(tokenizer.unkId(), 0);
        QCOMPARE(tokenizer.padId(), -1);
        QCOMPARE(int(tokenizer.vocabSize()), expected().vocabSize + (config.isEmpty() ? 0 : 1));
        QVERIFY(tokenizer.isSpecial(1) && tokenizer.isSpecial(2) && !tokenizer.isSpecial(300));
    }

    // Ours on tokenizer.json and on tokenizer.model against libsentencepiece on random text
    // with white space of every kind, marks and emoji.
    void tokenizerAgreesWithSentencePieceOnRandomText_data() {
        QTest::addColumn<QString>("config"); // tokenizer_config.json, "" for none
        QTest::addColumn<int>("prefix");     // SentencePieceOracle::Prefix
        QTest::newRow("legacy") << "" << int(SentencePieceOracle::Prefix::Legacy);
        QTest::newRow("legacy false")
            << R"({"legacy": false})" << int(SentencePieceOracle::Prefix::First);
        QTest::newRow("no prefix space")
            << R"({"add_prefix_space": false})" << int(SentencePieceOracle::Prefix::Never);
    }

    void tokenizerAgreesWithSentencePieceOnRandomText() {
        QFETCH(QString, config);
        QFETCH(int, prefix);
        QTemporaryDir jsonDir, modelDir;
        const std::string modelDirPath = modelFolder(modelDir);
        if (!config.isEmpty())
            writeJson(modelDirPath + "/tokenizer_config.json", json::parse(config.toStdString()));
        const auto model = fromModel(modelDirPath);
        const SentencePieceOracle sp = oracle(false);
        const auto mode = SentencePieceOracle::Prefix(prefix);
        const bool legacy = mode == SentencePieceOracle::Prefix::Legacy;
        const auto json = LlamaTokenizer::fromDirectory(variantFolder(jsonDir, "legacy"));
        auto check = [&](const std::string& text) {
            const QString want = idList(sp.encode(text, mode));
            QCOMPARE(idList(model.encode(text, false)), want);
            if (legacy)
                QCOMPARE(idList(json.encode(text, false)), want);
        };
        uint32_t state = 11;
        for (int i = 0; i < 400; ++i)
            check(fixtures::randomUtf8(state, 1 + i % 40));
        for (const std::string& text : fixtures::trickyStrings())
            check(text);
        for (const std::string& text : expected().strings)
            check(text);
    }

    // The BPE converted from tokenizer.model is the one the fixture's tokenizer.json holds,
    // merges in the same order (make_llama_tokenizer_fixture.py writes them as transformers).
    void tokenizerModelConvertsAsTransformers() {
        const auto model =
            unike::text::readSentencePieceModel(readFile(kFixtures + "/tokenizer.model"), "model");
        QCOMPARE(int(model.pieces.size()), expected().vocabSize);
        QCOMPARE(model.pieces[1].text, std::string("<s>"));
        QCOMPARE(model.pieces[1].type, int(unike::text::SentencePieceModelInfo::Control));
        QCOMPARE(model.pieces[0].type, int(unike::text::SentencePieceModelInfo::Unknown));
        QVERIFY(model.byteFallback);
        // sentencepiece's BPE scores: 0 for the special and byte pieces, then falling.
        QCOMPARE(model.pieces[1].score, 0.0f);
        QVERIFY(model.pieces[300].score < model.pieces[299].score);
        const json tokenizer = readJson(kFixtures + "/legacy/tokenizer.json");
        QVERIFY(unike::text::sentencePieceVocab(model) ==
                unike::text::vocabFromJson(tokenizer["model"]["vocab"], "tokenizer.json"));
        const auto merges = unike::text::sentencePieceMerges(model);
        const auto want =
            unike::text::mergesFromJson(tokenizer["model"]["merges"], "tokenizer.json");
        QCOMPARE(merges.size(), want.size());
        for (size_t i = 0; i < merges.size(); ++i)
            QVERIFY2(merges[i] == want[i],
                     qPrintable(QString("merge %1: %2 %3, want %4 %5")
                                    .arg(i)
                                    .arg(QString::fromStdString(merges[i].first),
                                         QString::fromStdString(merges[i].second),
                                         QString::fromStdString(want[i].first),
                                         QString::fromStdString(want[i].second))));
    }

    void byteFallbackForCharactersOutsideTheVocabulary() {
        QTemporaryDir dir;
        const auto tokenizer = LlamaTokenizer::fromDirectory(variantFolder(dir, "legacy"));
        QCOMPARE(tokenizer.tokenToId("\xCE\xB6"), -1); // ζ is not a piece
        const std::vector<int> zeta = idsOf(tokenizer, {kSpace, "<0xCE>", "<0xB6>"});
        QCOMPARE(idList(tokenizer.encode("\xCE\xB6", false)), idList(zeta));
        std::vector<std::string> pieces;
        for (int id : zeta)
            pieces.push_back(tokenizer.idToToken(id));
        QCOMPARE(pieces, expected().pieces["ζ"].get<std::vector<std::string>>());
        QCOMPARE(bytes(tokenizer.decode(zeta)), bytes("\xCE\xB6"));
        // A newline has no piece either: LLaMA writes it as <0x0A>.
        QCOMPARE(idList(tokenizer.encode("\n", false)),
                 idList(idsOf(tokenizer, {kSpace, "<0x0A>"})));

        // Byte tokens that do not form UTF-8: one U+FFFD each, as tokenizers' ByteFallback.
        const std::vector<int> cut = idsOf(tokenizer, {"<0xE4>", "<0xB8>"});
        QCOMPARE(bytes(tokenizer.decode(cut)), bytes("\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(bytes(tokenizer.decodeBytes(cut)), bytes("\xE4\xB8"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(cut[0])), bytes("\xEF\xBF\xBD"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(tokenizer.tokenToId("<0x0A>"))), bytes("\n"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(tokenizer.tokenToId(kSpace + "blue"))),
                 bytes(" blue"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(1)), bytes("<s>"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(999999)), bytes(""));

        // Without byte fallback an unknown character is <unk>, consecutive ones fused.
        QTemporaryDir noFallback;
        const auto unk = LlamaTokenizer::fromDirectory(variantFolder(
            noFallback, "legacy", [](json& j) { j["model"]["byte_fallback"] = false; }));
        QCOMPARE(idList(unk.encode("\xCE\xB6\xCE\xB6 a", false)),
                 idList({unk.tokenToId(kSpace), 0, unk.tokenToId(kSpace + "a")}));
        QTemporaryDir noFuse;
        const auto unfused =
            LlamaTokenizer::fromDirectory(variantFolder(noFuse, "legacy", [](json& j) {
                j["model"]["byte_fallback"] = false;
                j["model"]["fuse_unk"] = false;
            }));
        QCOMPARE(idList(unfused.encode("\xCE\xB6\xCE\xB6", false)),
                 idList({unfused.tokenToId(kSpace), 0, 0}));
    }

    void addedTokensSplitBeforeNormalization() {
        const int image = expected().imageId;
        QTemporaryDir legacyDir, firstDir;
        const auto legacy = LlamaTokenizer::fromDirectory(variantFolder(legacyDir, "legacy_image"));
        const auto first =
            LlamaTokenizer::fromDirectory(variantFolder(firstDir, "metaspace_first"));
        for (const LlamaTokenizer* t : {&legacy, &first}) {
            QCOMPARE(t->tokenToId("<image>"), image);
            QVERIFY(t->isSpecial(image));
            const std::vector<int> ids = t->encode("a<image>b", false);
            QCOMPARE(std::count(ids.begin(), ids.end(), image), 1);
        }
        // Skipping <image> on decode leaves the "▁" legacy put after it.
        QCOMPARE(bytes(legacy.decode(legacy.encode("USER: <image>\nWhat", true), true)),
                 bytes("USER:  \nWhat"));
        QCOMPARE(bytes(first.decode(first.encode("USER: <image>\nWhat", true), true)),
                 bytes("USER: \nWhat"));
        // transformers' example: legacy prepends "▁" to the piece after an added token, the
        // Metaspace "first" form does not ("Hello <s>." goes on with "▁." against ".").
        const std::vector<int> oldIds = legacy.encode("Hello <s>.", false);
        const std::vector<int> newIds = first.encode("Hello <s>.", false);
        const auto afterBos = [](const std::vector<int>& ids) {
            return std::vector<int>(std::find(ids.begin(), ids.end(), 1) + 1, ids.end());
        };
        QCOMPARE(idList(afterBos(oldIds)), idList(legacy.encode(".", false)));
        QCOMPARE(bytes(legacy.idToToken(afterBos(oldIds).front()).substr(0, 3)), bytes(kSpace));
        QCOMPARE(idList(afterBos(newIds)), idList({first.tokenToId(".")}));
        QCOMPARE(bytes(first.decode(newIds)), bytes("Hello <s>."));
        // Added tokens with normalized = true are matched in the normalized text.
        QTemporaryDir normalizedDir;
        const auto normalized =
            LlamaTokenizer::fromDirectory(variantFolder(normalizedDir, "legacy", [](json& j) {
                json token = imageToken(expected().imageId);
                token["content"] = "sky blue";
                token["normalized"] = true;
                token["special"] = false;
                j["added_tokens"].push_back(token);
            }));
        QCOMPARE(idList(normalized.encode("sky blue", false)), idList({expected().imageId}));
        QCOMPARE(idList(normalized.encode("the sky blue", false)),
                 idList({normalized.tokenToId(kSpace + "the"), expected().imageId}));
    }

    void bosAndEosFollowTheConfig() {
        const std::string text = "Hello world";
        QTemporaryDir dir;
        const std::string folder = variantFolder(dir, "metaspace_first");
        const std::vector<int> body = LlamaTokenizer::fromDirectory(folder).encode(text, false);
        auto with = [&](std::vector<int> before, std::vector<int> after) {
            before.insert(before.end(), body.begin(), body.end());
            before.insert(before.end(), after.begin(), after.end());
            return idList(before);
        };
        auto encode = [&](const std::string& f) {
            return idList(LlamaTokenizer::fromDirectory(f).encode(text, true));
        };
        QCOMPARE(encode(folder), with({1}, {}));
        setConfig(folder, {{"add_eos_token", true}});
        QCOMPARE(encode(folder), with({1}, {2}));
        setConfig(folder, {{"add_bos_token", false}});
        QCOMPARE(encode(folder), with({}, {2}));
        setConfig(folder, {{"add_bos_token", nullptr}, {"add_eos_token", nullptr}});
        QCOMPARE(encode(folder), with({1}, {})); // LlamaTokenizerFast's defaults

        // Another tokenizer class keeps the tokenizer.json's template unless the config names
        // a flag.
        QTemporaryDir plainDir;
        const std::string plain = variantFolder(plainDir, "metaspace_first", [](json& j) {
            j["post_processor"]["single"].push_back({{"SpecialToken", {{"id", "</s>"}}}});
            j["post_processor"]["special_tokens"]["</s>"] = {
                {"id", "</s>"}, {"ids", {2}}, {"tokens", {"</s>"}}};
        });
        setConfig(plain, {{"tokenizer_class", "PreTrainedTokenizerFast"},
                          {"add_bos_token", nullptr},
                          {"add_eos_token", nullptr}});
        QCOMPARE(encode(plain), with({1}, {2}));
        setConfig(plain, {{"add_bos_token", true}});
        QCOMPARE(encode(plain), with({1}, {}));
        // LlamaTokenizerFast rebuilds the template even when tokenizer.json has none.
        QTemporaryDir noTemplateDir;
        const std::string noTemplate =
            variantFolder(noTemplateDir, "legacy", [](json& j) { j["post_processor"] = nullptr; });
        std::filesystem::remove(noTemplate + "/tokenizer_config.json");
        QCOMPARE(LlamaTokenizer::fromDirectory(noTemplate).encode("", true), std::vector<int>{1});
        QCOMPARE(LlamaTokenizer::fromDirectory(noTemplate).encode("", false), std::vector<int>{});

        // tokenizer.model (LlamaTokenizer::fromDirectory takes it when there is no
        // tokenizer.json): BOS by default, the flags from tokenizer_config.json.
        QTemporaryDir spDir;
        const std::string sp = modelFolder(spDir);
        QCOMPARE(LlamaTokenizer::fromDirectory(sp).encode(text, true), [&] {
            std::vector<int> ids{1};
            ids.insert(ids.end(), body.begin(), body.end());
            return ids;
        }());
        writeJson(sp + "/tokenizer_config.json",
                  {{"add_bos_token", false}, {"add_eos_token", true}});
        const auto spIds = LlamaTokenizer::fromDirectory(sp).encode("a", true);
        QCOMPARE(spIds.back(), 2);
        QVERIFY(spIds.front() != 1);
    }

    void promptAndAnswerSplitWhereTheAnswerStarts_data() {
        QTest::addColumn<QString>("variant");
        for (const char* v : {"legacy_image", "metaspace_first", "metaspace_first_split",
                              "metaspace_always", "tokenizer.model"})
            QTest::newRow(v) << QString(v);
    }

    void promptAndAnswerSplitWhereTheAnswerStarts() {
        QFETCH(QString, variant);
        QTemporaryDir dir;
        if (variant == "tokenizer.model") {
            const std::string folder = modelFolder(dir);
            writeJson(folder + "/added_tokens.json", {{"<image>", expected().imageId}});
            checkPromptAndAnswer(fromModel(folder));
        } else {
            checkPromptAndAnswer(
                LlamaTokenizer::fromDirectory(variantFolder(dir, variant.toStdString())));
        }
    }

    void decodeRoundTrips() {
        QTemporaryDir legacyDir, firstDir, modelDir;
        checkRoundTrip(LlamaTokenizer::fromDirectory(variantFolder(legacyDir, "legacy")), false);
        checkRoundTrip(LlamaTokenizer::fromDirectory(variantFolder(firstDir, "metaspace_first")),
                       true);
        checkRoundTrip(fromModel(modelFolder(modelDir)), false);

        const auto tokenizer = LlamaTokenizer::fromDirectory(legacyDir.path().toStdString());
        const std::vector<int> ids = tokenizer.encode("Hello world", true);
        QCOMPARE(bytes(tokenizer.decode(ids, false)), bytes("<s> Hello world"));
        QCOMPARE(bytes(tokenizer.decode(ids, true)), bytes("Hello world"));
        QCOMPARE(bytes(tokenizer.decode({ids[1], 424242, ids[2]})), bytes("Hello world"));
        // clean_up_tokenization_spaces, when a config asks for it
        setConfig(legacyDir.path().toStdString(), {{"clean_up_tokenization_spaces", true}});
        const auto cleaning = LlamaTokenizer::fromDirectory(legacyDir.path().toStdString());
        QCOMPARE(bytes(cleaning.decode(cleaning.encode("yes . no ?", false))), bytes("yes. no?"));
    }

    void loadTokenizerPicksTheImplementation() {
        QTemporaryDir legacyDir, metaspaceDir, modelDir, gpt2Dir, slowDir, fallbackDir;
        auto kindOf = [](const std::string& folder) { return unike::text::loadTokenizer(folder); };
        QVERIFY(
            dynamic_cast<const LlamaTokenizer*>(kindOf(variantFolder(legacyDir, "legacy")).get()));
        QVERIFY(dynamic_cast<const LlamaTokenizer*>(
            kindOf(variantFolder(metaspaceDir, "metaspace_first")).get()));
        // Only byte_fallback says SentencePiece: no normalizer, no pre-tokenizer.
        QVERIFY(dynamic_cast<const LlamaTokenizer*>(
            kindOf(variantFolder(fallbackDir, "legacy", [](json& j) {
                j["normalizer"] = nullptr;
            })).get()));
        const auto sp = kindOf(modelFolder(modelDir));
        QVERIFY(dynamic_cast<const LlamaTokenizer*>(sp.get()));
        QCOMPARE(sp->kind(), std::string("SentencePiece BPE"));
        QCOMPARE(sp->encode("Hello world"), expectedWithBos("Hello world"));

        // GPT-2 and OPT folders still get BpeTokenizer, with the same ids.
        const auto hand = fixtures::handVocab();
        fixtures::writeFile(gpt2Dir.filePath("tokenizer.json").toStdString(),
                            fixtures::tokenizerJson(hand, true));
        const auto gpt2 = kindOf(gpt2Dir.path().toStdString());
        QVERIFY(dynamic_cast<const BpeTokenizer*>(gpt2.get()));
        QCOMPARE(gpt2->encode("hello world's"),
                 BpeTokenizer::fromDirectory(gpt2Dir.path().toStdString()).encode("hello world's"));
        fixtures::writeFile(slowDir.filePath("vocab.json").toStdString(),
                            fixtures::vocabJson(hand));
        fixtures::writeFile(slowDir.filePath("merges.txt").toStdString(),
                            fixtures::mergesTxt(hand));
        fixtures::writeFile(slowDir.filePath("tokenizer.model").toStdString(), "ignored");
        QVERIFY(dynamic_cast<const BpeTokenizer*>(kindOf(slowDir.path().toStdString()).get()));

        QTemporaryDir empty;
        expectError([&] { kindOf(empty.path().toStdString()); }, ErrorKind::File, {"no tokenizer"});
        expectError([&] { kindOf("/nonexistent/unike-llama"); }, ErrorKind::File,
                    {"/nonexistent/unike-llama", "does not exist"});
    }

    void unsupportedComponentsAreNamed_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("normalizer") << "normalizer"
                                    << R"({"type": "NFKC"})"
                                    << "NFKC";
        QTest::newRow("regex replace")
            << "normalizer"
            << R"({"type": "Replace", "pattern": {"Regex": " +"}, "content": "x"})"
            << "regular expression";
        QTest::newRow("pre-tokenizer") << "pre_tokenizer"
                                       << R"({"type": "ByteLevel", "add_prefix_space": false})"
                                       << "ByteLevel";
        QTest::newRow("decoder") << "decoder"
                                 << R"({"type": "WordPiece", "prefix": "##"})"
                                 << "WordPiece";
        QTest::newRow("post-processor")
            << "post_processor"
            << R"({"type": "BertProcessing", "sep": ["</s>", 2], "cls": ["<s>", 1]})"
            << "BertProcessing";
    }

    void unsupportedComponentsAreNamed() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const std::string folder = variantFolder(dir, "legacy", [&](json& j) {
            j[field.toStdString()] = json::parse(value.toStdString());
        });
        expectError([&] { unike::text::loadTokenizer(folder); }, ErrorKind::Unsupported,
                    {"tokenizer.json", named});
    }

    void otherErrorsNameTheFileAndField() {
        auto load = [](const std::string& folder) {
            return [folder] { unike::text::loadTokenizer(folder); };
        };
        QTemporaryDir dropout;
        expectError(
            load(variantFolder(dropout, "legacy", [](json& j) { j["model"]["dropout"] = 0.1; })),
            ErrorKind::Unsupported, {"tokenizer.json", "dropout"});
        QTemporaryDir suffix;
        expectError(load(variantFolder(suffix, "metaspace_first",
                                       [](json& j) { j["model"]["end_of_word_suffix"] = "</w>"; })),
                    ErrorKind::Unsupported, {"end_of_word_suffix"});

        QTemporaryDir badJson;
        fixtures::writeFile(badJson.filePath("tokenizer.json").toStdString(),
                            "{\"model\": {\"byte_fallback\": true,\n \"vocab\": ");
        expectError(load(badJson.path().toStdString()), ErrorKind::File,
                    {"tokenizer.json", "not valid JSON", "line 2"});
        QTemporaryDir noVocab;
        expectError(
            load(variantFolder(noVocab, "legacy", [](json& j) { j["model"].erase("vocab"); })),
            ErrorKind::File, {"tokenizer.json", "model.vocab is missing"});
        QTemporaryDir badMerges;
        expectError(
            load(variantFolder(badMerges, "legacy", [](json& j) { j["model"]["merges"] = 7; })),
            ErrorKind::File, {"tokenizer.json", "model.merges"});
        QTemporaryDir badMerge;
        expectError(load(variantFolder(badMerge, "legacy",
                                       [](json& j) { j["model"]["merges"][0] = "a b c"; })),
                    ErrorKind::File, {"model.merges[0]", "a b c"});
        QTemporaryDir unknownPart;
        expectError(load(variantFolder(unknownPart, "metaspace_first",
                                       [](json& j) {
                                           j["model"]["merges"][3] = {"qq", "zz"};
                                       })),
                    ErrorKind::File, {"tokenizer.json", "merge 4", "not in the vocabulary"});
        QTemporaryDir scheme;
        expectError(load(variantFolder(scheme, "metaspace_first",
                                       [](json& j) { j["pre_tokenizer"]["prepend_scheme"] = 3; })),
                    ErrorKind::File, {"pre_tokenizer.prepend_scheme"});
        QTemporaryDir noBos;
        const std::string noBosFolder = variantFolder(noBos, "legacy");
        setConfig(noBosFolder, {{"bos_token", nullptr}});
        expectError(load(noBosFolder), ErrorKind::File, {"tokenizer_config.json", "add_bos_token"});
        QTemporaryDir badConfig;
        const std::string badConfigFolder = variantFolder(badConfig, "legacy");
        fixtures::writeFile(badConfigFolder + "/tokenizer_config.json", "{oops");
        expectError(load(badConfigFolder), ErrorKind::File, {"tokenizer_config.json", "JSON"});
        expectError([] { LlamaTokenizer::fromDirectory("/nonexistent/unike-llama"); },
                    ErrorKind::File, {"does not exist"});
        QTemporaryDir empty;
        expectError([&] { LlamaTokenizer::fromDirectory(empty.path().toStdString()); },
                    ErrorKind::File, {"tokenizer.json is missing"});

        QTemporaryDir legacy;
        const auto tokenizer = LlamaTokenizer::fromDirectory(variantFolder(legacy, "legacy"));
        expectError([&] { tokenizer.encode("bad \xC3 byte"); }, ErrorKind::InvalidInput,
                    {"UTF-8", "offset 4"});
    }

    void corruptTokenizerModelIsAFileError() {
        const std::string good = readFile(kFixtures + "/tokenizer.model");
        const std::vector<std::pair<const char*, std::string>> corrupt = {
            {"empty", ""},
            {"truncated", good.substr(0, good.size() / 2)},
            {"text", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 499723\n"},
            {"flipped",
             [&] {
                 std::string bad = good;
                 for (size_t i = 0; i < bad.size(); i += 7)
                     bad[i] = static_cast<char>(bad[i] ^ 0x5A);
                 return bad;
             }()},
            {"random",
             [] {
                 std::mt19937 rng(3);
                 std::string bad(4096, '\0');
                 for (char& c : bad)
                     c = static_cast<char>(rng());
                 return bad;
             }()},
            // Protobuf that parses, but that sentencepiece refuses: an appended piece (field
            // 1: text, score 0, type) repeats <s>, is a second unknown piece, is a malformed byte
            // piece; trainer_spec.byte_fallback switched off with byte pieces.
            {"duplicate piece",
             good + std::string("\x0A\x0C\x0A\x03<s>\x15\x00\x00\x00\x00\x18\x03", 14)},
            {"second unknown piece",
             good + std::string("\x0A\x0D\x0A\x04<u2>\x15\x00\x00\x00\x00\x18\x02", 15)},
            {"malformed byte piece",
             good + std::string("\x0A\x0F\x0A\x06<0xZZ>\x15\x00\x00\x00\x00\x18\x06", 17)},
            {"byte pieces without byte_fallback", good + std::string("\x12\x03\x98\x02\x00", 5)}};
        for (const auto& [name, bytes] : corrupt) {
            // What libsentencepiece refuses, the engine refuses too.
            QVERIFY2(!SentencePieceOracle::accepts(bytes), name);
            QTemporaryDir dir;
            const std::string folder = modelFolder(dir, bytes);
            try {
                unike::text::loadTokenizer(folder);
                QFAIL(qPrintable(QString("%1: no error").arg(name)));
            } catch (const Error& e) {
                QVERIFY2(e.kind() == ErrorKind::File, e.what());
                QVERIFY2(QString(e.what()).contains("tokenizer.model"), e.what());
                qInfo("%s: %s", name, e.what());
            }
        }
        // Models that transformers would not tokenize as sentencepiece does. Appending a
        // message field merges it into the one before (protobuf), so these edit one setting.
        const std::pair<const char*, std::string> settings[] = {
            {"remove_extra_whitespaces", std::string("\x1A\x02\x20\x01", 4)}, // normalizer 4 = 1
            {"unigram", std::string("\x12\x02\x18\x01", 4)}};                 // trainer 3 = 1
        for (const auto& [named, field] : settings) {
            QVERIFY(SentencePieceOracle::accepts(good + field));
            QTemporaryDir dir;
            const std::string folder = modelFolder(dir, good + field);
            expectError([&] { unike::text::loadTokenizer(folder); }, ErrorKind::Unsupported,
                        {"tokenizer.model", named});
        }
        // A piece that is not UTF-8 (sentencepiece keeps it; transformers could not read it).
        QTemporaryDir notUtf8;
        expectError(
            [&] {
                unike::text::loadTokenizer(modelFolder(
                    notUtf8,
                    good + std::string("\x0A\x0B\x0A\x02\xC3(\x15\x00\x00\x00\x00\x18\x01", 13)));
            },
            ErrorKind::File, {"tokenizer.model", "UTF-8", "download tokenizer.model again"});
        QTemporaryDir missing;
        expectError([&] { fromModel(missing.path().toStdString()); }, ErrorKind::File,
                    {"tokenizer.model", "does not exist"});
    }

    void longTextEncodesQuickly() {
        QTemporaryDir dir;
        const auto tokenizer = LlamaTokenizer::fromDirectory(variantFolder(dir, "legacy"));
        std::string text;
        for (const std::string& s : expected().strings)
            text += s + " ";
        while (text.size() < 200000)
            text += text;
        const auto start = std::chrono::steady_clock::now();
        const std::vector<int> ids = tokenizer.encode(text, false);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(ids.size() > 50000);
        QVERIFY2(seconds < 5.0, qPrintable(QString::number(seconds)));
    }

private:
    static std::vector<int> expectedWithBos(const std::string& text) {
        const auto& e = expected();
        const auto it = std::find(e.strings.begin(), e.strings.end(), text);
        std::vector<int> ids{1};
        const auto& body = e.ids.at("legacy")[static_cast<size_t>(it - e.strings.begin())];
        ids.insert(ids.end(), body.begin(), body.end());
        return ids;
    }
};

QTEST_GUILESS_MAIN(TestLlamaTokenizer)
#include "TestLlamaTokenizer.moc"
