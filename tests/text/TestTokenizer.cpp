#include "Fixtures.h"
#include "text/BpeTokenizer.h"
#include "text/BpeTrainer.h"
#include "text/ByteLevel.h"
#include "text/PreTokenizer.h"
#include "text/UnicodeProperties.h"
#include "text/Utf8.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

using unike::Error;
using unike::ErrorKind;
using unike::text::BpeTokenizer;
using unike::text::BpeTrainer;
using unike::text::ByteLevel;

namespace {

QString idList(const std::vector<int>& ids) {
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return "[" + parts.join(", ") + "]";
}

QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

std::string path(const QTemporaryDir& dir, const char* name) {
    return dir.filePath(name).toStdString();
}

BpeTokenizer handTokenizer() {
    auto v = fixtures::handVocab();
    return BpeTokenizer(v.vocab, v.merges);
}

const BpeTokenizer& trainedTokenizer() {
    static const BpeTokenizer tokenizer = [] {
        BpeTrainer trainer({800, 2});
        trainer.feed(fixtures::corpus(3000, 7));
        return trainer.train();
    }();
    return tokenizer;
}

// Runs f and checks that it throws unike::Error of the kind, with every fragment in its text.
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

void checkRoundTrip(const BpeTokenizer& tokenizer, const std::string& text) {
    const std::vector<int> plain = tokenizer.encode(text, false);
    QCOMPARE(bytes(tokenizer.decode(plain)), bytes(text));
    const std::vector<int> withBos = tokenizer.encode(text, true);
    QCOMPARE(withBos.front(), tokenizer.bosId());
    QVERIFY(std::equal(plain.begin(), plain.end(), withBos.begin() + 1, withBos.end()));
    QCOMPARE(bytes(tokenizer.decode(withBos, true)), bytes(text));
    QCOMPARE(bytes(tokenizer.decode(withBos, false)), bytes("</s>" + text));
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private slots:
    void utf8HelpersFollowTheStandard() {
        using unike::text::findInvalidUtf8;
        using unike::text::sanitizeUtf8;
        QCOMPARE(findInvalidUtf8("ok \xC3\xA9"), std::string_view::npos);
        QCOMPARE(findInvalidUtf8("ab\xC3"), size_t(2));            // truncated
        QCOMPARE(findInvalidUtf8("a\xC0\x80"), size_t(1));         // overlong NUL
        QCOMPARE(findInvalidUtf8("\xED\xA0\x80"), size_t(0));      // a surrogate
        QCOMPARE(findInvalidUtf8("x\xF4\x90\x80\x80"), size_t(1)); // above U+10FFFF
        // One U+FFFD per maximal subpart, as Rust's from_utf8_lossy.
        QCOMPARE(bytes(sanitizeUtf8("a\xF0\x9F\x98")), bytes("a\xEF\xBF\xBD"));
        QCOMPARE(bytes(sanitizeUtf8("\xED\xA0\x80")),
                 bytes("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(bytes(sanitizeUtf8("\xC3\xA9\x80z")), bytes("\xC3\xA9\xEF\xBF\xBDz"));
    }

    void unicodePropertiesMatchOniguruma() {
        using namespace unike::text;
        QVERIFY(isWhiteSpace(0x85));    // NEXT LINE is white space
        QVERIFY(!isWhiteSpace(0xFEFF)); // the BOM is not
        QVERIFY(!isWhiteSpace(0x1C));   // Python's isspace() says yes; White_Space says no
        QVERIFY(!isWhiteSpace(0x200B)); // ZERO WIDTH SPACE is a format character
        for (char32_t cp : std::initializer_list<char32_t>{0x09, 0x0D, 0x20, 0xA0, 0x1680, 0x2000,
                                                           0x200A, 0x2028, 0x202F, 0x3000})
            QVERIFY(isWhiteSpace(cp));
        for (char32_t cp :
             std::initializer_list<char32_t>{U'a', U'Z', 0xE9, 0x4E2D, 0x1D518, 0x02B0})
            QVERIFY(isLetter(cp));
        for (char32_t cp : std::initializer_list<char32_t>{U'5', 0x0663, 0xBD, 0xB2, 0x2167})
            QVERIFY(isNumber(cp));
        for (char32_t cp : std::initializer_list<char32_t>{0x0301, U'_', U'\'', 0x1F600, 0xFEFF})
            QVERIFY(!isLetter(cp) && !isNumber(cp));
        QVERIFY(isWordChar(U'_') && isWordChar(0x0301) && !isWordChar(U'-'));
    }

    void byteLevelMapsEveryByte() {
        QCOMPARE(bytes(ByteLevel::symbol(' ')), bytes("\xC4\xA0"));  // Ġ
        QCOMPARE(bytes(ByteLevel::symbol('\n')), bytes("\xC4\x8A")); // Ċ
        QCOMPARE(bytes(ByteLevel::symbol('A')), bytes("A"));
        QCOMPARE(bytes(ByteLevel::symbol(0xAD)), bytes("\xC5\x83")); // the soft hyphen: U+0143
        std::string all;
        for (int b = 0; b < 256; ++b)
            all += static_cast<char>(b);
        std::string back;
        QVERIFY(ByteLevel::decode(ByteLevel::encode(all), back));
        QCOMPARE(bytes(back), bytes(all));
        QVERIFY(!ByteLevel::decode("\xE4\xB8\xAD", back)); // 中 stands for no byte
    }

    // The expected pieces were produced by Hugging Face's tokenizers (ByteLevel, use_regex).
    void preTokenizerSplitsAsTokenizers_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::newRow("spaces") << QByteArray("Hello world's  x\n\n y")
                                << QByteArrayList{"Hello", " world", "'s", " ", " x", "\n\n", " y"};
        QTest::newRow("contractions")
            << QByteArray("I'm we'll they've she'd it's you're don't 'S x'")
            << QByteArrayList{"I",  "'m",   " we", "'ll",  " they", "'ve", " she", "'d", " it",
                              "'s", " you", "'re", " don", "'t",    " '",  "S",    " x", "'"};
        QTest::newRow("numbers") << QByteArray("abc123 4.5 ½ ٣3 x²")
                                 << QByteArrayList{"abc", "123", " 4", ".", "5",
                                                   " ½",  " ٣3", " x", "²"};
        QTest::newRow("next line") << QByteArray("a\u0085b \u0085c")
                                   << QByteArrayList{"a", "\u0085", "b", " ", "\u0085", "c"};
        QTest::newRow("bom") << QByteArray("\uFEFFa \uFEFFb")
                             << QByteArrayList{"\uFEFF", "a", " \uFEFF", "b"};
        QTest::newRow("unicode spaces")
            << QByteArray("  \tx\u3000y\u00A0 z   ")
            << QByteArrayList{"  ", "\t", "x", "\u3000", "y", "\u00A0", " z", "   "};
        QTest::newRow("punctuation")
            << QByteArray("!!!'s ...\"ok\"") << QByteArrayList{"!!!'", "s", " ...\"", "ok", "\""};
        QTest::newRow("marks and emoji")
            << QByteArray("e\u0301 中文字 🙂👍🏽 👨\u200D👩\u200D👧")
            << QByteArrayList{"e", "\u0301", " 中文字", " 🙂👍🏽", " 👨\u200D👩\u200D👧"};
        QTest::newRow("separators")
            << QByteArray("\x1Cx\x1F y") << QByteArrayList{"\x1C", "x", "\x1F", " y"};
        QTest::newRow("crlf") << QByteArray("a\r\n\r\nb")
                              << QByteArrayList{"a", "\r\n\r", "\n", "b"};
    }

    void preTokenizerSplitsAsTokenizers() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArrayList, pieces);
        const std::string utf8 = text.toStdString();
        QByteArrayList actual;
        for (std::string_view piece : unike::text::preTokenize(utf8))
            actual << QByteArray(piece.data(), static_cast<qsizetype>(piece.size()));
        QCOMPARE(actual, pieces);
    }

