// The bad-input catalogue of docs/RELIABILITY.md, run against the CLI: each broken input
// gets a clear message and exit code 1 or 2 (or, for damaged but loadable weights, a warning
// naming the tensor), never a crash or a silent success. Writes the catalogue, message by
// message, to bad-input-catalogue.md in the build folder.
#include "TinyModelFolder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A safetensors file as its header and its data, to corrupt one and write it back.
struct Safetensors {
    json header;
    std::string data;

    static Safetensors read(const fs::path& path) {
        const std::string bytes = readBytes(path);
        uint64_t length = 0;
        std::memcpy(&length, bytes.data(), 8);
        return {json::parse(bytes.substr(8, length)), bytes.substr(8 + length)};
    }
    std::string bytes() const {
        const std::string text = header.dump();
        const uint64_t length = text.size();
        std::string out(8, '\0');
        std::memcpy(out.data(), &length, 8);
        return out + text + data;
    }
    // The first tensor's entry (not __metadata__).
    json& first() {
        for (auto& [name, entry] : header.items())
            if (name != "__metadata__")
                return entry;
        throw std::runtime_error("no tensor");
    }
};

struct Case {
    QString group, input;
    // Prepares the files in `dir` (a copy of the tiny model is at dir/model) and returns the
    // CLI arguments.
    std::function<QStringList(const fs::path& dir)> prepare;
    QString phrase;     // the message must contain this
    bool loads = false; // damaged weights that load with a warning (exit 0)
};

} // namespace

