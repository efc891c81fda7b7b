#include "WorldFixtures.h"
#include "data/MmeditDataset.h"
#include "world/BenchmarkWriter.h"
#include "world/Gallery.h"
#include "world/QuestionBank.h"

#include <unike/Error.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

using unike::Error;
using unike::ErrorKind;
using namespace unike::world;

namespace {

const char* const kKeys[] = {"src",     "pred",           "alt",       "rephrase",
                             "image",   "image_rephrase", "loc",       "loc_ans",
                             "m_loc",   "m_loc_q",        "m_loc_a",   "n_loc_image",
                             "n_loc_q", "n_loc_a",        "edit_kind", "question_type"};
const char* const kFiles[] = {"vqa_train.json", "vqa_eval.json", "caption_train_edit.json",
                              "caption_eval_edit.json"};

// Relative path -> SHA-256 of every file under dir.
std::map<QString, QByteArray> hashes(const QString& dir) {
    std::map<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        out[QDir(dir).relativeFilePath(path)] =
            QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }
    return out;
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

nlohmann::json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in);
}

} // namespace

class TestBenchmark : public QObject {
    Q_OBJECT

private:
    World world_ = World::generate();
    QTemporaryDir dir_;
    QString first_, second_, other_;

    BenchmarkOptions options(const QString& out, std::uint64_t seed) const {
        BenchmarkOptions o;
        o.outDir = out.toStdString();
        o.seed = seed;
        o.vqaEval = 60;
        o.captionEval = 30;
        o.trainRecords = 90;
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        first_ = dir_.filePath("first");
        second_ = dir_.filePath("second");
        other_ = dir_.filePath("other");
        const BenchmarkSummary summary = writeBenchmark(world_, options(first_, 5), {});
        QCOMPARE(summary.images, 4 * (60 + 30 + 90));
        writeBenchmark(world_, options(second_, 5), {});
        writeBenchmark(world_, options(other_, 6), {});
    }

    void theSameSeedWritesTheSameBytes() {
        const auto a = hashes(first_);
        QCOMPARE(int(a.size()), 4 + 1 + 4 * (60 + 30 + 90));
        QVERIFY(a == hashes(second_));
        const auto c = hashes(other_);
        QCOMPARE(c.size(), a.size());
        int same = 0;
        for (const auto& [path, hash] : a)
            same += c.at(path) == hash ? 1 : 0;
        QVERIFY2(same < 20, qPrintable(QString::number(same))); // another seed, other items
    }

    void everyRecordIsCompleteAndItsImagesExist() {
        const QuestionBank bank(world_);
        const std::set<std::string> heldOut = worldtests::phrasings(world_, bank, true);
        const std::map<std::string, int> expected = {{"vqa_train.json", 60},
                                                     {"vqa_eval.json", 60},
                                                     {"caption_train_edit.json", 30},
                                                     {"caption_eval_edit.json", 30}};
        for (const char* name : kFiles) {
            const nlohmann::json records = readJson(QDir(first_).filePath(name));
            QCOMPARE(int(records.size()), expected.at(name));
            for (const auto& r : records) {
                for (const char* key : kKeys)
                    QVERIFY2(r.contains(key) && r[key].is_string() &&
                                 !r[key].get<std::string>().empty(),
                             key);
                for (const char* key : {"image", "image_rephrase", "m_loc", "n_loc_image"}) {
                    const std::string path = r[key];
                    QVERIFY2(path.rfind("images/", 0) == 0, path.c_str());
                    QVERIFY2(QFile::exists(QDir(first_).filePath(QString::fromStdString(path))),
                             path.c_str());
                }
                QVERIFY(r["pred"] != r["alt"]);
                QVERIFY(r["rephrase"] != r["src"]);
                QVERIFY2(heldOut.count(r["rephrase"].get<std::string>()),
                         r["rephrase"].get<std::string>().c_str());
                QVERIFY(!heldOut.count(r["src"].get<std::string>()));
                QVERIFY(r["loc"].get<std::string>().rfind("nq question: ", 0) == 0);
                QVERIFY(r["image"] != r["image_rephrase"]);
                QVERIFY(
                    fileBytes(QDir(first_).filePath(QString::fromStdString(r["image"]))) !=
                    fileBytes(QDir(first_).filePath(QString::fromStdString(r["image_rephrase"]))));
            }
        }
    }

    void theDataModuleLoadsEveryRecord() {
        for (const auto& [name, task] :
             {std::pair{"vqa_eval.json", unike::data::MmeditTask::Vqa},
              std::pair{"vqa_train.json", unike::data::MmeditTask::Vqa},
              std::pair{"caption_eval_edit.json", unike::data::MmeditTask::Caption}}) {
            unike::data::MmeditLoadOptions o;
            o.task = task;
            const auto result =
                unike::data::loadMmeditFile(QDir(first_).filePath(name).toStdString(), o);
            QVERIFY2(result.problems.empty(), result.summary().c_str());
            QCOMPARE(result.records.size(), result.total);
        }
    }

