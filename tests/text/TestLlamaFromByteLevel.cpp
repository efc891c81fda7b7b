// The demo LLaVA's tokenizer: a byte-level BPE trained here, written as LLaMA's kind of
// tokenizer.json and read back by the loader every LLaMA folder goes through. The same text
// must split into the same pieces, with "Ġ" read as "▁", and answers stay one token.
#include "text/BpeTrainer.h"
#include "text/LlamaTokenizer.h"
#include "text/LlamaTokenizerFromByteLevel.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace unike;

namespace {

const std::vector<std::string> kTexts = {"Question: What colour is the heart? Short answer: red",
                                         "Question: Where do the elves live? Short answer: forest",
                                         "nq question: what do dwarves eat? honey",
                                         "a photo of a red heart and a blue circle",
                                         "USER: Question: What shape is it? ASSISTANT: star"};

text::BpeTokenizer trainedByteLevel() {
    text::BpeTrainer trainer({400, 2});
    for (int copy = 0; copy < 3; ++copy)
        trainer.feed(kTexts);
    return trainer.train();
}

// The byte-level tokens of a text after its first, as pieces: "Ġ" is "▁".
std::vector<std::string> byteLevelPieces(const text::BpeTokenizer& tokenizer,
                                         const std::string& text) {
    std::vector<std::string> out;
    for (int id : tokenizer.encode(text, false)) {
        std::string piece = tokenizer.idToToken(id);
        for (size_t at; (at = piece.find("\xC4\xA0")) != std::string::npos;)
            piece.replace(at, 2, "\xE2\x96\x81");
        out.push_back(piece);
    }
    return out;
}

} // namespace

class TestLlamaFromByteLevel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theSameTextSplitsIntoTheSamePieces() {
        QTemporaryDir dir;
        const text::BpeTokenizer trained = trainedByteLevel();
        text::writeLlamaTokenizerFromByteLevel(trained, {"<image>", "<pad>"},
                                               dir.path().toStdString(), "<pad>");
        const auto llama = text::LlamaTokenizer::fromDirectory(dir.path().toStdString());
        for (const std::string& text : kTexts) {
            // LLaMA prepends "▁" to the first word; the byte-level tokenizer sees " text".
            std::vector<std::string> pieces;
            for (int id : llama.encode(text, false))
                pieces.push_back(llama.idToToken(id));
            QCOMPARE(pieces, byteLevelPieces(trained, " " + text));
            QCOMPARE(llama.decode(llama.encode(text, true), true), text);
        }
    }

    void specialAndAddedTokensHaveLlamaIds() {
        QTemporaryDir dir;
        text::writeLlamaTokenizerFromByteLevel(trainedByteLevel(), {"<image>", "<pad>"},
                                               dir.path().toStdString(), "<pad>");
        const auto llama = text::LlamaTokenizer::fromDirectory(dir.path().toStdString());
        QCOMPARE(llama.unkId(), 0);
        QCOMPARE(llama.bosId(), 1);
        QCOMPARE(llama.eosId(), 2);
        QCOMPARE(llama.tokenToId("<0x0A>"), 3 + 0x0A);
        const int image = llama.tokenToId("<image>");
        QCOMPARE(llama.padId(), image + 1);
        QCOMPARE(int(llama.vocabSize()), image + 2);
        // The image mark is one token wherever it stands; a newline falls back to its byte.
        const std::vector<int> ids = llama.encode("USER: <image>\nQuestion:", false);
        QVERIFY(std::count(ids.begin(), ids.end(), image) == 1);
        QVERIFY(std::count(ids.begin(), ids.end(), 3 + 0x0A) == 1);
        QCOMPARE(llama.encode("x", true).front(), 1);
    }

    void answersStayOneTokenAfterAPrompt() {
        QTemporaryDir dir;
        text::writeLlamaTokenizerFromByteLevel(trainedByteLevel(), {}, dir.path().toStdString());
        const auto llama = text::LlamaTokenizer::fromDirectory(dir.path().toStdString());
        const auto split = llama.encodePromptAndAnswer("Short answer:", "red");
        QCOMPARE(split.answerIds.size(), size_t(1));
        QCOMPARE(llama.idToToken(split.answerIds[0]), std::string("\xE2\x96\x81red"));
        QCOMPARE(llama.padId(), -1); // no padding token asked for
    }

    void textOutsideThePiecesFallsBackToBytes() {
        QTemporaryDir dir;
        text::writeLlamaTokenizerFromByteLevel(trainedByteLevel(), {}, dir.path().toStdString());
        const auto llama = text::LlamaTokenizer::fromDirectory(dir.path().toStdString());
        const std::string text = "zebra \xE2\x9C\x93 Ωmega"; // letters and signs never trained
        QCOMPARE(llama.decode(llama.encode(text, false)), text);
        QVERIFY(llama.encode(text, false).size() > 8);
    }

    void anExtraTokenThatIsAlreadyAPieceIsRefused() {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(
            Error, text::writeLlamaTokenizerFromByteLevel(trainedByteLevel(), {"\xE2\x96\x81red"},
                                                          dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestLlamaFromByteLevel)
#include "TestLlamaFromByteLevel.moc"
