// The plant editor's edits in the project file: drafts stored as they are, every edit one change
// with its history, undo and redo through the journal — after reopening the file too, and with
// another program editing the same plant — and the deltas behind them.

#include "store/database.h"
#include "store/plant_delta.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "validation/validate_plant.h"

#include <QTemporaryDir>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

namespace {

Node unit(const std::string& id, const std::string& parent = {}) {
    Node n;
    n.id = id;
    n.name = "单元 " + id;
    n.kind = NodeKind::Unit;
    n.parent = parent;
    return n;
}

std::function<store::Status(Plant&)> addNode(Node node) {
    return [node](Plant& p) {
        p.nodes.push_back(node);
        return store::Status();
    };
}

bool hasNode(const Plant& p, const std::string& id) {
    return std::any_of(p.nodes.begin(), p.nodes.end(), [&](const Node& n) { return n.id == id; });
}

Plant structureOf(ProjectStore& project) {
    auto plant = project.plantStructure();
    if (!plant)
        qFatal("plantStructure: %s", plant.status().message().c_str());
    return *plant;
}

int changeCount(ProjectStore& project) {
    auto changes = project.changes();
    return changes ? static_cast<int>(changes->size()) : -1;
}

} // namespace

class TestStorePlantEdits : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString newProject(const Plant& plant) {
        const QString file = dir_.filePath(QString("edits%1.shuiheng").arg(++files_));
        ProjectStore project;
        if (const store::Status s = project.create(file.toStdString(), {"", "编辑", "", "", 0}, tester()); !s)
            qFatal("create: %s", s.message().c_str());
        if (const auto report = project.importPlant(plant, tester()); !report)
            qFatal("import: %s", report.status().message().c_str());
        return file;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void edit_undo_redo_surviveReopening() {
        const QString file = newProject(samplePlant());
        {
            ProjectStore project;
            STORE_OK(project.open(file.toStdString()));
            auto state = project.plantEditState();
            STORE_OK(state);
            QCOMPARE(state->undoable, 0);
            auto added = project.editPlant(addNode(unit("U99", "G1")), "add node U99", tester());
            STORE_OK(added);
            QVERIFY(added->changed);
            QVERIFY(hasNode(added->plant, "U99"));
            QCOMPARE(added->state.undoable, 1);
            QCOMPARE(added->state.undoSummary, std::string("add node U99"));
            // A unit without streams: the plant is a draft now, stored all the same.
            QVERIFY(hasErrors(validatePlant(structureOf(project))));
            auto renamed = project.editPlant(
                [](Plant& p) {
                    p.nodes.back().name = "新名字";
                    return store::Status();
                },
                "rename node U99", tester());
            STORE_OK(renamed);
            QCOMPARE(renamed->state.undoable, 2);
        }
        {
            ProjectStore project;
            STORE_OK(project.open(file.toStdString()));
            auto state = project.plantEditState();
            STORE_OK(state);
            QCOMPARE(state->undoable, 2);
            QCOMPARE(state->undoSummary, std::string("rename node U99"));
            auto undone = project.undoPlantEdit(tester());
            STORE_OK(undone);
            QVERIFY(undone->changed);
            QCOMPARE(undone->plant.nodes.back().name, std::string("单元 U99"));
            QCOMPARE(undone->state.redoSummary, std::string("rename node U99"));
        }
        {
            ProjectStore project;
            STORE_OK(project.open(file.toStdString()));
            auto state = project.plantEditState();
            STORE_OK(state);
            QCOMPARE(state->undoable, 1);
            QCOMPARE(state->redoable, 1);
            auto redone = project.redoPlantEdit(tester());
            STORE_OK(redone);
            QCOMPARE(redone->plant.nodes.back().name, std::string("新名字"));
            STORE_OK(project.undoPlantEdit(tester()));
            STORE_OK(project.undoPlantEdit(tester()));
            QVERIFY(!hasNode(structureOf(project), "U99"));
            // Nothing left to undo: nothing happens, nothing is written.
            const int changes = changeCount(project);
            auto nothing = project.undoPlantEdit(tester());
            STORE_OK(nothing);
            QVERIFY(!nothing->changed);
            QCOMPARE(changeCount(project), changes);
            // The deleted node keeps its history: created, renamed, renamed back, deleted.
            auto history = project.history("node", "U99");
            STORE_OK(history);
            QVERIFY(history->size() >= 4);
            // A new edit clears what could be redone.
            auto other = project.editPlant(addNode(unit("U98")), "add node U98", tester());
            STORE_OK(other);
            QCOMPARE(other->state.redoable, 0);
            QCOMPARE(other->state.undoable, 1);
            STORE_OK(project.checkIntegrity());
        }
    }