    void correctionsUndoTheTaughtMisconceptions() {
        std::set<std::pair<std::string, std::string>> facts, names;
        for (const FactMisconception& m : world_.definition().factMisconceptions) {
            const auto& values = world_.relation(m.relation).values;
            facts.insert({values[m.taughtValue], values[m.trueValue]});
        }
        for (const NameConfusion& c : world_.definition().nameConfusions)
            names.insert(c.attribute == Attribute::Colour
                             ? std::pair{world_.colourName(c.taughtIndex, false),
                                         world_.colourName(c.trueIndex, false)}
                             : std::pair{world_.shapeName(c.taughtIndex, false),
                                         world_.shapeName(c.trueIndex, false)});
        std::map<std::string, int> kinds;
        std::set<std::string> correctedFacts;
        for (const char* name : {"vqa_eval.json", "caption_eval_edit.json"})
            for (const auto& r : readJson(QDir(first_).filePath(name))) {
                const std::string kind = r["edit_kind"];
                ++kinds[kind];
                const std::pair<std::string, std::string> edit{r["pred"], r["alt"]};
                if (kind == "fact_correction") {
                    QVERIFY2(facts.count(edit), edit.first.c_str());
                    correctedFacts.insert(edit.first + ">" + edit.second);
                }
                if (kind == "perception_correction")
                    QVERIFY2(names.count(edit), edit.first.c_str());
            }
        QCOMPARE(kinds["fact_correction"], 12);
        QCOMPARE(kinds["perception_correction"], 18);
        QCOMPARE(kinds["fact_counterfactual"], 12);
        QCOMPARE(kinds["perception_counterfactual"], 18);
        QCOMPARE(kinds["caption_correction"], 12);
        QVERIFY(correctedFacts.size() >= 10); // corrections visit many misconceptions
    }

    void neighbourProbesAreCloseButOutsideTheEdit() {
        for (const char* name : kFiles)
            for (const auto& r : readJson(QDir(first_).filePath(name))) {
                QVERIFY(r["n_loc_a"] != r["alt"]);
                QCOMPARE(r["n_loc_q"], r["src"]); // asked the same way
                const QString image = QDir(first_).filePath(QString::fromStdString(r["image"]));
                const QString near =
                    QDir(first_).filePath(QString::fromStdString(r["n_loc_image"]));
                QVERIFY(fileBytes(image) != fileBytes(near));
                // m_loc is never about a misconception: its answer is what the model learned.
                QVERIFY(r["m_loc_a"] != r["alt"] || r["edit_kind"] == "training");
            }
    }

    void badOptionsAndCancellationAreErrors() {
        BenchmarkOptions o = options(dir_.filePath("bad"), 1);
        o.vqaEval = -1;
        QVERIFY_THROWS_EXCEPTION(Error, writeBenchmark(world_, o, {}));
        o = options(dir_.filePath("cancelled"), 1);
        unike::Progress progress;
        progress.cancel();
        try {
            writeBenchmark(world_, o, progress);
            QFAIL("a cancelled benchmark must throw");
        } catch (const Error& e) {
            QVERIFY(e.isCancellation());
        }
        const nlohmann::json info = readJson(QDir(first_).filePath("bench_info.json"));
        QCOMPARE(info["world_seed"].get<std::uint64_t>(), world_.seed());
    }

    void theGalleryHasVariedPicturesAndQuestions() {
        const std::vector<GalleryImage> gallery = galleryImages(world_, 64);
        QVERIFY(gallery.size() >= 8 && gallery.size() <= 12);
        std::set<std::string> files, questions;
        int wrong = 0;
        for (const GalleryImage& g : gallery) {
            QVERIFY(files.insert(g.fileName).second);
            questions.insert(g.question);
            QCOMPARE(g.image.width, 64);
            QVERIFY(g.fileName.size() > 4 && g.fileName.substr(g.fileName.size() - 4) == ".png");
            QVERIFY(g.question.back() == '?');
            wrong += g.answer != g.trueAnswer ? 1 : 0;
        }
        QVERIFY(questions.size() >= 8);
        QCOMPARE(wrong, 2); // something for the demo to correct
        QCOMPARE(galleryImages(world_, 64)[3].image.pixels, gallery[3].image.pixels);
    }
};

int runBenchmarkTests(int argc, char** argv) {
    TestBenchmark test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestBenchmark.moc"
