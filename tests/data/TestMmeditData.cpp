// The MMEdit data module: reading with EasyEdit's rules and per-record problems, deterministic
// writing, the folder layout, triplets and the protocol chunks. Every file is generated here, in
// a temporary folder; the images are empty files, since the loader only checks that they exist.

#include "data/MmeditDataset.h"

#include <unike/Error.h>

#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace unike::data;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeText(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// A complete record; its images are named after n.
MmeditRecord record(int n) {
    const std::string s = std::to_string(n);
    MmeditRecord r;
    r.src = "How many balls are in picture " + s + "?";
    r.pred = "3";
    r.alt = "2";
    r.rephrase = "What is the number of balls in picture " + s + "?";
    r.image = "val2014/COCO_" + s + ".jpg";
    r.imageRephrase = "val2014_image_rephrase/" + s + ".png";
    r.loc = "nq question: who sang song " + s;
    r.locAns = "singer " + s;
    r.mLoc = "val2014/COCO_loc_" + s + ".jpg";
    r.mLocQ = "What is in the image?";
    r.mLocA = "a cat";
    return r;
}

json toJson(const MmeditRecord& r) {
    return {{"src", r.src},           {"pred", r.pred},      {"alt", r.alt},
            {"rephrase", r.rephrase}, {"image", r.image},    {"image_rephrase", r.imageRephrase},
            {"loc", r.loc},           {"loc_ans", r.locAns}, {"m_loc", r.mLoc},
            {"m_loc_q", r.mLocQ},     {"m_loc_a", r.mLocA}};
}

// Creates the three images of r under the roots.
void makeImages(const MmeditRecord& r, const std::string& imageRoot,
                const std::string& rephraseRoot) {
    writeText(imageRoot + "/" + r.image, "jpg");
    writeText(imageRoot + "/" + r.mLoc, "jpg");
    writeText(rephraseRoot + "/" + r.imageRephrase, "png");
}

template <typename F>
void expectError(F&& action, unike::ErrorKind kind, const QStringList& phrases) {
    try {
        action();
    } catch (const unike::Error& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        for (const QString& phrase : phrases)
            QVERIFY2(message.contains(phrase),
                     qPrintable("missing \"" + phrase + "\" in: " + message));
        return;
    }
    QFAIL(qPrintable("expected an error containing " + phrases.join(" / ")));
}

// True when problems hold one for (index, field) whose reason contains `phrase`.
bool hasProblem(const MmeditLoadResult& result, size_t index, const std::string& field,
                const std::string& phrase) {
    for (const RecordProblem& p : result.problems)
        if (p.index == index && p.field == field && p.reason.find(phrase) != std::string::npos)
            return true;
    return false;
}

std::string dump(const MmeditLoadResult& result) {
    return result.summary(1000);
}

} // namespace

