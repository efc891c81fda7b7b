// The demo trainer's in-context facts: which samples get a "New Fact" line, in which runs, and
// what the answer becomes, in the editors' own format.
#include "api/InContextFacts.h"
#include "api/WorldPrompts.h"
#include "model/PromptFormat.h"
#include "model/llava/LlavaPromptFormat.h"

#include <unike/Error.h>

#include <QtTest>

using namespace unike;

namespace {

// The demo model's (BLIP-2's) prompt format, which the trainer teaches.
std::string vqaPrompt(const std::string& question) {
    return model::PlainPromptFormat().prompt(question, model::PromptKind::Vqa);
}

std::string withFact(const std::string& question, const std::string& answer,
                     const std::string& prompt) {
    return model::PlainPromptFormat::afterFacts(
        model::PlainPromptFormat().newFact(question, answer), prompt);
}

world::Sample question(int i) {
    world::Sample s;
    s.question = "What does creature " + std::to_string(i) + " eat?";
    s.prompt = vqaPrompt(s.question);
    s.answer = s.trueAnswer = "honey";
    s.otherAnswers = {"insects", "pebbles", "moss"};
    return s;
}

// What the trainer does with a sample: its fact, if any, before the prompt in BLIP-2's format.
void applyFacts(InContextFacts& facts, world::Sample& s) {
    s.prompt = worldPrompt(s, model::PlainPromptFormat(), facts.apply(s));
}

InContextFactOptions options(double share, double related, int run = 4) {
    InContextFactOptions o;
    o.share = share;
    o.relatedShare = related;
    o.runLength = run;
    o.seed = 3;
    return o;
}

} // namespace

class TestInContextFacts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void relatedFactsChangeTheAnswer() {
        InContextFacts facts(options(1.0, 1.0));
        for (int i = 0; i < 20; ++i) {
            world::Sample s = question(i);
            applyFacts(facts, s);
            QVERIFY(s.answer != "honey");
            QVERIFY(std::count(s.otherAnswers.begin(), s.otherAnswers.end(), s.answer) == 1);
            QCOMPARE(s.prompt, withFact(s.question, s.answer, vqaPrompt(s.question)));
        }
    }

    void unrelatedFactsKeepTheAnswer() {
        InContextFacts facts(options(1.0, 0.0));
        for (int i = 0; i < 20; ++i) {
            world::Sample s = question(i);
            applyFacts(facts, s);
            QCOMPARE(s.answer, std::string("honey"));
            if (i == 0) { // nothing earlier to state
                QCOMPARE(s.prompt, vqaPrompt(s.question));
                continue;
            }
            const std::string earlier = "New Fact: " + question(i - 1).question + " ";
            QVERIFY2(s.prompt.rfind(earlier, 0) == 0, s.prompt.c_str());
            QVERIFY(s.prompt.find("\nPrompt: " + vqaPrompt(s.question)) != std::string::npos);
        }
    }

    void samplesAreRewrittenInRunsAtTheShare() {
        InContextFacts facts(options(0.3, 1.0, 8));
        int rewritten = 0;
        const int runs = 400;
        for (int run = 0; run < runs; ++run) {
            int inRun = 0;
            for (int i = 0; i < 8; ++i) {
                world::Sample s = question(i);
                applyFacts(facts, s);
                inRun += s.answer != "honey";
            }
            QVERIFY(inRun == 0 || inRun == 8); // a batch is all facts or none
            rewritten += inRun == 8;
        }
        QVERIFY2(rewritten > runs * 0.2 && rewritten < runs * 0.4,
                 std::to_string(rewritten).c_str());
    }

    void noShareChangesNothingAndTheSeedRepeats() {
        InContextFacts none(options(0.0, 1.0));
        world::Sample s = question(1);
        applyFacts(none, s);
        QCOMPARE(s.prompt, question(1).prompt);
        InContextFacts a(options(0.5, 0.5)), b(options(0.5, 0.5));
        for (int i = 0; i < 50; ++i) {
            world::Sample x = question(i), y = question(i);
            applyFacts(a, x);
            applyFacts(b, y);
            QCOMPARE(x.prompt, y.prompt);
            QCOMPARE(x.answer, y.answer);
        }
    }

    void aChatFormatWrapsTheFactAndTheQuestion() {
        InContextFacts facts(options(1.0, 1.0));
        world::Sample s = question(2);
        s.hasImage = true;
        const std::string fact = facts.apply(s);
        QCOMPARE(worldPrompt(s, model::LlavaPromptFormat(), fact),
                 "USER: <image>\n" + withFact(s.question, s.answer, vqaPrompt(s.question)) +
                     " ASSISTANT:");
    }

    void worldPromptsOfOtherKindsAreUsedAsWritten() {
        world::Sample text;
        text.kind = world::TaskKind::TextQa;
        text.question = "where do elves live";
        text.prompt = "nq question: where do elves live";
        QCOMPARE(worldPrompt(text, model::PlainPromptFormat()), text.prompt);
        QCOMPARE(worldPrompt(text, model::LlavaPromptFormat()),
                 std::string("USER: nq question: where do elves live ASSISTANT:"));
        world::Sample caption;
        caption.kind = world::TaskKind::Caption;
        caption.hasImage = true;
        caption.question = caption.prompt = "a photo of";
        QCOMPARE(worldPrompt(caption, model::PlainPromptFormat()), caption.prompt);
        QCOMPARE(worldPrompt(caption, model::LlavaPromptFormat()),
                 std::string("USER: <image>\na photo of ASSISTANT:"));
    }

    void badOptionsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(1.5, 0.5)});
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(0.5, -0.1)});
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(0.5, 0.5, 0)});
    }
};

QTEST_GUILESS_MAIN(TestInContextFacts)
#include "TestInContextFacts.moc"