class TestBadInputCatalogue : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    fs::path model_, image_;

    QStringList ask(const fs::path& model, const fs::path& image, const QString& question) const {
        return {"ask",
                "--model",
                QString::fromStdString(model.string()),
                "--image",
                QString::fromStdString(image.string()),
                "--question",
                question,
                "--max-new-tokens",
                "2"};
    }
    QStringList askWith(const fs::path& dir, const QString& question) const {
        return ask(dir / "model", image_, question);
    }
    QStringList askImage(const fs::path& image) const {
        return ask(model_, image, "what colour is the circle?");
    }
    // A corrupted copy of the model's checkpoint.
    std::function<QStringList(const fs::path&)>
    corruptWeights(std::function<void(Safetensors&)> change) const {
        return [this, change](const fs::path& dir) {
            Safetensors file = Safetensors::read(dir / "model" / "model.safetensors");
            change(file);
            writeBytes(dir / "model" / "model.safetensors", file.bytes());
            return askWith(dir, "what?");
        };
    }
    std::function<QStringList(const fs::path&)>
    corruptConfig(std::function<void(json&)> change) const {
        return [this, change](const fs::path& dir) {
            json config = json::parse(readBytes(dir / "model" / "config.json"));
            change(config);
            writeBytes(dir / "model" / "config.json", config.dump(2));
            return askWith(dir, "what?");
        };
    }
    std::function<QStringList(const fs::path&)> evalRecords(json records) const {
        return [this, records](const fs::path& dir) {
            fs::create_directories(dir / "data");
            fs::copy_file(image_, dir / "data" / "image.png");
            writeBytes(dir / "data" / "vqa_eval.json", records.dump());
            return QStringList{"eval",
                               "--model",
                               QString::fromStdString(model_.string()),
                               "--data",
                               QString::fromStdString((dir / "data").string()),
                               "--method",
                               "none"};
        };
    }
    json goodRecord() const {
        return {{"src", "what colour is the circle?"},
                {"pred", "red"},
                {"alt", "blue"},
                {"rephrase", "which colour is the circle?"},
                {"image", "image.png"},
                {"image_rephrase", "image.png"},
                {"loc", "nq question: who?"},
                {"loc_ans", "me"},
                {"m_loc", "image.png"},
                {"m_loc_q", "what?"},
                {"m_loc_a", "red"}};
    }

    std::vector<Case> cases() const {
        const std::string png = readBytes(image_);
        std::vector<Case> all = {
            {"image", "corrupt PNG (valid signature, garbage after)",
             [=](const fs::path& d) {
                 writeBytes(d / "x.png", png.substr(0, 8) + std::string(200, 'x'));
                 return askImage(d / "x.png");
             },
             "x.png"},
            {"image", "truncated PNG (first half)",
             [=](const fs::path& d) {
                 writeBytes(d / "x.png", png.substr(0, png.size() / 2));
                 return askImage(d / "x.png");
             },
             "x.png"},
            {"image", "empty file",
             [=](const fs::path& d) {
                 writeBytes(d / "x.png", "");
                 return askImage(d / "x.png");
             },
             "x.png"},
            {"image", "a text file named .png",
             [=](const fs::path& d) {
                 writeBytes(d / "x.png", "hello, I am text\n");
                 return askImage(d / "x.png");
             },
             "x.png"},
            {"image", "PNG header claiming 100000 x 100000 pixels",
             [=](const fs::path& d) {
                 std::string bomb = png;
                 const unsigned char side[4] = {0x00, 0x01, 0x86, 0xA0};
                 bomb.replace(16, 4, reinterpret_cast<const char*>(side), 4);
                 bomb.replace(20, 4, reinterpret_cast<const char*>(side), 4);
                 writeBytes(d / "x.png", bomb);
                 return askImage(d / "x.png");
             },
             "limit"},
            {"image", "a folder where the image belongs",
             [=](const fs::path& d) { return askImage(d); }, "folder"},
            {"image", "a path that does not exist",
             [=](const fs::path& d) { return askImage(d / "missing.png"); }, "missing.png"},
            {"question", "empty question", [=](const fs::path& d) { return askWith(d, "   "); },
             "question is empty"},
            {"question", "a question of 20,000 characters",
             [=](const fs::path& d) { return askWith(d, QString(20000, 'a')); }, "limit"},
            {"question", "invalid UTF-8",
             [=](const fs::path& d) {
                 // QString cannot carry invalid UTF-8 into argv; a shell can.
                 QStringList args = askWith(d, "QUESTION");
                 QString line = "exec \"$0\"";
                 for (const QString& arg : args)
                     line += arg == "QUESTION" ? " \"$(printf 'what \\377 colour?')\""
                                               : " '" + arg + "'";
                 return QStringList{"sh:", line};
             },
             "UTF-8"},
            {"checkpoint", "header length past the end of the file",
             [=](const fs::path& d) {
                 std::string bytes = readBytes(d / "model" / "model.safetensors");
                 const uint64_t huge = uint64_t(1) << 40;
                 std::memcpy(bytes.data(), &huge, 8);
                 writeBytes(d / "model" / "model.safetensors", bytes);
                 return askWith(d, "what?");
             },
             "model.safetensors"},
            {"checkpoint", "header that is not JSON",
             [=](const fs::path& d) {
                 std::string bytes = readBytes(d / "model" / "model.safetensors");
                 bytes[8] = '#';
                 writeBytes(d / "model" / "model.safetensors", bytes);
                 return askWith(d, "what?");
             },
             "JSON"},
            {"checkpoint", "offsets past the end", corruptWeights([](Safetensors& f) {
                 f.first()["data_offsets"][1] = f.data.size() + 4096;
             }),
             "model.safetensors"},
            {"checkpoint", "overlapping offsets", corruptWeights([](Safetensors& f) {
                 json& first = f.first();
                 const uint64_t begin = first["data_offsets"][0];
                 first["data_offsets"] = {begin + 4, first["data_offsets"][1].get<uint64_t>() + 4};
             }),
             "model.safetensors"},
            {"checkpoint", "reversed offsets", corruptWeights([](Safetensors& f) {
                 json& first = f.first();
                 first["data_offsets"] = {first["data_offsets"][1], first["data_offsets"][0]};
             }),
             "model.safetensors"},
            {"checkpoint", "unknown dtype",
             corruptWeights([](Safetensors& f) { f.first()["dtype"] = "F12"; }), "F12"},
            {"checkpoint", "shape and byte size disagree", corruptWeights([](Safetensors& f) {
                 f.first()["shape"] = {3, 3, 3, 3};
             }),
             "model.safetensors"},
            {"checkpoint", "truncated file",
             [=](const fs::path& d) {
                 const fs::path weights = d / "model" / "model.safetensors";
                 fs::resize_file(weights, fs::file_size(weights) - 1000);
                 return askWith(d, "what?");
             },
             "model.safetensors"},
            {"checkpoint", "NaN and infinite weights", corruptWeights([](Safetensors& f) {
                 json& first = f.first();
                 const uint64_t begin = first["data_offsets"][0];
                 const float bad[2] = {std::nanf(""), INFINITY};
                 f.data.replace(begin, sizeof bad, reinterpret_cast<const char*>(bad), sizeof bad);
             }),
             "NaN or infinite values", true},
            {"config", "a wrongly typed field (\"hidden_size\": \"big\")",
             corruptConfig([](json& c) { c["text_config"]["hidden_size"] = "big"; }),
             "hidden_size"},
            {"config", "a zero (num_attention_heads 0)",
             corruptConfig([](json& c) { c["text_config"]["num_attention_heads"] = 0; }),
             "num_attention_heads"},
            {"config", "a negative vocabulary",
             corruptConfig([](json& c) { c["text_config"]["vocab_size"] = -5; }), "vocab_size"},
            {"config", "2^31 Q-Former layers", corruptConfig([](json& c) {
                 c["qformer_config"]["num_hidden_layers"] = int64_t(1) << 31;
             }),
             "qformer_config.num_hidden_layers"},
            {"config", "max_position_embeddings of 2^40", corruptConfig([](json& c) {
                 c["text_config"]["max_position_embeddings"] = int64_t(1) << 40;
             }),
             "max_position_embeddings"},
            {"config", "config.json that is a folder",
             [=](const fs::path& d) {
                 fs::remove(d / "model" / "config.json");
                 fs::create_directories(d / "model" / "config.json");
                 return askWith(d, "what?");
             },
             "config.json"},
            {"tokenizer", "no tokenizer files",
             [=](const fs::path& d) {
                 for (const char* name : {"tokenizer.json", "vocab.json", "merges.txt"})
                     fs::remove(d / "model" / name);
                 return askWith(d, "what?");
             },
             "tokenizer"},
            {"tokenizer", "tokenizer.json without its model",
             [=](const fs::path& d) {
                 json tokenizer = json::parse(readBytes(d / "model" / "tokenizer.json"));
                 tokenizer.erase("model");
                 writeBytes(d / "model" / "tokenizer.json", tokenizer.dump());
                 return askWith(d, "what?");
             },
             "tokenizer.json"},
            {"tokenizer", "two tokens with the same id",
             [=](const fs::path& d) {
                 json tokenizer = json::parse(readBytes(d / "model" / "tokenizer.json"));
                 json& vocab = tokenizer["model"]["vocab"];
                 const int id = vocab.begin().value();
                 vocab["zzzduplicate"] = id;
                 writeBytes(d / "model" / "tokenizer.json", tokenizer.dump());
                 return askWith(d, "what?");
             },
             "tokenizer.json"},
            {"mmedit", "malformed JSON",
             [=](const fs::path& d) {
                 fs::create_directories(d / "data");
                 writeBytes(d / "data" / "vqa_eval.json", "[{\"src\": ");
                 return QStringList{"eval",
                                    "--model",
                                    QString::fromStdString(model_.string()),
                                    "--data",
                                    QString::fromStdString((d / "data").string()),
                                    "--method",
                                    "none"};
             },
             "not valid JSON"},
        };
        json missing = goodRecord(), null = goodRecord(), typed = goodRecord(),
             escaping = goodRecord();
        missing.erase("alt");
        null["rephrase"] = nullptr;
        typed["src"] = 42;
        escaping["image"] = "../../../../etc/passwd";
        all.push_back({"mmedit", "records with missing, null and wrongly typed fields",
                       evalRecords({missing, null, typed}), "no usable edit cases"});
        all.push_back({"mmedit", "an image path that leaves the data folder",
                       evalRecords({escaping}), "no usable edit cases"});
        return all;
    }

