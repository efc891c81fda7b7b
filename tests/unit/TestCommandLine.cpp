#include "CommandLine.h"

#include <QtTest>

using unike::cli::OptionSpec;
using unike::cli::parseOptions;
using unike::cli::UsageError;

namespace {
std::vector<OptionSpec> specs() {
    OptionSpec image{"image", 'i', "FILE", "image", "", true, false};
    OptionSpec json{"json", 0, "", "json", "", false, false};
    OptionSpec set{"set", 0, "K=V", "override", "", false, true};
    OptionSpec verbose{"verbose", 'v', "", "more", "", false, false};
    return {image, json, set, verbose};
}
} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void parsesLongShortAndInlineValues() {
        auto parsed = parseOptions(
            specs(), {"--image", "a.png", "--json", "--set=lr=0.1", "--set", "steps=3", "-v", "-v"},
            false);
        QCOMPARE(QString::fromStdString(parsed.value("image")), QString("a.png"));
        QVERIFY(parsed.has("json"));
        QCOMPARE(parsed.values("set").size(), size_t(2));
        QCOMPARE(QString::fromStdString(parsed.values("set")[0]), QString("lr=0.1"));
        QCOMPARE(parsed.values("verbose").size(), size_t(2));
        auto shortForm = parseOptions(specs(), {"-i", "b.png"}, false);
        QCOMPARE(QString::fromStdString(shortForm.value("image")), QString("b.png"));
    }

    void rejectsBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{"--image", "a", "--nope"} << "unknown option";
        QTest::newRow("missing value") << QStringList{"--image"} << "needs a value";
        QTest::newRow("missing required") << QStringList{"--json"} << "missing required";
        QTest::newRow("positional") << QStringList{"--image", "a", "extra"} << "unexpected";
        QTest::newRow("flag value") << QStringList{"--image", "a", "--json=1"} << "takes no value";
        QTest::newRow("twice") << QStringList{"--image", "a", "--image", "b"} << "more than once";
    }

    void rejectsBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> argv;
        for (const QString& a : args)
            argv.push_back(a.toStdString());
        try {
            parseOptions(specs(), argv, false);
            QFAIL("expected a usage error");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void typedValuesAreChecked() {
        OptionSpec limit{"limit", 0, "N", "", "", false, false};
        auto parsed = parseOptions({limit}, {"--limit", "12"}, false);
        QCOMPARE(parsed.intValue("limit", 0), 12);
        auto bad = parseOptions({limit}, {"--limit", "12x"}, false);
        QVERIFY_THROWS_EXCEPTION(UsageError, bad.intValue("limit", 0));
        QCOMPARE(parsed.doubleValue("absent", 2.5), 2.5);
    }

    void numberListsAreChecked() {
        OptionSpec counts{"counts", 0, "A,B,C", "", "", false, false};
        auto parsed = parseOptions({counts}, {"--counts", "0.5,0.35,1e-1"}, false);
        QCOMPARE(parsed.doubleList("counts"), (std::vector<double>{0.5, 0.35, 0.1}));
        QVERIFY(parseOptions({counts}, {}, false).doubleList("counts").empty());
        for (const char* bad : {"0.5,,1", "0.5,x", "0.5,", "1 2"})
            QVERIFY_THROWS_EXCEPTION(
                UsageError, parseOptions({counts}, {"--counts", bad}, false).doubleList("counts"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
