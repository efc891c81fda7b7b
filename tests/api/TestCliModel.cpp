// `unike ask`, `tokenize` and `forward` on a model folder a test builds.
#include "TinyModelFolder.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "model/blip2/Blip2Files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>

using namespace unike;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runUnike(const QStringList& args) {
    QProcess process;
    process.start(UNIKE_CLI_PATH, args);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCliModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString folder_;
    QString image_;

private Q_SLOTS:
    void initTestCase() {
        folder_ = dir_.filePath("model");
        image_ = dir_.filePath("image.png");
        test::writeTinyModelFolder(folder_.toStdString(), image_.toStdString());
    }

    void askPrintsJson() {
        const Run run = runUnike({"ask", "--model", folder_, "--image", image_, "--question",
                                  "what colour is the circle?", "--max-new-tokens", "4", "--top-k",
                                  "2", "--score", "red", "--json", "-q"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json["prompt"].toString(),
                 QString("Question: what colour is the circle? Short answer:"));
        QVERIFY(json.contains("answer"));
        for (const auto& token : json["tokens"].toArray())
            QCOMPARE(token.toObject()["top_k"].toArray().size(), 2);
        QVERIFY(json["score"].toObject()["token_accuracy"].toDouble() >= 0.0);
    }

    void askRefusesBadInputClearly() {
        Run run = runUnike({"ask", "--model", folder_, "--image", image_, "--question", " "});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("question is empty"), qPrintable(run.err));
        QFile corrupt(dir_.filePath("corrupt.png"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("\x89PNG\r\n\x1a\nnot really");
        corrupt.close();
        run = runUnike(
            {"ask", "--model", folder_, "--image", corrupt.fileName(), "--question", "what?"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("corrupt.png"), qPrintable(run.err));
        run = runUnike(
            {"ask", "--model", dir_.filePath("nowhere"), "--image", image_, "--question", "q"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("does not exist"), qPrintable(run.err));
    }

    void tokenizePrintsIds() {
        const Run run = runUnike({"tokenize", "--model", folder_, "a photo of", "red"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("2 ")); // BOS first
        const Run bare = runUnike({"tokenize", "--model", folder_, "--no-special", "a photo of"});
        QCOMPARE(QString::fromUtf8(bare.out).trimmed(), lines[0].mid(2));
    }

    void makeRandomModelWritesALoadableCheckpoint() {
        const QString out = dir_.filePath("random-demo");
        const Run made =
            runUnike({"-q", "make-random-model", "--config", "demo", "--out", out, "--seed", "4"});
        QCOMPARE(made.exitCode, 0);
        const auto model = model::loadBlip2(out.toStdString(), {});
        QCOMPARE(model->config().text.numHiddenLayers, int64_t(4));
        QCOMPARE(model->config().text.hiddenSize, int64_t(128));
        // float16 on disk by default: two bytes a parameter, plus the header.
        const qint64 bytes = QFileInfo(out + "/model.safetensors").size();
        const int64_t parameters = model->parameters().parameterCount();
        QVERIFY(bytes >= 2 * parameters && bytes < 2 * parameters + (1 << 20));
        const Run asked = runUnike({"-q", "ask", "--model", out, "--image", image_, "--question",
                                    "What colour is it?", "--json", "--device", "cpu"});
        QCOMPARE(asked.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(asked.out).object().contains("answer"));

        const Run unknown = runUnike({"make-random-model", "--config", "gpt-9", "--out", out});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("unknown random config 'gpt-9'"));
    }

    void benchDemoListsEveryWrongAnswer() {
        const QString mistakes = dir_.filePath("mistakes");
        const Run run =
            runUnike({"-q", "bench", "demo", "--samples", "25", "--mistakes", mistakes});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        double expectedRows = 0;
        for (const char* task : {"perception_vqa", "knowledge_vqa", "text_qa"}) {
            const double n = report.value(QString(task) + "_n").toDouble();
            QCOMPARE(n, 25.0);
            expectedRows +=
                n * (1.0 - report.value(QString(task) + "_exact_match").toDouble() / 100.0);
        }
        // Perception split by how many objects the scene holds adds up to the whole.
        double byCount = 0;
        for (const char* part : {"1_object", "2_objects", "3_objects"})
            byCount += report.value(QString("perception_") + part + "_n").toDouble();
        QCOMPARE(byCount, 25.0);

        QFile csv(mistakes + "/mistakes.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QString("task,question_type,image,question,expected,answer"));
        QCOMPARE(double(lines.size() - 1), std::round(expectedRows));
        for (const QString& line : lines.mid(1)) {
            const QStringList fields = line.split(',');
            QVERIFY(fields.size() >= 6);
            if (fields[0] != "text_qa")
                QVERIFY2(QFileInfo::exists(mistakes + "/" + fields[2]), qPrintable(line));
            // A mistake, not a match (a question may hold commas, the answers do not).
            QVERIFY2(fields[fields.size() - 2] != fields.last(), qPrintable(line));
        }
    }

    void forwardWritesLogitsAndHiddenStates() {
        torch::manual_seed(1);
        auto pixels = torch::randn({1, 3, 16, 16});
        std::vector<int64_t> ids = {2, 10, 11, 12};
        io::SafetensorsWriter writer;
        writer.add("pixel_values", io::DType::F32, {1, 3, 16, 16}, pixels.data_ptr(),
                   size_t(pixels.numel()) * 4);
        writer.add("input_ids", io::DType::I64, {1, 4}, ids.data(), ids.size() * 8);
        const QString inputs = dir_.filePath("inputs.safetensors");
        const QString outputs = dir_.filePath("outputs.safetensors");
        writer.write(inputs.toStdString());
        const Run run = runUnike({"forward", "--model", folder_, "--inputs", inputs, "--out",
                                  outputs, "--hidden", "-q"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const auto file = io::SafetensorsFile::open(outputs.toStdString());
        const auto* logits = file.find("logits");
        QVERIFY(logits);
        QCOMPARE(logits->shape.size(), size_t(3));
        QCOMPARE(logits->shape[1], int64_t(4 + 4)); // query tokens + text
        QVERIFY(file.find("lm_hidden_state_2") && !file.find("lm_hidden_state_3"));
        // The CLI's logits equal the engine's own forward.
        auto model = model::loadBlip2(folder_.toStdString(), {});
        model::ForwardInput input;
        input.pixelValues = pixels;
        input.inputIds = torch::tensor(ids).view({1, 4});
        auto expected = model->forward(input).logits.contiguous();
        std::vector<float> written(size_t(logits->numel()));
        std::memcpy(written.data(), file.data(*logits), logits->byteSize);
        QVERIFY(torch::allclose(torch::from_blob(written.data(), expected.sizes()), expected));
    }

    // states -> tsne: tagged rows of a small eval split, projected with their tags.
    void statesFeedTsne() {
        const QString data = dir_.filePath("data");
        QVERIFY(QDir().mkpath(data));
        QVERIFY(QFile::copy(image_, data + "/image.png"));
        QFile eval(data + "/vqa_eval.json");
        QVERIFY(eval.open(QIODevice::WriteOnly));
        QByteArray records = "[";
        for (int i = 0; i < 3; ++i)
            records += QByteArray(i ? "," : "") + "{\"src\": \"what is thing " +
                       QByteArray::number(i) +
                       "?\", \"pred\": \"one\", \"alt\": \"two\", \"rephrase\": \"which "
                       "thing?\", \"image\": \"image.png\", \"image_rephrase\": "
                       "\"image.png\", \"loc\": \"who, then?\", \"loc_ans\": \"me\", "
                       "\"m_loc\": \"image.png\", \"m_loc_q\": \"what?\", \"m_loc_a\": "
                       "\"red\"}";
        eval.write(records + "]");
        eval.close();

        const QString states = dir_.filePath("states.safetensors");
        Run run = runUnike({"states", "--model", folder_, "--data", data, "--limit", "2", "--out",
                            states, "--json", "-q"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary["rows"].toInt(), 14);
        QCOMPARE(summary["space"].toString(), QString("raw"));
        QCOMPARE(summary["roles"].toObject()["negative"].toInt(), 2);
        QVERIFY(QFile::exists(states + ".csv"));

        // The encoders' spaces need a prepared model, and say how to get one.
        run = runUnike({"states", "--model", folder_, "--data", data, "--space", "semantic",
                        "--out", dir_.filePath("x.safetensors"), "-q"});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("unike prepare"), qPrintable(run.err));

        const QString projected = dir_.filePath("projected.csv");
        run = runUnike({"tsne", "--in", states, "--out", projected, "--perplexity", "3", "--iters",
                        "100", "-q"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile csv(projected);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 14);
        QCOMPARE(lines[0], QByteArray("x,y,role,edit,phase,text,answer,image"));
        QVERIFY(lines[4].contains("text-locality,0,before,\"who, then?\""));
    }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "TestCliModel.moc"
