// The engine facade end to end on a Hugging Face-format folder a test builds:
// the same path a real BLIP-2 checkpoint takes.
#include "TinyModelFolder.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>
#include <unike/Tokenizer.h>
#include <unike/Workbench.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace unike;

class TestWorkbench : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string folder_;
    std::string image_;

    // Editing refuses an unprepared model; then a small training split prepares it.
    void prepareTheModel() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        QVERIFY(!workbench.isPrepared());
        EditParams edit;
        edit.question = "what colour is the circle?";
        edit.target = "two";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.applyEdit(edit));

        const std::string data = dir_.filePath("data").toStdString();
        std::filesystem::create_directories(data);
        std::filesystem::copy_file(image_, data + "/image.png");
        std::ostringstream train;
        train << "[";
        const char* answers[][2] = {{"red", "blue"},   {"two", "one"},     {"circle", "square"},
                                    {"left", "right"}, {"small", "large"}, {"three", "four"}};
        for (int i = 0; i < 12; ++i) {
            const auto& a = answers[i % 6];
            train << (i ? "," : "") << "{\"src\": \"what is thing " << i << "?\", \"pred\": \""
                  << a[1] << "\", \"alt\": \"" << a[0] << "\", \"rephrase\": \"which thing " << i
                  << "?\", \"image\": \"image.png\", \"image_rephrase\": \"image.png\", "
                  << "\"loc\": \"nq question: who\", \"loc_ans\": \"me\", \"m_loc\": "
                  << "\"image.png\", \"m_loc_q\": \"what?\", \"m_loc_a\": \"red\"}";
        }
        train << "]";
        // The same records serve as the eval split the state capture reads.
        std::ofstream(data + "/vqa_train.json") << train.str();
        std::ofstream(data + "/vqa_eval.json") << train.str();
        PrepareParams params;
        params.dataFolder = data;
        params.epochs = 3;
        const PreparationInfo info = workbench.prepare(params);
        QVERIFY(workbench.isPrepared());
        QCOMPARE(info.triplets, 12);
        QVERIFY(!info.reused);
        QVERIFY(std::filesystem::exists(info.artefactPath));
        // The same model and data reuse the artefact; a fresh load finds it alone.
        QVERIFY(workbench.prepare(params).reused);
        Workbench again;
        again.loadModel({folder_, "cpu", "auto"});
        QVERIFY(again.isPrepared());
    }

