// `evaluate` end to end on a small benchmark drawn from the demo model's world:
// the unedited model is wrong on the edit cases, and UniKE fixes them while the
// locality probes keep their answers.
#include <unike/DemoWorld.h>
#include <unike/Error.h>
#include <unike/Workbench.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace unike;

class TestEvalHarness : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    Workbench workbench_;

private Q_SLOTS:
    void initTestCase() {
        MakeBenchParams bench;
        bench.outDir = dir_.path().toStdString();
        bench.vqaEval = 10;
        bench.captionEval = 10;
        bench.trainRecords = 20;
        makeBenchmark(bench);
        workbench_.loadModel({});
    }

    void unikeBeatsTheUneditedModel() {
        EvalParams params;
        params.dataFolder = dir_.path().toStdString();
        params.limit = 6;
        params.method = "none";
        const EvalReport none = workbench_.evaluate(params);
        QCOMPARE(none.cases.size(), size_t(6));
        QCOMPARE(none.metrics.at("t_locality"), 100.0); // nothing changed
        QCOMPARE(none.metrics.at("edits"), 0.0);
        params.method = "unike";
        const EvalReport unike = workbench_.evaluate(params);
        QVERIFY2(unike.metrics.at("reliability") >= 90.0,
                 qPrintable(QString::number(unike.metrics.at("reliability"))));
        QVERIFY(unike.metrics.at("reliability") > none.metrics.at("reliability") + 30.0);
        QVERIFY(unike.metrics.at("t_locality") >= 80.0);
        QVERIFY(unike.metrics.at("median_seconds_per_edit") > 0.0);
        QVERIFY(unike.casesCsv().find("index,task,src") == 0);
        QVERIFY(workbench_.edits().empty()); // the session's stack is untouched
    }

    // A fine-tuning edit of the session lives in the shared weights; evaluation must still
    // start from the unedited model, and leave the session's edit as it was.
    void theSessionsFineTuningIsNotTheBaseline() {
        EvalParams params;
        params.dataFolder = dir_.path().toStdString();
        params.limit = 4;
        params.method = "none";
        const EvalReport clean = workbench_.evaluate(params);

        EditParams edit;
        edit.question = "what is the capital of nowhere?";
        edit.target = "blue";
        edit.method = "ft";
        edit.overrides = {{"ft_steps", "40"}, {"ft_learning_rate", "0.05"}};
        workbench_.applyEdit(edit);
        AskParams ask;
        ask.question = edit.question;
        ask.scoreAnswer = edit.target;
        const double edited = workbench_.ask(ask).score->logLikelihood;

        const EvalReport again = workbench_.evaluate(params);
        QCOMPARE(again.cases.size(), clean.cases.size());
        for (size_t i = 0; i < clean.cases.size(); ++i) {
            QCOMPARE(again.cases[i].reliability, clean.cases[i].reliability);
            QCOMPARE(again.cases[i].generated, clean.cases[i].generated);
        }
        QCOMPARE(workbench_.edits().size(), size_t(1));
        QCOMPARE(workbench_.ask(ask).score->logLikelihood, edited);
        workbench_.removeAllEdits();
    }

    void sequentialAndCrossProtocolsRun() {
        EvalParams params;
        params.dataFolder = dir_.path().toStdString();
        params.limit = 4;
        params.protocol = "seq:2";
        params.method = "unike";
        QCOMPARE(workbench_.evaluate(params).cases.size(), size_t(4));
        params.task = "cross";
        params.limit = 4;
        const EvalReport cross = workbench_.evaluate(params);
        QCOMPARE(cross.cases.size(), size_t(4));
        QCOMPARE(QString::fromStdString(cross.labels.at("protocol")), QString("cross:10"));
    }

    // One unreadable image costs its case, with the reason in the report, not the evaluation.
    void aBrokenImageLeavesOutItsCaseOnly() {
        QTemporaryDir elsewhere;
        const std::filesystem::path copy = elsewhere.filePath("bench").toStdString();
        std::filesystem::copy(dir_.path().toStdString(), copy,
                              std::filesystem::copy_options::recursive);
        const nlohmann::json records = nlohmann::json::parse(std::ifstream(copy / "vqa_eval.json"));
        std::ofstream(copy / records.at(1).at("image").get<std::string>(), std::ios::trunc)
            << "this is not a picture";
        EvalParams params;
        params.dataFolder = copy.string();
        params.limit = 4;
        params.protocol = "seq:2";
        params.method = "unike";
        const EvalReport report = workbench_.evaluate(params);
        QCOMPARE(report.cases.size(), size_t(3));
        QCOMPARE(report.cases[1].index, size_t(2));
        bool named = false;
        for (const std::string& problem : report.problems)
            named = named || problem.find("vqa record 1") != std::string::npos;
        QVERIFY(named);
    }

    void badRequestsAreRefused() {
        EvalParams params;
        params.dataFolder = dir_.filePath("missing").toStdString();
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench_.evaluate(params));
        params.dataFolder = dir_.path().toStdString();
        params.protocol = "seq:zero";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench_.evaluate(params));
        params.protocol = "one-step";
        params.method = "magic";
        QVERIFY_THROWS_EXCEPTION(unike::Error, workbench_.evaluate(params));
    }
};

QTEST_GUILESS_MAIN(TestEvalHarness)
#include "TestEvalHarness.moc"