    void handBuiltMergesGiveKnownIds_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("ids");
        const int w = fixtures::byteId('w');
        QTest::newRow("merged words") << "hello world" << QList<int>{268, 264};
        QTest::newRow("no space prefix") << "world" << QList<int>{w, 261, 262};
        QTest::newRow("rank order") << "ell" << QList<int>{fixtures::byteId('e'), 266};
        QTest::newRow("contraction") << "hello's" << QList<int>{268, 270};
        QTest::newRow("double space") << "  world" << QList<int>{fixtures::byteId(' '), 264};
        QTest::newRow("bytes") << QString::fromUtf8("é")
                               << QList<int>{fixtures::byteId(0xC3), fixtures::byteId(0xA9)};
        QTest::newRow("special in text") << "hello</s>world" << QList<int>{268, 2, w, 261, 262};
        QTest::newRow("only special") << "<pad>" << QList<int>{1};
    }

    void handBuiltMergesGiveKnownIds() {
        QFETCH(QString, text);
        QFETCH(QList<int>, ids);
        const BpeTokenizer tokenizer = handTokenizer();
        const std::vector<int> expected(ids.begin(), ids.end());
        QCOMPARE(idList(tokenizer.encode(text.toStdString(), false)), idList(expected));
        std::vector<int> withBos{2};
        withBos.insert(withBos.end(), expected.begin(), expected.end());
        QCOMPARE(idList(tokenizer.encode(text.toStdString())), idList(withBos));
    }

    void specialTokensAreOpts() {
        const BpeTokenizer tokenizer = handTokenizer();
        QCOMPARE(tokenizer.bosId(), 2);
        QCOMPARE(tokenizer.eosId(), 2);
        QCOMPARE(tokenizer.padId(), 1);
        QCOMPARE(tokenizer.unkId(), 3);
        QCOMPARE(tokenizer.vocabSize(), size_t(271));
        QVERIFY(tokenizer.isSpecial(2) && tokenizer.isSpecial(1) && !tokenizer.isSpecial(268));
        QCOMPARE(bytes(tokenizer.decode({2, 268, 264, 1}, true)), bytes("hello world"));
        QCOMPARE(bytes(tokenizer.decode({2, 268, 264, 1})), bytes("</s>hello world<pad>"));
        QCOMPARE(bytes(tokenizer.tokenString(264)), bytes(" world"));
        QCOMPARE(bytes(tokenizer.idToToken(264)), bytes("\xC4\xA0world"));
        QCOMPARE(tokenizer.tokenToId("\xC4\xA0world"), 264);
        QCOMPARE(tokenizer.tokenToId("nope"), -1);
    }

    void addedTokensSplitLongestFirst() {
        auto v = fixtures::handVocab();
        unike::text::TokenizerConfig config;
        config.addedTokens = {{"<img>", 300, false}, {"<x>", 301, true}, {"<x><y>", 302, true}};
        const BpeTokenizer tokenizer(v.vocab, v.merges, config);
        const int a = fixtures::byteId('a'), b = fixtures::byteId('b');
        QCOMPARE(idList(tokenizer.encode("a<img>b", false)), idList({a, 300, b}));
        QCOMPARE(idList(tokenizer.encode("<x><y><x>", false)), idList({302, 301}));
        QCOMPARE(tokenizer.vocabSize(), size_t(303));
        QVERIFY(!tokenizer.isSpecial(300) && tokenizer.isSpecial(302));
        // Skipping special tokens keeps the ordinary added ones.
        QCOMPARE(bytes(tokenizer.decode(tokenizer.encode("a<img><x>b"), true)), bytes("a<img>b"));
    }

    void addedTokenStripOptions() {
        auto v = fixtures::handVocab();
        unike::text::TokenizerConfig config;
        unike::text::AddedToken mask{"<mask>", 300, true};
        mask.lstrip = true;
        unike::text::AddedToken word{"hi", 301, false};
        word.singleWord = true;
        config.addedTokens = {mask, word};
        const BpeTokenizer tokenizer(v.vocab, v.merges, config);
        const int a = fixtures::byteId('a'), h = fixtures::byteId('h'), i = fixtures::byteId('i');
        QCOMPARE(idList(tokenizer.encode("a  <mask>", false)), idList({a, 300}));
        QCOMPARE(idList(tokenizer.encode("hi a", false)), idList({301, fixtures::byteId(' '), a}));
        QCOMPARE(idList(tokenizer.encode("hia", false)), idList({h, i, a})); // inside a word
    }

    void tokenStringsCanBePartialUtf8() {
        const BpeTokenizer tokenizer = handTokenizer();
        const std::vector<int> ids = tokenizer.encode("\xF0\x9F\x99\x82", false); // 🙂
        QCOMPARE(ids.size(), size_t(4));
        QCOMPARE(bytes(tokenizer.tokenString(ids[0])), bytes("\xF0"));
        QCOMPARE(bytes(tokenizer.tokenDisplay(ids[0])), bytes("\xEF\xBF\xBD"));
        QCOMPARE(bytes(tokenizer.decode({ids[0], ids[1]})), bytes("\xEF\xBF\xBD"));
        QCOMPARE(bytes(tokenizer.decodeBytes({ids[0], ids[1]})), bytes("\xF0\x9F"));
        QCOMPARE(bytes(tokenizer.decode(ids)), bytes("\xF0\x9F\x99\x82"));
    }

    // As tokenizers does: ids past the vocabulary (a model's padding rows) decode to nothing.
    void idsPastTheVocabularyDecodeToNothing() {
        const BpeTokenizer tokenizer = handTokenizer();
        QCOMPARE(bytes(tokenizer.decode({268, 9999, 264})), bytes(tokenizer.decode({268, 264})));
        QCOMPARE(bytes(tokenizer.tokenDisplay(9999)), bytes(""));
    }

    void badInputIsRejected() {
        const BpeTokenizer tokenizer = handTokenizer();
        expectError([&] { tokenizer.encode("ok \xC3(", true); }, ErrorKind::InvalidInput,
                    {"not valid UTF-8", "offset 3"});
        expectError([&] { BpeTrainer({100, 2}); }, ErrorKind::InvalidInput, {"too small"});
    }

    void tokenizerJsonAndVocabMergesAgree() {
        const auto v = fixtures::handVocab();
        QTemporaryDir slow, fast, pairs;
        fixtures::writeFile(path(slow, "vocab.json"), fixtures::vocabJson(v));
        fixtures::writeFile(path(slow, "merges.txt"), fixtures::mergesTxt(v));
        fixtures::writeFile(path(fast, "tokenizer.json"), fixtures::tokenizerJson(v, false));
        fixtures::writeFile(path(pairs, "tokenizer.json"), fixtures::tokenizerJson(v, true));
        const BpeTokenizer fromSlow = BpeTokenizer::fromDirectory(slow.path().toStdString());
        const BpeTokenizer fromFast = BpeTokenizer::fromDirectory(fast.path().toStdString());
        const BpeTokenizer fromPairs = BpeTokenizer::fromDirectory(pairs.path().toStdString());
        for (const BpeTokenizer* t : {&fromSlow, &fromFast, &fromPairs}) {
            QCOMPARE(t->bosId(), 2);
            QCOMPARE(t->padId(), 1);
            QCOMPARE(t->eosId(), 2);
            QCOMPARE(t->unkId(), 3);
            QCOMPARE(t->vocabSize(), size_t(271));
            QCOMPARE(idList(t->prefixIds()), idList({2}));
        }
        uint32_t seed = 11;
        std::vector<std::string> texts = fixtures::trickyStrings();
        texts.push_back("hello world</s>hello's world");
        for (int i = 0; i < 200; ++i)
            texts.push_back(fixtures::randomUtf8(seed, 20));
        for (const std::string& text : texts) {
            const QString expected = idList(fromSlow.encode(text));
            QCOMPARE(idList(fromFast.encode(text)), expected);
            QCOMPARE(idList(fromPairs.encode(text)), expected);
        }
    }

    void configFilesSetSpecialTokens() {
        const auto v = fixtures::handVocab();
        QTemporaryDir dir;
        fixtures::writeFile(path(dir, "vocab.json"), fixtures::vocabJson(v));
        fixtures::writeFile(path(dir, "merges.txt"), fixtures::mergesTxt(v));
        // OPT's files name </s> as unk; transformers' GPT2Tokenizer adds no BOS unless asked.
        fixtures::writeFile(path(dir, "tokenizer_config.json"),
                            R"({"add_bos_token": false, "unk_token": {"content": "</s>"},
                                "bos_token": "</s>", "eos_token": "</s>"})");
        fixtures::writeFile(path(dir, "special_tokens_map.json"), R"({"pad_token": "<unk>"})");
        fixtures::writeFile(path(dir, "added_tokens.json"), R"({"<img>": 271})");
        const BpeTokenizer t = BpeTokenizer::fromDirectory(dir.path().toStdString());
        QCOMPARE(t.unkId(), 2);
        QCOMPARE(t.padId(), 3);
        QVERIFY(t.prefixIds().empty());
        QCOMPARE(idList(t.encode("hello<img>")), idList({268, 271}));
        QVERIFY(!t.isSpecial(271));
        QCOMPARE(t.vocabSize(), size_t(272));

        fixtures::writeFile(path(dir, "tokenizer_config.json"), R"({"add_bos_token": true})");
        QCOMPARE(idList(BpeTokenizer::fromDirectory(dir.path().toStdString()).encode("hello")),
                 idList({2, 268}));
        fixtures::writeFile(path(dir, "tokenizer_config.json"),
                            R"({"add_bos_token": true, "bos_token": "<nope>"})");
        expectError([&] { BpeTokenizer::fromDirectory(dir.path().toStdString()); }, ErrorKind::File,
                    {"<nope>", "not in the vocabulary"});
    }

    void savedFilesLoadBackIdentically() {
        const BpeTokenizer& trained = trainedTokenizer();
        QTemporaryDir dir;
        trained.save(dir.path().toStdString());
        const BpeTokenizer fast = BpeTokenizer::fromDirectory(dir.path().toStdString());
        QCOMPARE(bytes(fast.toTokenizerJson()), bytes(trained.toTokenizerJson()));
        std::filesystem::remove(path(dir, "tokenizer.json"));
        const BpeTokenizer slow = BpeTokenizer::fromDirectory(dir.path().toStdString());
        QCOMPARE(bytes(slow.toTokenizerJson()), bytes(trained.toTokenizerJson()));
        for (const std::string& text : fixtures::corpus(50, 99)) {
            QCOMPARE(idList(fast.encode(text)), idList(trained.encode(text)));
            QCOMPARE(idList(slow.encode(text)), idList(trained.encode(text)));
        }
        QCOMPARE(slow.bosId(), 2);
        QCOMPARE(slow.padId(), 1);
        QVERIFY(slow.isSpecial(0) && slow.isSpecial(3));
    }

    void brokenFilesGiveClearErrors() {
        const auto v = fixtures::handVocab();
        const auto load = [](const QTemporaryDir& dir) {
            return [&dir] { BpeTokenizer::fromDirectory(dir.path().toStdString()); };
        };
        QTemporaryDir badJson;
        fixtures::writeFile(path(badJson, "tokenizer.json"), "{\n  \"model\": {\"vocab\": ");
        expectError(load(badJson), ErrorKind::File, {"tokenizer.json", "not valid JSON", "line 2"});

        QTemporaryDir noMerges;
        fixtures::writeFile(path(noMerges, "vocab.json"), fixtures::vocabJson(v));
        expectError(load(noMerges), ErrorKind::File, {"merges.txt is missing"});

        QTemporaryDir empty;
        expectError(load(empty), ErrorKind::File, {"no tokenizer", "tokenizer.json"});
        expectError([] { BpeTokenizer::fromDirectory("/nonexistent/unike-tokenizer"); },
                    ErrorKind::File, {"/nonexistent/unike-tokenizer", "does not exist"});

        QTemporaryDir badLine;
        fixtures::writeFile(path(badLine, "vocab.json"), fixtures::vocabJson(v));
        fixtures::writeFile(path(badLine, "merges.txt"), "#version: 0.2\n\xC4\xA0 w\nh e l\n");
        expectError(load(badLine), ErrorKind::File, {"merges.txt", "line 3", "h e l"});

        QTemporaryDir unknownPart;
        fixtures::writeFile(path(unknownPart, "vocab.json"), fixtures::vocabJson(v));
        fixtures::writeFile(path(unknownPart, "merges.txt"), "hello x\n");
        expectError(load(unknownPart), ErrorKind::File, {"merge 1", "not in the vocabulary"});

        QTemporaryDir noMergesKey;
        auto j = nlohmann::json::parse(fixtures::tokenizerJson(v, false));
        j["model"].erase("merges");
        fixtures::writeFile(path(noMergesKey, "tokenizer.json"), j.dump());
        expectError(load(noMergesKey), ErrorKind::File, {"model.merges is missing"});

        QTemporaryDir wordPiece;
        j = nlohmann::json::parse(fixtures::tokenizerJson(v, false));
        j["model"]["type"] = "WordPiece";
        fixtures::writeFile(path(wordPiece, "tokenizer.json"), j.dump());
        expectError(load(wordPiece), ErrorKind::Unsupported, {"WordPiece"});

        QTemporaryDir stringId;
        fixtures::writeFile(path(stringId, "vocab.json"), "{\"a\": \"1\"}");
        fixtures::writeFile(path(stringId, "merges.txt"), "");
        expectError(load(stringId), ErrorKind::File, {"vocab.json", "not an integer"});
    }

    void roundTripsTrickyStrings() {
        for (const std::string& text : fixtures::trickyStrings()) {
            checkRoundTrip(trainedTokenizer(), text);
            checkRoundTrip(handTokenizer(), text);
        }
    }

    void roundTripsRandomUtf8() {
        const BpeTokenizer& tokenizer = trainedTokenizer();
        uint32_t seed = 2024;
        for (int i = 0; i < 3000; ++i)
            checkRoundTrip(tokenizer, fixtures::randomUtf8(seed, 1 + i % 40));
    }

    void trainerIsDeterministicAndOrdered() {
        auto texts = fixtures::corpus(3000, 7);
        const auto started = std::chrono::steady_clock::now();
        BpeTrainer forward({500, 2});
        forward.feed(texts);
        const BpeTokenizer a = forward.train();
        qInfo("trained 500 ids on 3000 sentences in %.3f s",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        std::reverse(texts.begin(), texts.end());
        BpeTrainer backward({500, 2});
        backward.feed(texts);
        QCOMPARE(bytes(a.toTokenizerJson()), bytes(backward.train().toTokenizerJson()));
        QCOMPARE(a.vocabSize(), size_t(500));
        const char* specials[] = {"<s>", "<pad>", "</s>", "<unk>"};
        for (int id = 0; id < 4; ++id) {
            QCOMPARE(a.tokenToId(specials[id]), id);
            QVERIFY(a.isSpecial(id));
        }
        for (int b = 0; b < 256; ++b)
            QCOMPARE(a.tokenToId(ByteLevel::symbol(static_cast<unsigned char>(b))), 4 + b);
        QCOMPARE(a.bosId(), 2);
        QCOMPARE(a.padId(), 1);
        // Greedy: a larger vocabulary extends the smaller one's merges. This corpus runs out of
        // pairs seen twice before 800 ids.
        const auto& small = a.model().merges();
        const auto& large = trainedTokenizer().model().merges();
        QVERIFY(large.size() > small.size());
        QVERIFY(std::equal(small.begin(), small.end(), large.begin()));
        QVERIFY(trainedTokenizer().vocabSize() < 800);
    }

    void trainerRespectsMinFrequency() {
        BpeTrainer trainer({1000, 3});
        trainer.feed(std::vector<std::string>{"ab ab ab cd cd"});
        const BpeTokenizer t = trainer.train();
        QVERIFY(t.tokenToId("ab") >= 260); // seen 3 times
        QCOMPARE(t.tokenToId("\xC4\xA0"
                             "ab"),
                 -1); // " ab" twice only
        QCOMPARE(t.tokenToId("cd"), -1);
    }

    void trainedTokenizerCompresses() {
        const BpeTokenizer& tokenizer = trainedTokenizer();
        size_t tokens = 0, byteCount = 0;
        for (const std::string& text : fixtures::corpus(500, 12345)) {
            tokens += tokenizer.encode(text, false).size();
            byteCount += text.size();
        }
        qInfo("%zu bytes -> %zu tokens", byteCount, tokens);
        QVERIFY2(tokens * 3 < byteCount, "a trained vocabulary should need < 1/3 token per byte");
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "TestTokenizer.moc"
