// The demo trainer's in-context facts: which samples get a "New Fact" line, in which runs, and
// what the answer becomes, in the editors' own format.
#include "api/InContextFacts.h"
#include "model/PromptFormat.h"

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
            facts.apply(s);
            QVERIFY(s.answer != "honey");
            QVERIFY(std::count(s.otherAnswers.begin(), s.otherAnswers.end(), s.answer) == 1);
            QCOMPARE(s.prompt, withFact(s.question, s.answer, vqaPrompt(s.question)));
        }
    }

    void unrelatedFactsKeepTheAnswer() {
        InContextFacts facts(options(1.0, 0.0));
        for (int i = 0; i < 20; ++i) {
            world::Sample s = question(i);
            facts.apply(s);
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
                facts.apply(s);
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
        none.apply(s);
        QCOMPARE(s.prompt, question(1).prompt);
        InContextFacts a(options(0.5, 0.5)), b(options(0.5, 0.5));
        for (int i = 0; i < 50; ++i) {
            world::Sample x = question(i), y = question(i);
            a.apply(x);
            b.apply(y);
            QCOMPARE(x.prompt, y.prompt);
            QCOMPARE(x.answer, y.answer);
        }
    }

    void badOptionsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(1.5, 0.5)});
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(0.5, -0.1)});
        QVERIFY_THROWS_EXCEPTION(Error, InContextFacts{options(0.5, 0.5, 0)});
    }
};

QTEST_GUILESS_MAIN(TestInContextFacts)
#include "TestInContextFacts.moc"