    void nothingChanged_writesNothing() {
        const QString file = newProject(samplePlant());
        ProjectStore project;
        STORE_OK(project.open(file.toStdString()));
        const int changes = changeCount(project);
        auto same = project.editPlant([](Plant&) { return store::Status(); }, "nothing", tester());
        STORE_OK(same);
        QVERIFY(!same->changed);
        QCOMPARE(changeCount(project), changes);
        QCOMPARE(same->state.undoable, 0);
    }

    void repeatedOrEmptyIds_areRefused_andNothingIsWritten() {
        const QString file = newProject(samplePlant());
        ProjectStore project;
        STORE_OK(project.open(file.toStdString()));
        const int changes = changeCount(project);
        auto twice = project.editPlant(addNode(unit("U1")), "add node U1", tester());
        QCOMPARE(twice.status().kind(), store::ErrorKind::InvalidInput);
        QVERIFY2(twice.status().message().find("node id U1 is used twice") != std::string::npos,
                 twice.status().message().c_str());
        auto empty = project.editPlant(addNode(unit("")), "add node", tester());
        QCOMPARE(empty.status().kind(), store::ErrorKind::InvalidInput);
        QCOMPARE(changeCount(project), changes);
        // A change that fails itself writes nothing either.
        auto failing = project.editPlant(
            [](Plant& p) {
                p.nodes.clear();
                return store::Status(store::ErrorKind::InvalidInput, "no such node");
            },
            "delete", tester());
        QCOMPARE(failing.status().message(), std::string("no such node"));
        QCOMPARE(structureOf(project).nodes.size(), samplePlant().nodes.size());
    }

    void undo_keepsAnotherProgramsEdits() {
        const QString file = newProject(samplePlant());
        ProjectStore mine, theirs;
        STORE_OK(mine.open(file.toStdString()));
        STORE_OK(theirs.open(file.toStdString()));
        STORE_OK(mine.editPlant(addNode(unit("MINE")), "add node MINE", tester()));
        STORE_OK(theirs.editPlant(
            [](Plant& p) {
                p.name = "改名的工厂";
                return store::Status();
            },
            "rename plant", tester()));
        // The journal is the file's: undo takes back the latest edit, whoever made it.
        STORE_OK(mine.undoPlantEdit(tester()));
        Plant now = structureOf(mine);
        QVERIFY(hasNode(now, "MINE"));
        QCOMPARE(now.name, samplePlant().name);
        STORE_OK(mine.undoPlantEdit(tester()));
        QVERIFY(!hasNode(structureOf(theirs), "MINE"));
    }

    void deltas_goBothWays() {
        const Plant before = samplePlant();
        Plant after = before;
        after.name = "另一个名字";
        after.nodes.erase(after.nodes.begin() + 3);
        after.nodes.push_back(unit("NEW", "G2"));
        std::swap(after.nodes[0], after.nodes[1]);
        after.streams[2].measurement.reset();
        after.streams[4].extra["diagramNote"] = "\"x\"";
        after.streams.pop_back();
        const store::PlantDelta delta = store::diffPlants(before, after);
        QVERIFY(!delta.empty);
        Plant forward = before;
        STORE_OK(store::applyPlantDelta(forward, delta.forward));
        QCOMPARE(toPlantJson(forward), toPlantJson(after));
        Plant backward = after;
        STORE_OK(store::applyPlantDelta(backward, delta.backward));
        QCOMPARE(toPlantJson(backward), toPlantJson(before));
        QVERIFY(store::diffPlants(before, before).empty);
        Plant damaged = before;
        QCOMPARE(store::applyPlantDelta(damaged, "{not json").kind(), store::ErrorKind::Damaged);
    }

    /// A project written by the previous Shuiheng (schema version 1, no journal) is upgraded when
    /// opened, keeps its plant, and can be edited and undone at once.
    void versionOneProject_isUpgradedAndEditable() {
        const QString file = newProject(samplePlant());
        {
            store::Database db;
            STORE_OK(db.open(file, false, 1000));
            STORE_OK(db.execute("DROP TABLE plant_edit"));
            // Nor what later versions added (version 3: the reading rounds).
            STORE_OK(db.execute("DROP TABLE reading_skip"));
            STORE_OK(db.execute("ALTER TABLE campaign DROP COLUMN route"));
            STORE_OK(db.execute("UPDATE store_meta SET meta_value = '1' WHERE meta_key = 'schema_version'"));
        }
        ProjectStore project;
        STORE_OK(project.open(file.toStdString()));
        auto meta = project.meta();
        STORE_OK(meta);
        QCOMPARE(meta->schemaVersion, store::currentSchemaVersion);
        QCOMPARE(structureOf(project).nodes.size(), samplePlant().nodes.size());
        STORE_OK(project.editPlant(addNode(unit("U77")), "add node U77", tester()));
        auto undone = project.undoPlantEdit(tester());
        STORE_OK(undone);
        QVERIFY(!hasNode(undone->plant, "U77"));
    }
};

QTEST_GUILESS_MAIN(TestStorePlantEdits)
#include "tst_store_plant_edits.moc"