class TestMmeditData : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    // A fresh folder per test.
    std::string folder(const std::string& name) const {
        const std::string p = (fs::path(dir_.path().toStdString()) / name).string();
        fs::remove_all(p);
        fs::create_directories(p);
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void roundTrip() {
        const std::string f = folder("round_trip");
        std::vector<MmeditRecord> records = {record(0), record(1), record(2)};
        records[1].src = "Quelle est la couleur du ciel ? 天空是什么颜色 \"quoted\"\n\\";
        for (const MmeditRecord& r : records)
            makeImages(r, f, f);
        writeMmeditFile(f + "/vqa_eval.json", records);
        QVERIFY(!fs::exists(f + "/vqa_eval.json.tmp"));

        const MmeditLoadResult result = loadMmeditFile(f + "/vqa_eval.json");
        QVERIFY2(result.problems.empty(), dump(result).c_str());
        QCOMPARE(result.records.size(), std::size_t(3));
        QCOMPARE(result.total, std::size_t(3));
        for (size_t i = 0; i < records.size(); ++i) {
            MmeditRecord expected = records[i];
            expected.imagePath = (fs::path(f) / expected.image).string();
            expected.imageRephrasePath = (fs::path(f) / expected.imageRephrase).string();
            expected.mLocPath = (fs::path(f) / expected.mLoc).string();
            QVERIFY2(result.records[i] == expected, std::to_string(i).c_str());
        }
        QVERIFY(fs::path(result.records[0].imagePath).is_absolute());
        // Writing what was read gives the same bytes: resolved paths are not written.
        writeMmeditFile(f + "/again.json", result.records);
        QCOMPARE(qs(readText(f + "/again.json")), qs(readText(f + "/vqa_eval.json")));
    }

    void outputIsByteDeterministic() {
        const std::string f = folder("bytes");
        std::vector<MmeditRecord> records = {record(7), record(8)};
        records[0].alt = "é";
        writeMmeditFile(f + "/a.json", records);
        writeMmeditFile(f + "/b.json", records);
        const std::string a = readText(f + "/a.json");
        QCOMPARE(qs(a), qs(readText(f + "/b.json")));
        QCOMPARE(qs(a), qs(formatMmeditJson(records)));
        // The documented shape: key order of the table, 2-space indentation, raw UTF-8, newline.
        QVERIFY(a.rfind("[\n  {\n    \"src\": \"How many balls", 0) == 0);
        QVERIFY(a.find("\"alt\": \"é\"") != std::string::npos);
        QVERIFY(a.find("\\u") == std::string::npos);
        QVERIFY(a.size() > 4 && a.compare(a.size() - 4, 4, "}\n]\n") == 0);
        size_t last = 0;
        for (const MmeditField& field : mmeditFields()) {
            const size_t at = a.find("\"" + std::string(field.key) + "\":");
            QVERIFY2(at != std::string::npos && at >= last, field.key);
            last = at;
        }
        QCOMPARE(qs(formatMmeditJson({})), QString("[]\n"));
        // Overwriting replaces the file.
        writeMmeditFile(f + "/a.json", {record(9)});
        QVERIFY(readText(f + "/a.json").find("picture 9") != std::string::npos);
    }

    void writerErrors() {
        const std::string f = folder("writer_errors");
        expectError([&] { writeMmeditFile(f + "/no/such/folder/x.json", {record(0)}); },
                    unike::ErrorKind::File, {"cannot write", "x.json.tmp", "folder exists"});
        QVERIFY(!fs::exists(f + "/no/such/folder/x.json.tmp"));
        MmeditRecord bad = record(0);
        bad.locAns = std::string("bad \xff byte");
        expectError(
            [&] {
                writeMmeditFile(f + "/bad.json", {record(1), bad});
            },
            unike::ErrorKind::InvalidInput, {"record 1", "\"loc_ans\"", "UTF-8"});
        QVERIFY(!fs::exists(f + "/bad.json"));
        QVERIFY(!fs::exists(f + "/bad.json.tmp"));
    }

    void easyEditDropRules() {
        const std::string f = folder("drop_rules");
        json array = json::array();
        for (int i = 0; i < 5; ++i) {
            makeImages(record(i), f, f);
            array.push_back(toJson(record(i)));
        }
        array[1]["alt"] = "";     // dropped by both loaders
        array[2]["loc_ans"] = ""; // dropped by the VQA loader only
        array[3]["pred"] = "";    // likewise
        writeText(f + "/data.json", array.dump());

        MmeditLoadOptions vqa;
        vqa.task = MmeditTask::Vqa;
        const MmeditLoadResult v = loadMmeditFile(f + "/data.json", vqa);
        QCOMPARE(v.records.size(), std::size_t(2));
        QCOMPARE(qs(v.records[0].src), qs(record(0).src));
        QCOMPARE(qs(v.records[1].src), qs(record(4).src));
        QCOMPARE(v.skipped(), std::size_t(3));
        QVERIFY(hasProblem(v, 1, "alt", "EasyEdit drops records without an edit target"));
        QVERIFY(hasProblem(v, 2, "loc_ans", "VQA loader drops records with an empty field"));
        QVERIFY(hasProblem(v, 3, "pred", "VQA loader"));

        MmeditLoadOptions caption;
        caption.task = MmeditTask::Caption;
        const MmeditLoadResult c = loadMmeditFile(f + "/data.json", caption);
        QCOMPARE(c.records.size(), std::size_t(4));
        QCOMPARE(c.problems.size(), std::size_t(1));
        QVERIFY(hasProblem(c, 1, "alt", "empty"));
        QCOMPARE(qs(c.records[2].pred), QString());
    }

    void everyProblemKindIsReported() {
        const std::string f = folder("problems");
        json array = json::array();
        for (int i = 0; i < 8; ++i) {
            makeImages(record(i), f, f);
            array.push_back(toJson(record(i)));
        }
        array[1].erase("rephrase");                    // missing field
        array[2]["pred"] = 3;                          // wrong type
        array[3]["alt"] = "";                          // empty target
        fs::remove(f + "/" + record(4).imageRephrase); // missing image
        array[5] = "not an object";                    // not a record at all
        array[6]["m_loc_a"] = nullptr;                 // null
        array[6]["image"] = json::array({"a", "b"});   // and a second problem in the same record
        array[7]["extra_key"] = "ignored";             // unknown keys are fine
        writeText(f + "/data.json", array.dump(1));

        const MmeditLoadResult r = loadMmeditFile(f + "/data.json");
        QCOMPARE(r.total, std::size_t(8));
        QCOMPARE(r.records.size(), std::size_t(2));
        QCOMPARE(qs(r.records[0].src), qs(record(0).src));
        QCOMPARE(qs(r.records[1].src), qs(record(7).src));
        QCOMPARE(r.skipped(), std::size_t(6));
        QVERIFY(hasProblem(r, 1, "rephrase", "is missing"));
        QVERIFY(hasProblem(r, 2, "pred", "is a number, not a string"));
        QVERIFY(hasProblem(r, 3, "alt", "is empty"));
        QVERIFY(hasProblem(r, 4, "image_rephrase", "does not exist"));
        QVERIFY(hasProblem(r, 5, "", "is a string, not an object"));
        QVERIFY(hasProblem(r, 6, "m_loc_a", "is null, not a string"));
        QVERIFY(hasProblem(r, 6, "image", "is an array, not a string"));
        QCOMPARE(r.problems.size(), std::size_t(7));

        // The summary names each record, field and reason, and hints at the image roots.
        const QString summary = qs(r.summary());
        for (const char* phrase :
             {"loaded 2 of 8 records", "6 left out", "record 1, \"rephrase\": is missing",
              "record 2, \"pred\": is a number", "record 3, \"alt\"",
              "record 4, \"image_rephrase\"", "record 5: is a string", "record 6, \"m_loc_a\"",
              "hint:", "coco_image"})
            QVERIFY2(summary.contains(phrase), qPrintable(summary));
        QVERIFY2(qs(r.summary(2)).contains("and 5 more problems"), r.summary(2).c_str());
        QVERIFY(!qs(r.summary(2)).contains("record 6"));

        // Without the image check, the record with the missing image loads with its path.
        MmeditLoadOptions unchecked;
        unchecked.checkImagesExist = false;
        const MmeditLoadResult u = loadMmeditFile(f + "/data.json", unchecked);
        QCOMPARE(u.records.size(), std::size_t(3));
        QCOMPARE(qs(u.records[1].imageRephrasePath),
                 qs((fs::path(f) / record(4).imageRephrase).string()));
    }

    void cleanLoadSummaryAndLimit() {
        const std::string f = folder("limit");
        json array = json::array();
        for (int i = 0; i < 6; ++i) {
            makeImages(record(i), f, f);
            array.push_back(toJson(record(i)));
        }
        array[4]["alt"] = "";
        writeText(f + "/data.json", array.dump());
        const MmeditLoadResult all = loadMmeditFile(f + "/data.json");
        QCOMPARE(all.records.size(), std::size_t(5));
        MmeditLoadOptions first;
        first.limit = 3;
        const MmeditLoadResult some = loadMmeditFile(f + "/data.json", first);
        QCOMPARE(some.records.size(), std::size_t(3));
        QCOMPARE(some.examined, std::size_t(3));
        QCOMPARE(some.total, std::size_t(6));
        QVERIFY(some.problems.empty());
        QVERIFY2(qs(some.summary()).contains("loaded 3 of the first 3 of 6 records."),
                 some.summary().c_str());
        writeText(f + "/empty.json", "[]");
        QCOMPARE(loadMmeditFile(f + "/empty.json").records.size(), std::size_t(0));
    }

    void fileErrorsNameTheFile() {
        const std::string f = folder("file_errors");
        writeText(f + "/broken.json", "[\n  {\"src\": \"a\",\n   \"pred\" \"b\"}\n]");
        expectError([&] { loadMmeditFile(f + "/broken.json"); }, unike::ErrorKind::File,
                    {"broken.json", "not valid JSON", "line 3, column"});
        writeText(f + "/truncated.json", "[{\"src\": \"a\"");
        expectError([&] { loadMmeditFile(f + "/truncated.json"); }, unike::ErrorKind::File,
                    {"truncated.json", "line 1, column"});
        writeText(f + "/object.json", R"({"data": []})");
        expectError([&] { loadMmeditFile(f + "/object.json"); }, unike::ErrorKind::File,
                    {"object.json", "holds a JSON object, not an array", "src, pred, alt"});
        expectError([&] { loadMmeditFile(f + "/nope.json"); }, unike::ErrorKind::File,
                    {"nope.json", "does not exist"});
        expectError([&] { loadMmeditFile(f); }, unike::ErrorKind::File, {"is a folder"});
        writeText(f + "/ok.json", "[]");
        MmeditLoadOptions badRoot;
        badRoot.imageRoot = f + "/no_images_here";
        expectError([&] { loadMmeditFile(f + "/ok.json", badRoot); }, unike::ErrorKind::File,
                    {"image root", "no_images_here", "is not a folder"});
    }

    void bothImageRoots() {
        const std::string f = folder("roots");
        const std::string coco = folder("roots_coco"), rephrase = folder("roots_rephrase");
        const MmeditRecord r = record(3);
        makeImages(r, coco, rephrase);
        writeMmeditFile(f + "/vqa_eval.json", {r});

        MmeditLoadOptions options;
        options.imageRoot = coco;
        options.rephraseImageRoot = rephrase;
        const MmeditLoadResult result = loadMmeditFile(f + "/vqa_eval.json", options);
        QVERIFY2(result.problems.empty(), dump(result).c_str());
        QCOMPARE(qs(result.records[0].imagePath), qs((fs::path(coco) / r.image).string()));
        QCOMPARE(qs(result.records[0].mLocPath), qs((fs::path(coco) / r.mLoc).string()));
        QCOMPARE(qs(result.records[0].imageRephrasePath),
                 qs((fs::path(rephrase) / r.imageRephrase).string()));

        // Swapped roots find none of the images; each is reported.
        std::swap(options.imageRoot, options.rephraseImageRoot);
        const MmeditLoadResult swapped = loadMmeditFile(f + "/vqa_eval.json", options);
        QCOMPARE(swapped.records.size(), std::size_t(0));
        QVERIFY(hasProblem(swapped, 0, "image", rephrase));
        QVERIFY(hasProblem(swapped, 0, "m_loc", "does not exist"));
        QVERIFY(hasProblem(swapped, 0, "image_rephrase", coco));
        // The defaults are the data file's folder.
        const MmeditLoadResult defaults = loadMmeditFile(f + "/vqa_eval.json");
        QCOMPARE(qs(defaults.imageRoot), qs(fs::path(f).string()));
        QCOMPARE(defaults.problems.size(), std::size_t(3));
    }

    // A downloaded file must not make the tool read files outside its image folders: such
    // records are left out with a reason, the others load, and an opt-in allows them.
    void imagePathsStayInsideTheirFolder() {
        const std::string f = folder("escape");
        const std::string outside = folder("escape_outside");
        writeText(outside + "/secret.jpg", "jpg");
        MmeditRecord good = record(1), dotted = record(2), absolute = record(3), sneaky = record(4);
        dotted.image = "../escape_outside/secret.jpg";
        absolute.mLoc = outside + "/secret.jpg";
        sneaky.imageRephrase = "val2014/../../escape_outside/secret.jpg";
        for (const MmeditRecord* r : {&good, &dotted, &absolute, &sneaky})
            makeImages(*r, f, f);
        writeMmeditFile(f + "/vqa_eval.json", {good, dotted, absolute, sneaky});

        const MmeditLoadResult result = loadMmeditFile(f + "/vqa_eval.json");
        QCOMPARE(result.records.size(), std::size_t(1));
        QCOMPARE(qs(result.records[0].src), qs(good.src));
        QVERIFY2(hasProblem(result, 1, "image", "outside the image folder"), dump(result).c_str());
        QVERIFY2(hasProblem(result, 2, "m_loc", "outside the image folder"), dump(result).c_str());
        QVERIFY2(hasProblem(result, 3, "image_rephrase", "outside the image folder"),
                 dump(result).c_str());

        MmeditLoadOptions trusting;
        trusting.allowImagesOutsideRoot = true;
        QCOMPARE(loadMmeditFile(f + "/vqa_eval.json", trusting).records.size(), std::size_t(4));
    }

    void repeatedLocalityIsANoteNotAFailure() {
        const std::string f = folder("repeated_loc");
        std::vector<MmeditRecord> records;
        for (int i = 0; i < 30; ++i) {
            records.push_back(record(i));
            records.back().loc = i % 2 ? "nq question: one" : "nq question: two";
        }
        writeMmeditFile(f + "/vqa_train.json", records);
        MmeditLoadOptions options;
        options.checkImagesExist = false;
        const MmeditLoadResult r = loadMmeditFile(f + "/vqa_train.json", options);
        QCOMPARE(r.records.size(), std::size_t(30));
        QCOMPARE(r.notes.size(), std::size_t(1));
        QVERIFY2(qs(r.summary()).contains("repeat only 2 distinct strings"), r.summary().c_str());
        // Distinct questions give no note.
        for (int i = 0; i < 30; ++i)
            records[i].loc = record(i).loc;
        writeMmeditFile(f + "/varied.json", records);
        QVERIFY(loadMmeditFile(f + "/varied.json", options).notes.empty());
    }

    void folderLayout() {
        QCOMPARE(qs(mmeditFileName(MmeditTask::Vqa, "train")), QString("vqa_train.json"));
        QCOMPARE(qs(mmeditFileName(MmeditTask::Vqa, "eval")), QString("vqa_eval.json"));
        QCOMPARE(qs(mmeditFileName(MmeditTask::Caption, "train")),
                 QString("caption_train_edit.json"));
        QCOMPARE(qs(mmeditFileName(MmeditTask::Caption, "eval")),
                 QString("caption_eval_edit.json"));
        expectError([] { mmeditFileName(MmeditTask::Vqa, "test"); }, unike::ErrorKind::InvalidInput,
                    {"'test'", "train", "eval"});

        const std::string flat = folder("layout_flat");
        writeText(flat + "/vqa_eval.json", "[]");
        QCOMPARE(qs(findMmeditFile(flat, MmeditTask::Vqa, "eval")),
                 qs((fs::path(flat) / "vqa_eval.json").string()));

        const std::string release = folder("layout_release");
        writeText(release + "/vqa/vqa_train.json", "[]");
        writeText(release + "/caption/caption_eval_edit.json", "[]");
        QCOMPARE(qs(findMmeditFile(release, MmeditTask::Vqa, "train")),
                 qs((fs::path(release) / "vqa" / "vqa_train.json").string()));
        QCOMPARE(qs(findMmeditFile(release, MmeditTask::Caption, "eval")),
                 qs((fs::path(release) / "caption" / "caption_eval_edit.json").string()));
        // A file directly in the folder wins over the subfolder's.
        writeText(release + "/vqa_train.json", "[]");
        QCOMPARE(qs(findMmeditFile(release, MmeditTask::Vqa, "train")),
                 qs((fs::path(release) / "vqa_train.json").string()));

        expectError([&] { findMmeditFile(release, MmeditTask::Caption, "train"); },
                    unike::ErrorKind::File,
                    {"E-IC train", qs(release + "/caption_train_edit.json"),
                     qs(release + "/caption/caption_train_edit.json")});
        expectError([&] { findMmeditFile(release + "/missing", MmeditTask::Vqa, "eval"); },
                    unike::ErrorKind::File, {"missing", "does not exist"});
        QVERIFY(parseMmeditTask("caption") == MmeditTask::Caption);
        QCOMPARE(QString(mmeditTaskName(MmeditTask::Vqa)), QString("vqa"));
        expectError([] { parseMmeditTask("VQA "); }, unike::ErrorKind::InvalidInput,
                    {"'VQA '", "'vqa'", "'caption'"});
    }

    void triplets() {
        std::vector<MmeditRecord> records = {record(0), record(1), record(2), record(3), record(4)};
        records[0].imagePath = "/abs/0.jpg";
        records[1].pred = "2";   // pred == alt: no contrast
        records[2].pred = " 2 "; // the same answer, spaced
        records[3].pred = "";    // no wrong answer
        records[4].alt = "Yes";
        records[4].pred = "No";
        const std::vector<Triplet> t = makeTriplets(records);
        QCOMPARE(t.size(), std::size_t(2));
        QCOMPARE(qs(t[0].imagePath), QString("/abs/0.jpg"));
        QCOMPARE(qs(t[0].prompt), qs(records[0].src));
        QCOMPARE(qs(t[0].positive), QString("2"));
        QCOMPARE(qs(t[0].negative), QString("3"));
        QCOMPARE(qs(t[1].imagePath), qs(records[4].image)); // unresolved: as written
        QCOMPARE(qs(t[1].positive), QString("Yes"));
        QCOMPARE(qs(t[1].negative), QString("No"));
        records[4].pred = "yes";
        QCOMPARE(makeTriplets(records).size(), std::size_t(1));
    }

    void chunking() {
        const Chunks one = oneStepChunks(3);
        QVERIFY(one == (Chunks{{0}, {1}, {2}}));
        QVERIFY(oneStepChunks(0).empty());

        const Chunks seq = sequentialChunks(10, 3);
        QCOMPARE(seq.size(), std::size_t(4));
        QVERIFY(seq == (Chunks{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9}}));
        QVERIFY(sequentialChunks(6, 3) == (Chunks{{0, 1, 2}, {3, 4, 5}}));
        QVERIFY(sequentialChunks(2, 5) == (Chunks{{0, 1}}));
        expectError([] { sequentialChunks(4, 0); }, unike::ErrorKind::InvalidInput, {"K >= 1"});

        const auto cross = crossTaskChunks(12, 10);
        QCOMPARE(cross.size(), std::size_t(2));
        for (const auto& chunk : cross) {
            QCOMPARE(chunk.size(), std::size_t(10));
            size_t vqa = 0;
            for (const TaskEdit& e : chunk)
                vqa += e.first == MmeditTask::Vqa;
            QCOMPARE(vqa, std::size_t(5));
        }
        QVERIFY(cross[0][0] == TaskEdit(MmeditTask::Vqa, 0));
        QVERIFY(cross[0][1] == TaskEdit(MmeditTask::Caption, 0));
        QVERIFY(cross[1][9] == TaskEdit(MmeditTask::Caption, 9));
        const auto shortLast = crossTaskChunks(7, 8, 10);
        QCOMPARE(shortLast.size(), std::size_t(2));
        QCOMPARE(shortLast[1].size(), std::size_t(4)); // 2 + 2, still balanced
        QVERIFY(shortLast[1][3] == TaskEdit(MmeditTask::Caption, 6));
        expectError([] { crossTaskChunks(10, 10, 5); }, unike::ErrorKind::InvalidInput,
                    {"even", "5"});
        expectError([] { crossTaskChunks(10, 10, 0); }, unike::ErrorKind::InvalidInput, {"even"});
    }

    void protocolParser() {
        const EditProtocol one = parseEditProtocol("one-step");
        QVERIFY(one.kind == EditProtocol::Kind::OneStep);
        QCOMPARE(qs(one.name()), QString("one-step"));
        QVERIFY(one.chunks(2) == (Chunks{{0}, {1}}));
        const EditProtocol seq = parseEditProtocol("seq:3");
        QVERIFY(seq.kind == EditProtocol::Kind::Sequential);
        QCOMPARE(seq.chunkSize, std::size_t(3));
        QCOMPARE(qs(seq.name()), QString("seq:3"));
        QCOMPARE(seq.chunks(10).size(), std::size_t(4));
        QCOMPARE(parseEditProtocol("seq:100").chunkSize, std::size_t(100));

        const std::pair<const char*, const char*> bad[] = {
            {"", "unknown protocol"},
            {"onestep", "unknown protocol"},
            {"seq", "unknown protocol"},
            {"seq:", "K is missing"},
            {"seq:0", "at least 1"},
            {"seq:-3", "positive whole number"},
            {"seq:3x", "positive whole number"},
            {"seq: 3", "positive whole number"},
            {"seq:99999999999999999999999", "too large"},
        };
        for (const auto& [text, phrase] : bad)
            expectError([&] { parseEditProtocol(text); }, unike::ErrorKind::InvalidInput,
                        {phrase, "'one-step'", "'seq:K'", QString("'") + text + "'"});
    }
};

QTEST_GUILESS_MAIN(TestMmeditData)
#include "TestMmeditData.moc"
