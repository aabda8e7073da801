// The plant editor's controller and its diagram model on a real project file: every gesture's edit
// is committed (a second connection sees it), undo and redo work and survive reopening, drafts are
// kept with their problems on the items, bad input is refused in words; DiagramModel passes
// QAbstractItemModelTester through all of it.

#include "diagram_model.h"
#include "io/plant_file.h"
#include "layout/pinned_position.h"
#include "plant_editor.h"
#include "store/project_store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <memory>

using namespace shuiheng;

namespace {

const store::Actor tester{"tester", "test-device"};

/// The project's plant as another program (the frame's session) would read it.
Plant storedPlant(const QString& file) {
    store::ProjectStore other;
    if (const store::Status s = other.open(file.toStdString()); !s)
        qFatal("open: %s", s.message().c_str());
    auto plant = other.plantStructure();
    if (!plant)
        qFatal("plantStructure: %s", plant.status().message().c_str());
    return *plant;
}

const Node* nodeIn(const Plant& plant, const std::string& id) {
    for (const Node& n : plant.nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const Stream* streamIn(const Plant& plant, const std::string& id) {
    for (const Stream& s : plant.streams)
        if (s.id == id)
            return &s;
    return nullptr;
}

} // namespace

class TestPlantEditor : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString newProject(bool withSample) {
        const QString file = dir_.filePath(QString("editor%1.shuiheng").arg(++files_));
        store::ProjectStore project;
        if (const store::Status s = project.create(file.toStdString(), {"", "编辑器", "", "", 0}, tester); !s)
            qFatal("create: %s", s.message().c_str());
        if (withSample) {
            const auto sample = loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
            if (const auto r = project.importPlant(*sample.plant, tester); !r)
                qFatal("import: %s", r.status().message().c_str());
        }
        return file;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void opensAndShowsTheDiagram() {
        PlantEditor editor;
        QAbstractItemModelTester tester(editor.diagram(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor.setProjectPath(QUrl::fromLocalFile(newProject(true)).toString());
        QVERIFY2(editor.ready(), qPrintable(editor.error()));
        DiagramModel* d = editor.diagram();
        QCOMPARE(d->count(), 8 + 42 + 22); // the sample's frames, streams and nodes
    }

    void sketchFromEmpty_everyEditCommitted() {
        const QString file = newProject(false);
        PlantEditor editor;
        QAbstractItemModelTester modelTester(editor.diagram(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy saved(&editor, &PlantEditor::saved);
        editor.setProjectPath(file);
        QVERIFY(editor.ready());
        QCOMPARE(editor.diagram()->count(), 0);

        const QString w = editor.addNode("source", "groundwater", 60, 100);
        QCOMPARE(w, QString("W1"));
        const QString g = editor.addNode("group");
        const QString u = editor.addNode("unit", "cooling");
        const QString d = editor.addNode("discharge");
        QCOMPARE(saved.count(), 4);
        // A unit without streams is a draft: saved, with its problem on the node.
        QVERIFY(editor.errorCount() > 0);
        QCOMPARE(editor.diagram()->value(u, "severity").toString(), QString("error"));
        QVERIFY(!editor.diagram()->value(u, "problem").toString().isEmpty());
        QVERIFY(nodeIn(storedPlant(file), u.toStdString()));

        const QString s1 = editor.connectNodes(w, u);
        const QString s2 = editor.connectNodes(u, d);
        const QString loop = editor.connectNodes(u, u);
        QCOMPARE(s1, QString("S1"));
        QCOMPARE(loop, QString("S3"));
        QVERIFY(editor.setNodeField(u, "parent", g));
        QVERIFY(editor.setNodeField(u, "name", "循环冷却水系统"));
        QVERIFY(editor.setStreamField(s1, "value", "12,5"));
        QVERIFY(editor.setStreamField(s1, "sigma", "0.25"));
        QCOMPARE(editor.errorCount(), 0);
        QCOMPARE(editor.diagram()->value(u, "severity").toString(), QString());
        QCOMPARE(editor.diagram()->value(s1, "label").toString(), QString("12.5 ± 0.25"));
        QCOMPARE(editor.diagram()->value(u, "parentGroup").toString(), g);

        const Plant stored = storedPlant(file);
        QCOMPARE(stored.nodes.size(), std::size_t(4));
        QCOMPARE(stored.streams.size(), std::size_t(3));
        QCOMPARE(nodeIn(stored, u.toStdString())->parent, g.toStdString());
        QCOMPARE(nodeIn(stored, u.toStdString())->name, std::string("循环冷却水系统"));
        QCOMPARE(streamIn(stored, s1.toStdString())->measurement->value, 12.5);
        QCOMPARE(layout::pinnedPosition(*nodeIn(stored, w.toStdString()))->x, 60.0);

        // Moving pins the node where it was left.
        QVERIFY(editor.moveNode(u, 400, 300));
        QCOMPARE(layout::pinnedPosition(*nodeIn(storedPlant(file), u.toStdString()))->y, 300.0);
        QVERIFY(editor.diagram()->value(u, "pinned").toBool());
        const double x = editor.diagram()->value(u, "itemX").toDouble();
        const double width = editor.diagram()->value(u, "itemWidth").toDouble();
        QCOMPARE(x + width / 2, 400.0);
        // Several at once keep their offsets.
        QVERIFY(editor.moveNodes({u, w}, 10, -5));
        QCOMPARE(layout::pinnedPosition(*nodeIn(storedPlant(file), u.toStdString()))->x, 410.0);
        QCOMPARE(layout::pinnedPosition(*nodeIn(storedPlant(file), w.toStdString()))->y, 95.0);
        QVERIFY(editor.unpinAll());
        QVERIFY(!editor.diagram()->value(u, "pinned").toBool());
    }

    void refusesWhatCannotBe_inWords() {
        PlantEditor editor;
        editor.setProjectPath(newProject(true));
        QSignalSpy saved(&editor, &PlantEditor::saved);
        QCOMPARE(editor.connectNodes("D1", "U1"), QString());
        QVERIFY2(editor.error().contains("cannot flow out of D1"), qPrintable(editor.error()));
        QCOMPARE(editor.connectNodes("U1", "G1"), QString());
        QVERIFY(editor.error().contains("group"));
        QCOMPARE(editor.connectNodes("W1", "D1"), QString());
        QVERIFY(editor.error().contains("must pass a unit"));
        QCOMPARE(editor.connectNodes("U1", "NOPE"), QString());
        QVERIFY(editor.error().contains("no node NOPE"));
        QVERIFY(!editor.setStreamField("S1", "value", "twelve"));
        QVERIFY(editor.error().contains("must be a number"));
        QVERIFY(!editor.setNodeField("U1", "id", "U2"));
        QVERIFY(editor.error().contains("taken"));
        QCOMPARE(editor.addNode("pump"), QString());
        QCOMPARE(saved.count(), 0);
        QVERIFY(editor.setNodeField("U1", "name", "新名字"));
        QVERIFY(editor.error().isEmpty());
    }

    // The undo tooltip's summary is in the UI's language (tr(), docs/messages.md): with the app's
    // Chinese translation installed, deleting says so in Chinese, and the journal keeps it.
    void editSummariesInTheUiLanguage() {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(SHUIHENG_ZH_CN_QM)));
        QCoreApplication::installTranslator(&zh);
        const QString file = newProject(true);
        PlantEditor editor;
        editor.setProjectPath(file);
        QVERIFY(editor.deleteItems({"U5", "S1"}));
        QVERIFY(editor.deleteItems({"G21"}));
        QCoreApplication::removeTranslator(&zh);
        QCOMPARE(editor.undoText(), QStringLiteral("删除 G21"));
        QVERIFY(editor.undo());
        QCOMPARE(editor.undoText(), QStringLiteral("删除 2 项"));
    }

    void renameCarriesStreamsAndMembers() {
        const QString file = newProject(true);
        PlantEditor editor;
        editor.setProjectPath(file);
        QVERIFY(editor.setNodeField("G11", "id", "G11x"));
        QVERIFY(editor.setNodeField("U1", "id", "U1x"));
        const Plant stored = storedPlant(file);
        QCOMPARE(nodeIn(stored, "U2")->parent, std::string("G11x"));
        QCOMPARE(streamIn(stored, "S1")->to, std::string("U1x"));
        QCOMPARE(editor.errorCount(), 0);
    }

    void deleteKeepsHistory_undoRedoSurviveReopening() {
        const QString file = newProject(true);
        {
            PlantEditor editor;
            editor.setProjectPath(file);
            editor.setSelection({"U5", "S1"});
            QCOMPARE(editor.diagram()->value("U5", "selected").toBool(), true);
            QVERIFY(editor.deleteItems(editor.selection()));
            QVERIFY(editor.selection().isEmpty());
            QCOMPARE(editor.diagram()->rowOf("U5"), -1);
            QCOMPARE(editor.diagram()->rowOf("S16"), -1); // U5's streams went with it
            QVERIFY(editor.canUndo());
            QCOMPARE(editor.undoText(), QString("delete 2 items"));
            QVERIFY(editor.deleteItems({"G21"})); // a group: its units move up
            QCOMPARE(editor.diagram()->value("U6", "parentGroup").toString(), QString("G2"));
        }
        store::ProjectStore project;
        QVERIFY(project.open(file.toStdString()).ok());
        auto history = project.history("node", "U5");
        QVERIFY(history.ok() && history->size() >= 2); // created, then deleted: kept
        project.close();
        {
            PlantEditor editor; // a restart
            editor.setProjectPath(file);
            QVERIFY(editor.canUndo());
            QCOMPARE(editor.undoText(), QString("delete G21"));
            QVERIFY(editor.undo());
            QVERIFY(editor.undo());
            QVERIFY(!editor.canUndo());
            QCOMPARE(editor.diagram()->value("U5", "itemType").toString(), QString("node"));
            QCOMPARE(editor.diagram()->value("U6", "parentGroup").toString(), QString("G21"));
            QVERIFY(editor.canRedo());
        }
        {
            PlantEditor editor;
            editor.setProjectPath(file);
            QCOMPARE(editor.redoText(), QString("delete 2 items"));
            QVERIFY(editor.redo());
            QCOMPARE(editor.diagram()->rowOf("U5"), -1);
            QVERIFY(!nodeIn(storedPlant(file), "U5"));
        }
    }

    void selectedItem_forTheSideSheet() {
        PlantEditor editor;
        editor.setProjectPath(newProject(true));
        QSignalSpy changed(&editor, &PlantEditor::selectedChanged);
        editor.setSelection({"S21"});
        QCOMPARE(changed.count(), 1);
        QVariantMap s = editor.selected();
        QCOMPARE(s["type"].toString(), QString("stream"));
        QCOMPARE(s["recycle"].toBool(), true);
        QCOMPARE(s["measured"].toBool(), true);
        QCOMPARE(s["value"].toDouble(), 8.95);
        editor.setSelection({"W1"});
        s = editor.selected();
        QCOMPARE(s["type"].toString(), QString("node"));
        QCOMPARE(s["origin"].toString(), QString("groundwater"));
        editor.setSelection({"W1", "U1"});
        QVERIFY(editor.selected().isEmpty());
        QVERIFY(editor.groups().size() == 8);
    }

    /// A campaign project: streams with meters count as measured and are labelled with their meters;
    /// a meter whose stream is deleted is a problem, listed.
    void meteredStreams() {
        const QString file = dir_.filePath("campaign.shuiheng");
        {
            store::ProjectStore project;
            QVERIFY(project.create(file.toStdString(), {"", "campaign", "", "", 0}, tester).ok());
            const auto campaign = loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-campaign.json");
            QVERIFY(campaign.plant);
            QVERIFY(project.importPlant(*campaign.plant, tester).ok());
        }
        PlantEditor editor;
        editor.setProjectPath(file);
        QVERIFY(editor.ready());
        const Plant stored = storedPlant(file);
        QVERIFY(!stored.meters.empty());
        const Meter& meter = stored.meters.front();
        const QString stream = QString::fromStdString(meter.stream);
        QVERIFY(editor.diagram()->value(stream, "measured").toBool());
        QVERIFY(
            editor.diagram()->value(stream, "label").toString().contains(QString::fromStdString(meter.id)));
        // Its meter now names a stream that is gone: a problem of the plant, listed.
        const int before = editor.errorCount();
        QVERIFY(editor.deleteItems({stream}));
        QVERIFY(editor.errorCount() > before);
        QVERIFY(editor.problems().join('\n').contains(QString::fromStdString("meter " + meter.id)));
        QCOMPARE(storedPlant(file).meters.size(), stored.meters.size()); // the editor leaves meters alone
    }

    void badProjectPath_saysWhy() {
        PlantEditor editor;
        editor.setProjectPath(dir_.filePath("no-such.shuiheng"));
        QVERIFY(!editor.ready());
        QVERIFY(!editor.error().isEmpty());
        QCOMPARE(editor.addNode("unit"), QString());
    }
};

QTEST_GUILESS_MAIN(TestPlantEditor)
#include "tst_plant_editor.moc"