private Q_SLOTS:
    void initTestCase() {
        model_ = dir_.filePath("model").toStdString();
        image_ = dir_.filePath("image.png").toStdString();
        unike::test::writeTinyModelFolder(model_.string(), image_.string());
    }

    void everyBadInputGetsAClearAnswer() {
        std::ofstream catalogue(fs::path(UNIKE_BINARY_DIR) / "bad-input-catalogue.md");
        catalogue << "| kind | input | exit | message |\n|---|---|---|---|\n";
        int index = 0;
        for (const Case& c : cases()) {
            const fs::path dir = dir_.filePath(QString("case%1").arg(index++)).toStdString();
            fs::create_directories(dir);
            fs::copy(model_, dir / "model", fs::copy_options::recursive);
            QProcess process;
            auto start = [&](QStringList args) {
                if (args.value(0) == "sh:") // a command line for /bin/sh, the CLI as $0
                    process.start("/bin/sh", {"-c", args[1] + " -q", UNIKE_CLI_PATH});
                else
                    process.start(UNIKE_CLI_PATH, args << "-q");
            };
            start(c.prepare(dir));
            process.closeWriteChannel();
            QVERIFY2(process.waitForFinished(60000), qPrintable(c.input + ": hung"));
            QVERIFY2(process.exitStatus() == QProcess::NormalExit,
                     qPrintable(c.input + ": crashed"));
            const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
            const int code = process.exitCode();
            QString message = err.section('\n', -1).remove("unike ask: ").remove("unike eval: ");
            if (c.loads) {
                // Damaged weights still load (exit 0), with a warning naming them.
                QVERIFY2(code == 0, qPrintable(c.input + ": " + err));
                process.start(UNIKE_CLI_PATH, c.prepare(dir));
                process.waitForFinished(60000);
                const QString log = QString::fromUtf8(process.readAllStandardError());
                const qsizetype at = log.indexOf("the weights in");
                QVERIFY2(at >= 0 && log.contains(c.phrase), qPrintable(c.input + ": " + log));
                message = "warning: " + log.mid(at).section('\n', 0, 0);
            }
            // The temporary folder's name changes every run; the catalogue shows it as DIR.
            message.replace(dir_.path(), "DIR");
            catalogue << "| " << c.group.toStdString() << " | " << c.input.toStdString() << " | "
                      << code << " | " << message.toStdString() << " |\n";
            if (c.loads)
                continue;
            QVERIFY2(code == 1 || code == 2,
                     qPrintable(c.input + ": exit " + QString::number(code) + ", " + err));
            QVERIFY2(!message.isEmpty() && message.contains(c.phrase),
                     qPrintable(c.input + ": " + err));
        }
    }
};

QTEST_GUILESS_MAIN(TestBadInputCatalogue)
#include "TestBadInputCatalogue.moc"