private Q_SLOTS:
    void initTestCase() {
        folder_ = dir_.filePath("model").toStdString();
        image_ = dir_.filePath("image.png").toStdString();
        test::writeTinyModelFolder(folder_, image_);
        prepareTheModel();
    }

    void sessionsRefuseAnotherModel() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        const std::string session = dir_.filePath("other.json").toStdString();
        workbench.saveSession({session, {}});
        std::string text;
        {
            std::ifstream in(session);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        const auto at = text.find(workbench.modelInfo().hash);
        QVERIFY(at != std::string::npos);
        text.replace(at, 16, "0123456789abcdef");
        std::ofstream(session) << text;
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.loadSession(session));
    }

    void loadsAndDescribesTheModel() {
        Workbench workbench;
        QVERIFY(!workbench.hasModel());
        const ModelInfo info = workbench.loadModel({folder_, "cpu", "auto"});
        QVERIFY(workbench.hasModel());
        QCOMPARE(info.decoderLayers, 3);
        QCOMPARE(info.queryTokens, 4);
        QCOMPARE(QString::fromStdString(info.family), QString("blip-2"));
        QCOMPARE(QString::fromStdString(info.architecture), QString("BLIP-2 (OPT)"));
        QCOMPARE(QString::fromStdString(info.tokenizer), QString("byte-level BPE"));
        QCOMPARE(QString::fromStdString(info.device), QString("cpu"));
        QCOMPARE(QString::fromStdString(info.dtype), QString("float32"));
        QVERIFY(info.parameters > 10000);
    }

    // The family comes from config.json's model_type; another one is refused by name with
    // the list of supported types, and the loaded model stays.
    void anUnsupportedFamilyIsRefusedByName() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        const std::string other = dir_.filePath("gpt-neox").toStdString();
        std::filesystem::create_directories(other);
        std::ofstream(other + "/config.json") << R"({"model_type": "gpt_neox"})";
        try {
            workbench.loadModel({other, "cpu", "auto"});
            QFAIL("a gpt_neox folder loaded");
        } catch (const unike::Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Unsupported);
            const QString message = e.what();
            QVERIFY2(message.contains("\"gpt_neox\"") && message.contains("\"blip-2\""), e.what());
        }
        QCOMPARE(QString::fromStdString(workbench.modelInfo().family), QString("blip-2"));
    }

    void asksWithTokenProbabilities() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        AskParams params;
        params.image.path = image_;
        params.question = "  what colour is the circle?  ";
        params.generation.maxNewTokens = 5;
        params.generation.topK = 3;
        params.scoreAnswer = "red";
        const AskResult result = workbench.ask(params);
        QCOMPARE(QString::fromStdString(result.prompt),
                 QString("Question: what colour is the circle? Short answer:"));
        QVERIFY(!result.tokens.empty() || result.stoppedAtEos);
        for (const auto& token : result.tokens) {
            QCOMPARE(token.alternatives.size(), size_t(3));
            QCOMPARE(token.alternatives[0].id, token.id);
        }
        QVERIFY(result.score.has_value());
        QCOMPARE(result.score->tokens.size(), workbench.tokenize(" red", false).size());
        QVERIFY(result.score->tokenAccuracy >= 0.0 && result.score->tokenAccuracy <= 1.0);
        QVERIFY(result.score->logLikelihood < 0.0);
        // The same question from bytes in memory gives the same answer.
        std::ifstream in(image_, std::ios::binary);
        params.image.path.clear();
        params.image.bytes.assign(std::istreambuf_iterator<char>(in), {});
        QCOMPARE(QString::fromStdString(workbench.ask(params).answer),
                 QString::fromStdString(result.answer));
        // Text-only questions work too.
        params.image = ImageInput();
        params.style = PromptStyle::Raw;
        params.question = "nq question: where does the zorbel live?";
        QVERIFY(workbench.ask(params).prompt == params.question);
    }

    void badInputIsRefusedAndTheSessionStays() {
        Workbench workbench;
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.ask(AskParams{}));
        workbench.loadModel({folder_, "cpu", "auto"});
        AskParams params;
        params.image.path = image_;
        params.question = "   ";
        try {
            workbench.ask(params);
            QFAIL("an empty question must be refused");
        } catch (const unike::Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidInput);
            QVERIFY(QString(e.what()).contains("question is empty"));
        }
        params.question = "what?";
        params.image.path = dir_.filePath("missing.png").toStdString();
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.ask(params));
        // A failed load keeps the loaded model.
        QVERIFY_THROWS_EXCEPTION(unike::Error,
                                 workbench.loadModel({dir_.filePath("none").toStdString()}));
        QVERIFY(workbench.hasModel());
        params.image.path = image_;
        QVERIFY(!workbench.ask(params).prompt.empty());
    }

    void tokenizerRoundTrips() {
        const Tokenizer tokenizer = Tokenizer::load(folder_);
        const std::string text = "Question: how many squares? Short answer: two 🙂 東京";
        const auto ids = tokenizer.encode(text);
        QCOMPARE(ids.front(), 2); // OPT's BOS is </s>
        QCOMPARE(QString::fromStdString(tokenizer.decode(ids, true)), QString::fromStdString(text));
        QVERIFY(tokenizer.encode(text, false).front() != 2);
    }

    void editsChangeTheAnswerAndUndoCleanly() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        AskParams ask;
        ask.image.path = image_;
        ask.question = "what colour is the circle?";
        ask.scoreAnswer = "two";
        const double before = workbench.ask(ask).score->tokenAccuracy;
        QVERIFY(before < 1.0);

        EditParams edit;
        edit.image.path = image_;
        edit.question = ask.question;
        edit.target = "two";
        edit.method = "tpatcher";
        edit.overrides = {{"max_steps", "300"}};
        // T-Patcher reports its losses and, having no latent knowledge, no alpha.
        std::vector<std::string> names;
        const Progress watched([&](const ProgressEvent& event) {
            for (const auto& scalar : event.scalars)
                names.push_back(scalar.first);
        });
        const EditSummary applied = workbench.applyEdit(edit, watched);
        QVERIFY(std::count(names.begin(), names.end(), "memory_loss") > 0);
        QCOMPARE(std::count(names.begin(), names.end(), "alpha"), 0);
        QCOMPARE(workbench.edits().size(), size_t(1));
        QCOMPARE(workbench.ask(ask).score->tokenAccuracy, 1.0);
        workbench.setEditEnabled(applied.id, false);
        QCOMPARE(workbench.ask(ask).score->tokenAccuracy, before);
        workbench.setEditEnabled(applied.id, true);
        workbench.renameEdit(applied.id, "colour fix");
        QCOMPARE(QString::fromStdString(workbench.edits()[0].name), QString("colour fix"));

        // Bad edits change nothing.
        edit.target = " ";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.applyEdit(edit));
        edit.target = "two";
        edit.method = "nonsense";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.applyEdit(edit));
        edit.method = "unike";
        Progress cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.applyEdit(edit, cancelled));
        QCOMPARE(workbench.edits().size(), size_t(1));

        // A session round-trips: saved, cleared, loaded back into the same outputs.
        const std::string session = dir_.filePath("session.json").toStdString();
        const double edited = workbench.ask(ask).score->logLikelihood;
        QCOMPARE(workbench.saveSession({session, "{\"question\": \"q\"}"}).edits, 1);
        workbench.removeAllEdits();
        QCOMPARE(workbench.ask(ask).score->tokenAccuracy, before);
        const SessionInfo loaded = workbench.loadSession(session);
        QCOMPARE(QString::fromStdString(loaded.userJson), QString("{\"question\":\"q\"}"));
        QCOMPARE(workbench.edits().size(), size_t(1));
        QCOMPARE(QString::fromStdString(workbench.edits()[0].name), QString("colour fix"));
        QCOMPARE(workbench.ask(ask).score->logLikelihood, edited);
        // A corrupt session changes nothing.
        std::ofstream(session) << "{ not json";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.loadSession(session));
        QCOMPARE(workbench.edits().size(), size_t(1));

        // Bypassing answers as the unedited model; remove and restore are exact.
        AskParams bypass = ask;
        bypass.bypassEdits = true;
        QCOMPARE(workbench.ask(bypass).score->tokenAccuracy, before);
        const int id = workbench.edits()[0].id;
        workbench.removeEdit(id);
        QVERIFY(workbench.edits().empty());
        QCOMPARE(workbench.ask(ask).score->tokenAccuracy, before);
        workbench.restoreEdit(id);
        QCOMPARE(workbench.ask(ask).score->logLikelihood, edited);
        workbench.removeEdit(id);
    }

    // The loaded model and the edit session are apart: a folder that fails to load keeps
    // both, and loading a model again starts an empty session on it, with the edit's weights
    // and settings gone and its preparation in place.
    void anotherLoadStartsAnEmptySessionAndAFailedOneKeepsIt() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        const std::string initial = workbench.inferenceSettingsJson();
        AskParams ask;
        ask.image.path = image_;
        ask.question = "what colour is the circle?";
        const std::string before = workbench.ask(ask).answer;
        EditParams edit;
        edit.image.path = image_;
        edit.question = ask.question;
        edit.target = before == "two" ? "red" : "two";
        edit.method = "ft";
        workbench.applyEdit(edit);
        edit.method = "unike";
        edit.overrides = {{"max_steps", "5"}};
        workbench.applyEdit(edit);
        QCOMPARE(workbench.edits().size(), size_t(2));
        const std::string edited = workbench.ask(ask).answer;

        const std::string broken = dir_.filePath("broken").toStdString();
        std::filesystem::create_directories(broken);
        std::ofstream(broken + "/config.json") << "{ not json";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.loadModel({broken, "cpu", "auto"}));
        QCOMPARE(workbench.edits().size(), size_t(2));
        QCOMPARE(workbench.ask(ask).answer, edited);

        workbench.loadModel({folder_, "cpu", "auto"});
        QVERIFY(workbench.edits().empty());
        QCOMPARE(workbench.inferenceSettingsJson(), initial);
        QVERIFY(workbench.isPrepared());
        QCOMPARE(workbench.ask(ask).answer, before);
    }

    // A folder's edit_hparams.json sits between the method's defaults and the person's
    // settings; a bad one is refused at load, naming the key, and the loaded model stays.
    void theFoldersEditDefaultsApplyUnderThePersonsSettings() {
        const std::string defaultsPath = folder_ + "/edit_hparams.json";
        std::ofstream(defaultsPath) << R"({"unike": {"max_steps": 3, "stop_at_accuracy": false}})";
        Workbench workbench;
        const ModelInfo info = workbench.loadModel({folder_, "cpu", "auto"});
        QVERIFY(info.editDefaults.find("max_steps=3") != std::string::npos);
        EditParams edit;
        edit.image.path = image_;
        edit.question = "what colour is the circle?";
        edit.target = "two";
        QCOMPARE(workbench.applyEdit(edit).steps, 3);
        edit.overrides = {{"max_steps", "5"}};
        QCOMPARE(workbench.applyEdit(edit).steps, 5);
        edit.method = "tpatcher"; // the file sets nothing for it: it stops on its own
        edit.overrides = {};
        QVERIFY(workbench.applyEdit(edit).steps != 3);
        edit.method = "unike";
        edit.overrides = {{"min_steps", "4"}}; // more than the folder's max_steps
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.applyEdit(edit));

        std::ofstream(defaultsPath) << R"({"unike": {"gate_treshold": 0.7}})";
        try {
            workbench.loadModel({folder_, "cpu", "auto"});
            QFAIL("a misspelt key loaded");
        } catch (const unike::Error& e) {
            QVERIFY2(std::string(e.what()).find("gate_treshold") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("edit_hparams.json") != std::string::npos,
                     e.what());
        }
        QCOMPARE(workbench.edits().size(), size_t(3));
        std::ofstream(defaultsPath) << R"({"no-such-method": {}})";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.loadModel({folder_, "cpu", "auto"}));
        std::filesystem::remove(defaultsPath);
        QVERIFY(workbench.loadModel({folder_, "cpu", "auto"}).editDefaults.empty());
    }

    // Each edit sets the inference settings of its method; undoing it brings back the ones
    // it replaced, and redoing it sets its own again.
    void undoRestoresTheInferenceSettingsAnEditReplaced() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        const std::string initial = workbench.inferenceSettingsJson();
        EditParams edit;
        edit.image.path = image_;
        edit.question = "what colour is the circle?";
        edit.target = "two";
        edit.method = "unike";
        edit.overrides = {{"max_steps", "5"}};
        const EditSummary first = workbench.applyEdit(edit);
        const std::string afterUnike = workbench.inferenceSettingsJson();
        edit.method = "tpatcher";
        edit.target = "red";
        const EditSummary second = workbench.applyEdit(edit);
        const std::string afterTPatcher = workbench.inferenceSettingsJson();
        QVERIFY(afterTPatcher != afterUnike); // T-Patcher does not gate its neurons
        workbench.removeEdit(second.id);
        QCOMPARE(workbench.inferenceSettingsJson(), afterUnike);
        workbench.restoreEdit(second.id);
        QCOMPARE(workbench.inferenceSettingsJson(), afterTPatcher);
        workbench.removeEdit(second.id);
        workbench.removeEdit(first.id);
        QCOMPARE(workbench.inferenceSettingsJson(), initial);
    }

    void fineTuningAndInContextEditsUndoToTheSameBits() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        AskParams ask;
        ask.image.path = image_;
        ask.question = "how many squares are there?";
        ask.scoreAnswer = "red";
        const AskResult before = workbench.ask(ask);

        EditParams edit;
        edit.image.path = image_;
        edit.question = ask.question;
        edit.target = "red";
        edit.method = "ft";
        edit.overrides = {{"ft_steps", "200"}, {"ft_learning_rate", "0.01"}};
        EditSummary ft;
        try {
            ft = workbench.applyEdit(edit);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY(workbench.ask(ask).score->logLikelihood > before.score->logLikelihood);
        edit.method = "ike";
        const EditSummary ike = workbench.applyEdit(edit);
        QVERIFY(QString::fromStdString(workbench.ask(ask).prompt).startsWith("New Fact: "));
        workbench.removeEdit(ike.id);
        workbench.setEditEnabled(ft.id, false);
        const AskResult off = workbench.ask(ask);
        QCOMPARE(off.score->logLikelihood, before.score->logLikelihood); // bitwise: same double
        QCOMPARE(off.prompt, before.prompt);
        workbench.removeEdit(ft.id);
        QCOMPARE(workbench.ask(ask).score->logLikelihood, before.score->logLikelihood);
    }

    // Seven tagged rows per case, in the promised order and shapes, in each space;
    // before and after the edits; and the file round-trips.
    void capturedStatesHaveTagsAndShapes() {
        Workbench workbench;
        const ModelInfo model = workbench.loadModel({folder_, "cpu", "auto"});
        StatesParams params;
        params.dataFolder = dir_.filePath("data").toStdString();
        params.limit = 3;
        const HiddenStates raw = workbench.captureStates(params);
        const std::vector<std::string> roles = {"edit",          "rephrase",       "image-rephrase",
                                                "text-locality", "image-locality", "positive",
                                                "negative"};
        QCOMPARE(raw.points.rows, 21);
        QCOMPARE(raw.points.cols, model.hiddenSize);
        QCOMPARE(raw.tags.size(), size_t(21));
        QCOMPARE(raw.layer, workbench.preparation().layers.back());
        for (size_t i = 0; i < raw.tags.size(); ++i) {
            const StateTag& tag = raw.tags[i];
            QCOMPARE(QString::fromStdString(tag.role), QString::fromStdString(roles[i % 7]));
            QCOMPARE(tag.editIndex, int(i / 7));
            QCOMPARE(QString::fromStdString(tag.phase), QString("before"));
            QCOMPARE(tag.imagePath.empty(), tag.role == "text-locality");
            // Raw rows sit at the prompt's end except h_pos and h_neg.
            QCOMPARE(tag.answer.empty(), tag.role != "positive" && tag.role != "negative");
        }
        QCOMPARE(QString::fromStdString(raw.tags[0].text), QString("what is thing 0?"));
        QCOMPARE(QString::fromStdString(raw.tags[5].answer), QString("red"));
        QCOMPARE(QString::fromStdString(raw.tags[6].answer), QString("blue"));

        params.space = StateSpace::Truthfulness;
        const HiddenStates truth = workbench.captureStates(params);
        QCOMPARE(truth.points.rows, 21);
        QCOMPARE(truth.points.cols, PrepareParams().truthDims);
        for (const StateTag& tag : truth.tags)
            QVERIFY(!tag.answer.empty());
        params.space = StateSpace::Semantic;
        params.layer = 0; // not an edited layer: no encoder there
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.captureStates(params));
        params.layer = 99;
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.captureStates(params));
        params.layer = -1;
        Progress cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench.captureStates(params, cancelled));
        const HiddenStates semanticBefore = workbench.captureStates(params);
        QCOMPARE(semanticBefore.points.cols, model.hiddenSize);

        // With an edit live, the same rows come twice: before, then after.
        EditParams edit;
        edit.image.path = image_;
        edit.question = "what is thing 0?";
        edit.target = "blue";
        // UniKE's training steps report alpha, in [0, 1], beside the losses.
        std::vector<double> alphas;
        const Progress watched([&](const ProgressEvent& event) {
            for (const auto& [name, value] : event.scalars)
                if (name == "alpha")
                    alphas.push_back(value);
        });
        workbench.applyEdit(edit, watched);
        QVERIFY(!alphas.empty());
        for (double alpha : alphas)
            QVERIFY(alpha >= 0.0 && alpha <= 1.0);
        const HiddenStates both = workbench.captureStates(params);
        QCOMPARE(both.points.rows, 42);
        const size_t dims = size_t(both.points.cols);
        for (size_t i = 0; i < 21; ++i) {
            QCOMPARE(QString::fromStdString(both.tags[i + 21].phase), QString("after"));
            QCOMPARE(QString::fromStdString(both.tags[i + 21].role),
                     QString::fromStdString(both.tags[i].role));
        }
        // "Before" is the unedited model's, bit for bit; the edited case moves.
        params.space = StateSpace::Raw;
        const HiddenStates rawBoth = workbench.captureStates(params);
        params.space = StateSpace::Semantic;
        QVERIFY(std::equal(raw.points.values.begin(), raw.points.values.end(),
                           rawBoth.points.values.begin()));
        double moved = 0;
        for (size_t d = 0; d < dims; ++d)
            moved += std::abs(both.points.values[d] - both.points.values[21 * dims + d]);
        QVERIFY(moved > 0);

        // The file keeps rows, tags (quoted text included), layer and space.
        HiddenStates written = both;
        written.tags[0].text = "say \"hi\", then\nstop";
        const std::string path = dir_.filePath("states.safetensors").toStdString();
        writeHiddenStates(written, path);
        const HiddenStates read = readHiddenStates(path);
        QCOMPARE(read.points.rows, written.points.rows);
        QCOMPARE(read.points.cols, written.points.cols);
        QVERIFY(read.points.values == written.points.values);
        QCOMPARE(read.layer, written.layer);
        QVERIFY(read.space == StateSpace::Semantic);
        QCOMPARE(read.tags.size(), written.tags.size());
        for (size_t i = 0; i < read.tags.size(); ++i) {
            QCOMPARE(read.tags[i].text, written.tags[i].text);
            QCOMPARE(read.tags[i].answer, written.tags[i].answer);
            QCOMPARE(read.tags[i].imagePath, written.tags[i].imagePath);
            QCOMPARE(read.tags[i].editIndex, written.tags[i].editIndex);
            QCOMPARE(read.tags[i].phase, written.tags[i].phase);
        }
        // Tags that do not match the rows are refused.
        std::ofstream(path + ".csv", std::ios::app) << "42,edit,0,after,extra,,\n";
        QVERIFY_THROWS_EXCEPTION(unike::Error, readHiddenStates(path));
        workbench.removeAllEdits();
    }

    void previewShowsWhatTheModelSees() {
        Workbench workbench;
        workbench.loadModel({folder_, "cpu", "auto"});
        const ImagePreview preview = workbench.previewImage({image_, {}, {}});
        QCOMPARE(preview.width, 40);
        QCOMPARE(preview.height, 30);
        QCOMPARE(preview.modelWidth, 16);
        QCOMPARE(preview.rgb.size(), size_t(40 * 30 * 3));
        QCOMPARE(preview.modelRgb.size(), size_t(16 * 16 * 3));
    }
};

QTEST_GUILESS_MAIN(TestWorkbench)
#include "TestWorkbench.moc"
