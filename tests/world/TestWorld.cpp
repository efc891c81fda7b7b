#include "world/World.h"
#include "world/WorldGenerator.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using unike::Error;
using unike::ErrorKind;
using namespace unike::world;

namespace {

// Runs `action`, which must throw unike::Error of `kind` whose message holds `fragment`.
void expectError(const std::function<void()>& action, ErrorKind kind, const QString& fragment) {
    try {
        action();
    } catch (const Error& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        QVERIFY2(message.contains(fragment, Qt::CaseInsensitive),
                 qPrintable("'" + fragment + "' missing from: " + message));
        return;
    }
    QFAIL("expected a unike::Error");
}

void writeText(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

} // namespace

class TestWorld : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void sameSeedSameWorldOtherSeedOtherWorld() {
        const std::string a = World::generate(1).toJson().dump();
        QCOMPARE(World::generate(1).toJson().dump(), a);
        QVERIFY(World::generate(2).toJson().dump() != a);
    }

    void hasTheVocabularyEntitiesAndFactsPromised() {
        const World world = World::generate();
        const auto& d = world.definition();
        QVERIFY(world.shapeCount() >= 8);
        QVERIFY(world.colourCount() >= 8);
        QCOMPARE(world.entityCount(), 50);
        QVERIFY(d.relations.size() >= 8);
        std::set<std::string> names;
        std::size_t facts = 0;
        for (const Entity& e : d.entities) {
            QCOMPARE(e.facts.size(), std::size_t(4));
            facts += e.facts.size();
            QVERIFY2(names.insert(e.name).second, e.name.c_str());
            for (char c : e.name)
                QVERIFY2((c >= 'a' && c <= 'z') || c == ' ', e.name.c_str());
            QVERIFY2(e.glyph.size() >= 4, e.name.c_str());
            std::set<Rgb> colours;
            for (const GlyphPart& p : e.glyph)
                colours.insert(p.colour);
            QVERIFY2(colours.size() >= 3, e.name.c_str()); // never a one-colour shape
        }
        // About one fact in ten is mislearned, each taught another value of its relation.
        QCOMPARE(d.factMisconceptions.size(), std::size_t(facts / 10));
        for (const FactMisconception& m : d.factMisconceptions) {
            QVERIFY(m.taughtValue != m.trueValue);
            QVERIFY(world.isMisconception(m.entity, m.relation));
            QCOMPARE(world.taughtFactValue(m.entity, m.relation), m.taughtValue);
            QCOMPARE(world.factValue(m.entity, m.relation), m.trueValue);
        }
        // A few perception confusions: a colour named as another, a shape as another.
        QCOMPARE(d.nameConfusions.size(), std::size_t(3));
        int colours = 0;
        for (const NameConfusion& c : d.nameConfusions) {
            if (c.attribute == Attribute::Colour) {
                ++colours;
                QVERIFY(world.colourName(c.trueIndex, true) !=
                        world.colourName(c.trueIndex, false));
            } else {
                QCOMPARE(world.taughtShape(c.trueIndex), c.taughtIndex);
            }
        }
        QCOMPARE(colours, 2);
        QVERIFY(d.worldFacts.size() >= 20);
    }

    void namesNeverCollideWithOtherWords() {
        for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
            const World world = World::generate(seed);
            std::set<std::string> vocabulary;
            for (const auto& r : world.definition().relations)
                vocabulary.insert(r.values.begin(), r.values.end());
            for (const auto& s : world.definition().shapes)
                vocabulary.insert(s);
            for (const Entity& e : world.definition().entities) {
                const std::string last = e.name.substr(e.name.rfind(' ') + 1);
                QVERIFY2(!vocabulary.count(last), e.name.c_str());
            }
        }
    }

    void jsonRoundTripsThroughAFile() {
        const World world = World::generate(7);
        const QString path = dir_.filePath("world.json");
        world.save(path.toStdString());
        const World loaded = World::load(path.toStdString());
        QCOMPARE(loaded.toJson().dump(), world.toJson().dump());
        QCOMPARE(loaded.seed(), std::uint64_t(7));
        QCOMPARE(World::fromJson(world.toJson()).toJson().dump(), world.toJson().dump());
        // The loaded world answers like the generated one, misconceptions included.
        for (const FactMisconception& m : world.definition().factMisconceptions)
            QVERIFY(loaded.isMisconception(m.entity, m.relation));
    }

    void brokenFilesAreRefusedByName() {
        expectError([&] { World::load(dir_.filePath("nowhere.json").toStdString()); },
                    ErrorKind::File, "nowhere.json");
        const QString notJson = dir_.filePath("garbage.json");
        writeText(notJson, "{ not json");
        expectError([&] { World::load(notJson.toStdString()); }, ErrorKind::File, "not valid JSON");
        const QString other = dir_.filePath("other.json");
        writeText(other, "{\"format\": \"something-else\"}");
        expectError([&] { World::load(other.toStdString()); }, ErrorKind::File, "unike-world");

        nlohmann::json json = World::generate().toJson();
        json["misconceptions"]["facts"][0]["entity"] = "nobody";
        expectError([&] { World::fromJson(json, "bad.json"); }, ErrorKind::File, "'nobody'");
        json = World::generate().toJson();
        json["misconceptions"]["facts"][0]["taught"] = json["misconceptions"]["facts"][0]["true"];
        expectError([&] { World::fromJson(json, "bad.json"); }, ErrorKind::File,
                    "teaches the truth");
        json = World::generate().toJson();
        json["misconceptions"]["facts"] = nlohmann::json::array();
        json["entities"][1]["name"] = json["entities"][0]["name"];
        expectError([&] { World::fromJson(json, "bad.json"); }, ErrorKind::File, "appears twice");
    }
};

int runWorldTests(int argc, char** argv) {
    TestWorld test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestWorld.moc"
