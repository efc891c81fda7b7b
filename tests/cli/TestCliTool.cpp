// Runs the real `unike` binary: help, subcommand help and usage errors.
#include <QDir>
#include <QProcess>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result runUnike(const QStringList& args) {
    QProcess process;
    process.start(UNIKE_CLI_PATH, args);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

const QStringList kSubcommands = {"ask",  "forward",    "tokenize",   "edit",
                                  "eval", "prepare",    "states",     "tsne",
                                  "pca",  "train-demo", "make-bench", "make-random-model",
                                  "bench"};

} // namespace

class TestCliTool : public QObject {
    Q_OBJECT

private slots:
    void helpListsEverySubcommand() {
        const Result result = runUnike({"--help"});
        QCOMPARE(result.exitCode, 0);
        for (const QString& name : kSubcommands)
            QVERIFY2(QRegularExpression("\\n  " + QRegularExpression::escape(name) + " ")
                         .match(result.out)
                         .hasMatch(),
                     qPrintable("missing " + name));
    }

    void eachSubcommandHasHelp_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : kSubcommands)
            QTest::newRow(qPrintable(name)) << name;
    }

    void eachSubcommandHasHelp() {
        QFETCH(QString, name);
        const Result result = runUnike({name, "--help"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("Usage: unike " + name));
        QVERIFY(result.out.contains("Options:"));
    }

    void unknownSubcommandIsUsageError() {
        const Result result = runUnike({"frobnicate"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY(result.err.startsWith("unike: unknown command 'frobnicate'"));
        QVERIFY(result.err.contains("Usage:"));
    }

    void badOptionIsUsageError() {
        const Result result = runUnike({"tsne", "--in", "a.csv", "--out", "b.csv", "--bogus"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("unknown option '--bogus'"));
        QVERIFY(result.err.contains("Usage: unike tsne"));
        const QStringList lines = result.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // one error line, one usage line
    }

    void missingRequiredOptionIsUsageError() {
        const Result result = runUnike({"ask", "--image", "x.png"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("missing required option '--question"));
    }

    void trainDemoRefusesBadSharesBeforeWriting() {
        const QString out =
            QDir::temp().filePath("unike-bad-shares-%1").arg(QCoreApplication::applicationPid());
        for (const QStringList& bad :
             {QStringList{"--task-mix", "0.5,0.5"}, QStringList{"--task-mix", "0.5,-0.1,0.3,0.3"},
              QStringList{"--object-counts", "0,0,0"}, QStringList{"--object-attention", "-1"},
              QStringList{"--object-attention", "0.5"}}) { // the last without --object-queries
            const Result result = runUnike(QStringList{"train-demo", "--out", out} + bad);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(bad[0] + " takes"), qPrintable(result.err));
            QVERIFY(!QDir(out).exists());
        }
    }

    void noCommandIsUsageError() {
        QCOMPARE(runUnike({}).exitCode, 2);
        QCOMPARE(runUnike({"--version"}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliTool)
#include "TestCliTool.moc"
