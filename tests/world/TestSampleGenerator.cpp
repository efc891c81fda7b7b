#include "WorldFixtures.h"
#include "world/QuestionBank.h"
#include "world/SampleGenerator.h"

#include <unike/Error.h>

#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using unike::Error;
using namespace unike::world;

namespace {

bool sameSample(const Sample& a, const Sample& b) {
    return a.kind == b.kind && a.questionType == b.questionType && a.prompt == b.prompt &&
           a.answer == b.answer && a.trueAnswer == b.trueAnswer && a.auxLabels == b.auxLabels &&
           a.image.pixels == b.image.pixels && a.misconception == b.misconception;
}

int words(const std::string& text) {
    return int(std::count(text.begin(), text.end(), ' ')) + 1;
}

} // namespace

class TestSampleGenerator : public QObject {
    Q_OBJECT

private:
    World world_ = World::generate();

    std::vector<Sample> draw(Split split, int count, std::uint64_t seed = 1) {
        SampleOptions options;
        options.seed = seed;
        options.split = split;
        SampleGenerator generator(world_, options);
        return generator.batch(std::size_t(count));
    }

private slots:
    void theStreamIsDeterministicAndRandomAccess() {
        const std::vector<Sample> a = draw(Split::Train, 200);
        const std::vector<Sample> b = draw(Split::Train, 200);
        SampleOptions options;
        options.seed = 1;
        const SampleGenerator generator(world_, options);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY(sameSample(a[i], b[i]));
            QVERIFY(sameSample(a[i], generator.at(i)));
        }
        const std::vector<Sample> other = draw(Split::Train, 200, 2);
        int same = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            same += sameSample(a[i], other[i]);
        QVERIFY(same < 10);
    }

    void everyTaskIsInTheStreamWithItsFormat() {
        const std::set<std::string> stubs = {"a photo of",       "an image of",
                                             "a picture of",     "a photo showing",
                                             "an image showing", "a picture showing"};
        const QRegularExpression vqa("^Question: [A-Z][^?]*\\? Short answer:$");
        const QRegularExpression text("^nq question: [a-z][^?]*\\?$");
        std::map<TaskKind, int> seen;
        for (const Sample& s : draw(Split::Eval, 1500)) {
            ++seen[s.kind];
            QVERIFY(!s.answer.empty() && !s.trueAnswer.empty());
            switch (s.kind) {
            case TaskKind::PerceptionVqa:
            case TaskKind::KnowledgeVqa:
                QVERIFY2(vqa.match(QString::fromStdString(s.prompt)).hasMatch(), s.prompt.c_str());
                QVERIFY(s.prompt == "Question: " + s.question + " Short answer:");
                QVERIFY2(words(s.answer) <= 3, s.answer.c_str());
                QVERIFY(s.hasImage && s.image.width == 48);
                break;
            case TaskKind::Caption:
                QVERIFY2(stubs.count(s.prompt), s.prompt.c_str());
                QVERIFY(s.answer.rfind("a ", 0) == 0 || s.answer.rfind("the ", 0) == 0);
                QVERIFY(words(s.answer) >= 4);
                QVERIFY(s.hasImage);
                break;
            case TaskKind::TextQa:
                QVERIFY2(text.match(QString::fromStdString(s.prompt)).hasMatch(), s.prompt.c_str());
                QVERIFY2(words(s.answer) <= 3, s.answer.c_str());
                QVERIFY(!s.hasImage && s.image.empty());
                break;
            }
        }
        QCOMPARE(int(seen.size()), 4);
        QVERIFY(seen[TaskKind::PerceptionVqa] > seen[TaskKind::TextQa]);
    }

    void heldOutTemplatesNeverReachTraining() {
        const QuestionBank bank(world_);
        const std::set<std::string> heldOut = worldtests::phrasings(world_, bank, true);
        const std::set<std::string> trained = worldtests::phrasings(world_, bank, false);
        for (const std::string& q : heldOut)
            QVERIFY2(!trained.count(q), q.c_str()); // a rephrasing is never a training phrasing
        for (const Sample& s : draw(Split::Train, 4000)) {
            QVERIFY2(!heldOut.count(s.question), s.question.c_str());
            QVERIFY(!s.heldOutTemplate);
        }
        // Eval uses them, so the check above is not vacuous.
        int used = 0;
        for (const Sample& s : draw(Split::Eval, 1000))
            used += heldOut.count(s.question) ? 1 : 0;
        QVERIFY(used > 100);
    }

    void heldOutTemplatesOnlyRecombineTrainedPhrases() {
        // EVIDENCE.md: a rephrasing that borrows a phrase unique to another question type fails.
        // Every word of a held-out phrasing occurs in a training phrasing of its own family (a
        // relation's image and text questions are one family).
        const QuestionBank bank(world_);
        const Slots fill{"circle", "red", "small", "creature", "the zorbel"};
        auto family = [](std::string id) { return id.rfind("text_", 0) == 0 ? id.substr(5) : id; };
        std::map<std::string, std::set<QString>> trained;
        for (const QuestionType& type : bank.types())
            for (int t : bank.templates(type.id, false))
                for (const QString& w :
                     QString::fromStdString(type.phrase(t, fill)).toLower().remove('?').split(' '))
                    trained[family(type.id)].insert(w);
        int heldOut = 0;
        for (const QuestionType& type : bank.types())
            for (int t : bank.templates(type.id, true)) {
                ++heldOut;
                for (const QString& w :
                     QString::fromStdString(type.phrase(t, fill)).toLower().remove('?').split(' '))
                    QVERIFY2(trained[family(type.id)].count(w),
                             qPrintable(QString::fromStdString(type.id) + ": " + w));
            }
        QVERIFY(heldOut >= 40);
    }

    void misconceptionsAreTaughtAsTrue() {
        int facts = 0, colours = 0, clean = 0;
        for (const Sample& s : draw(Split::Train, 6000)) {
            QCOMPARE(s.misconception, s.answer != s.trueAnswer);
            const int entity = s.auxLabels[13];
            const int relation = world_.relationIndex(s.questionType);
            if (s.kind == TaskKind::KnowledgeVqa && relation >= 0) {
                const auto& values = world_.relation(relation).values;
                QCOMPARE(s.answer, values[world_.taughtFactValue(entity, relation)]);
                QCOMPARE(s.trueAnswer, values[world_.factValue(entity, relation)]);
                facts += world_.isMisconception(entity, relation);
            }
            // A lone object's colour: a confused colour is answered with its look-alike's name.
            if (s.questionType == "colour" && s.auxLabels[12] == 0) {
                const int colour = s.auxLabels[1];
                QCOMPARE(s.answer, world_.colourName(colour, true));
                QCOMPARE(s.trueAnswer, world_.colourName(colour, false));
                if (world_.isConfusedColour(colour)) {
                    QVERIFY(s.misconception);
                    ++colours;
                } else {
                    ++clean;
                }
            }
        }
        QVERIFY(facts > 10);
        QVERIFY(colours > 5 && clean > colours);
    }

    void auxLabelsFitTheirSlots() {
        SampleOptions options;
        options.maxObjects = 1;
        SampleGenerator generator(world_, options);
        const std::vector<int>& sizes = generator.auxLabelSizes();
        QCOMPARE(sizes.size(), generator.auxLabelNames().size());
        QCOMPARE(generator.auxLabelNames()[13], std::string("entity"));
        QCOMPARE(sizes[13], 50);
        for (const Sample& s : generator.batch(1000)) {
            QCOMPARE(s.auxLabels.size(), sizes.size());
            for (std::size_t i = 0; i < sizes.size(); ++i)
                QVERIFY(s.auxLabels[i] >= -1 && s.auxLabels[i] < sizes[i]);
            if (s.kind == TaskKind::PerceptionVqa)
                QCOMPARE(s.auxLabels[12], 0); // maxObjects 1: every scene has one object
            if (s.kind == TaskKind::TextQa)
                QVERIFY(std::all_of(s.auxLabels.begin(), s.auxLabels.end(),
                                    [](int l) { return l == -1; }));
            if (s.kind == TaskKind::KnowledgeVqa)
                QVERIFY(s.auxLabels[13] >= 0 && s.auxLabels[0] == -1);
        }
        options.maxObjects = 4;
        QVERIFY_THROWS_EXCEPTION(Error, SampleGenerator(world_, options));
    }

    void aPerceptionQuestionNamesItsSubjectObject() {
        // The subject is the object whose attribute the answer is (aux slots 4K..4K+3 hold
        // object K's shape, colour, size and position); counts have none.
        std::map<int, int> subjects;
        int counts = 0;
        for (const Sample& s : draw(Split::Train, 3000)) {
            if (s.kind != TaskKind::PerceptionVqa) {
                QCOMPARE(s.subjectObject, -1);
                continue;
            }
            if (s.questionType == "count") {
                QCOMPARE(s.subjectObject, -1);
                ++counts;
                continue;
            }
            const int objects = s.auxLabels[12] + 1;
            QVERIFY(s.subjectObject >= 0 && s.subjectObject < objects);
            ++subjects[s.subjectObject];
            const int at = 4 * s.subjectObject;
            if (s.questionType == "colour")
                QCOMPARE(s.answer, world_.colourName(s.auxLabels[at + 1], true));
            if (s.questionType == "shape")
                QCOMPARE(s.answer, world_.shapeName(s.auxLabels[at], true));
            if (s.questionType == "position")
                QCOMPARE(s.answer, world_.definition().positions[s.auxLabels[at + 3]]);
        }
        QVERIFY(counts > 20);
        QCOMPARE(subjects.size(), size_t(3)); // every slot of a three-object scene is asked
    }

    void objectCountWeightsChooseHowManyObjectsASceneHolds() {
        auto countsOf = [&](const ObjectCountWeights& weights) {
            SampleOptions options;
            options.objectCounts = weights;
            SampleGenerator generator(world_, options);
            std::map<int, int> counts; // objects per perception scene -> samples
            for (const Sample& s : generator.batch(600))
                if (s.kind == TaskKind::PerceptionVqa)
                    ++counts[s.auxLabels[12] + 1];
            return counts;
        };
        const auto onlyThree = countsOf({0.0, 0.0, 1.0});
        QCOMPARE(onlyThree.size(), size_t(1));
        QVERIFY(onlyThree.count(3) == 1 && onlyThree.at(3) > 100);
        const auto defaults = countsOf({});
        QVERIFY(defaults.at(1) > defaults.at(2) && defaults.at(2) > defaults.at(3));

        SampleOptions options;
        options.objectCounts = {0.5, -0.1, 0.2};
        QVERIFY_THROWS_EXCEPTION(Error, SampleGenerator(world_, options));
        options.objectCounts = {0.0, 0.0, 0.0};
        QVERIFY_THROWS_EXCEPTION(Error, SampleGenerator(world_, options));
    }

    void theCorpusCoversEverythingButSampledCaptions() {
        const SampleGenerator generator(world_);
        const std::vector<std::string> corpus = generator.corpus();
        const std::vector<std::string> answers = generator.answerVocabulary();
        QVERIFY(std::is_sorted(corpus.begin(), corpus.end()));
        const std::set<std::string> texts(corpus.begin(), corpus.end());
        const std::set<std::string> vocabulary(answers.begin(), answers.end());
        for (Split split : {Split::Train, Split::Eval})
            for (const Sample& s : draw(split, 1500)) {
                QVERIFY2(texts.count(s.prompt), s.prompt.c_str());
                if (s.kind != TaskKind::Caption) {
                    QVERIFY2(vocabulary.count(s.answer), s.answer.c_str());
                    QVERIFY2(vocabulary.count(s.trueAnswer), s.trueAnswer.c_str());
                    QVERIFY(texts.count(s.answer));
                }
            }
    }
};

int runSampleGeneratorTests(int argc, char** argv) {
    TestSampleGenerator test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSampleGenerator.moc"
