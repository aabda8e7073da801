// PlantDocument and its two list models: what QML sees of a plant file, good or bad.

#include "app_test_support.h"
#include "node_list_model.h"
#include "plant_document.h"
#include "stream_list_model.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

const QString contractExample = QStringLiteral(SHUIHENG_TEST_DATA_DIR "/contract-example.json");

QVariant role(const QAbstractItemModel& model, int row, int role) {
    return model.data(model.index(row, 0), role);
}

} // namespace

class TestPlantDocument : public QObject {
    Q_OBJECT

private slots:
    void initialState();
    void loadsTheContractExample();
    void nodeRoles();
    void streamRoles();
    void roleNamesForQml();
    void modelsStayConsistentThroughLoadReloadAndFailure();
    void badFilesGiveErrors_data();
    void badFilesGiveErrors();
    void invalidPlantIsShownWithItsErrors();
    void acceptsFileUrls();
};

void TestPlantDocument::initialState() {
    PlantDocument document;
    QVERIFY(!document.isLoaded());
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(document.name().isEmpty());
    QVERIFY(document.errors().isEmpty());
    QCOMPARE(document.nodeModel()->rowCount(), 0);
    QCOMPARE(document.streamModel()->rowCount(), 0);
}

void TestPlantDocument::loadsTheContractExample() {
    PlantDocument document;
    QSignalSpy nameSpy(&document, &PlantDocument::nameChanged);
    QSignalSpy loadedSpy(&document, &PlantDocument::loadedChanged);
    QSignalSpy unitSpy(&document, &PlantDocument::flowUnitChanged);
    QSignalSpy pathSpy(&document, &PlantDocument::filePathChanged);
    QSignalSpy errorsSpy(&document, &PlantDocument::errorsChanged);

    QVERIFY2(document.load(contractExample), qPrintable(document.errors().join('\n')));
    QVERIFY(document.isLoaded());
    QCOMPARE(document.name(), QStringLiteral("某化工有限公司"));
    QCOMPARE(document.flowUnit(), QStringLiteral("m3/h"));
    QCOMPARE(document.filePath(), contractExample);
    QVERIFY(document.errors().isEmpty());
    QCOMPARE(document.nodeModel()->rowCount(), 5);
    QCOMPARE(document.streamModel()->rowCount(), 4);
    QCOMPARE(document.nodeModel()->count(), 5);
    QCOMPARE(document.streamModel()->count(), 4);
    QCOMPARE(nameSpy.count(), 1);
    QCOMPARE(loadedSpy.count(), 1);
    QCOMPARE(unitSpy.count(), 1);
    QCOMPARE(pathSpy.count(), 1);
    QCOMPARE(errorsSpy.count(), 0);

    // Loading the same file again changes nothing a binding could see but the models' rows.
    QSignalSpy resetSpy(document.nodeModel(), &QAbstractItemModel::modelReset);
    QVERIFY(document.load(contractExample));
    QCOMPARE(nameSpy.count(), 1);
    QCOMPARE(loadedSpy.count(), 1);
    QCOMPARE(resetSpy.count(), 1);
    QCOMPARE(document.nodeModel()->rowCount(), 5);
}

void TestPlantDocument::nodeRoles() {
    PlantDocument document;
    QVERIFY(document.load(contractExample));
    const NodeListModel& nodes = *document.nodeModel();

    QCOMPARE(role(nodes, 0, NodeListModel::IdRole).toString(), QStringLiteral("W1"));
    QCOMPARE(role(nodes, 0, NodeListModel::NameRole).toString(), QStringLiteral("市政自来水"));
    QCOMPARE(role(nodes, 0, NodeListModel::KindRole).toString(), QStringLiteral("source"));
    QCOMPARE(role(nodes, 0, NodeListModel::ParentIdRole).toString(), QString());
    QCOMPARE(role(nodes, 0, NodeListModel::LevelRole).toInt(), 2);
    QCOMPARE(role(nodes, 0, NodeListModel::OriginRole).toString(), QString());

    QCOMPARE(role(nodes, 1, NodeListModel::IdRole).toString(), QStringLiteral("C1"));
    QCOMPARE(role(nodes, 1, NodeListModel::NameRole).toString(), QStringLiteral("循环冷却系统"));
    QCOMPARE(role(nodes, 1, NodeListModel::KindRole).toString(), QStringLiteral("unit"));
    QCOMPARE(role(nodes, 1, NodeListModel::ParentIdRole).toString(), QStringLiteral("G1"));
    QCOMPARE(role(nodes, 1, NodeListModel::LevelRole).toInt(), 3);
    QCOMPARE(role(nodes, 1, NodeListModel::CategoryRole).toString(), QString());

    QCOMPARE(role(nodes, 2, NodeListModel::KindRole).toString(), QStringLiteral("group"));
    QCOMPARE(role(nodes, 2, NodeListModel::LevelRole).toInt(), 2);
    QCOMPARE(role(nodes, 3, NodeListModel::KindRole).toString(), QStringLiteral("discharge"));
    QCOMPARE(role(nodes, 4, NodeListModel::KindRole).toString(), QStringLiteral("consumption"));
    QCOMPARE(role(nodes, 4, Qt::DisplayRole).toString(), QStringLiteral("E1"));

    QVERIFY(!role(nodes, 5, NodeListModel::IdRole).isValid());
}

void TestPlantDocument::streamRoles() {
    PlantDocument document;
    QVERIFY(document.load(contractExample));
    const StreamListModel& streams = *document.streamModel();

    const QStringList ids{"S1", "S2", "S3", "S4"};
    const QStringList from{"W1", "C1", "C1", "C1"};
    const QStringList to{"C1", "C1", "E1", "D1"};
    const QStringList types{"intake", "recycle", "consumption", "discharge"};
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(role(streams, row, StreamListModel::IdRole).toString(), ids[row]);
        QCOMPARE(role(streams, row, StreamListModel::FromRole).toString(), from[row]);
        QCOMPARE(role(streams, row, StreamListModel::ToRole).toString(), to[row]);
        QCOMPARE(role(streams, row, StreamListModel::TypeRole).toString(), types[row]);
    }
    QCOMPARE(role(streams, 0, StreamListModel::FromNameRole).toString(), QStringLiteral("市政自来水"));
    QCOMPARE(role(streams, 0, StreamListModel::ToNameRole).toString(), QStringLiteral("循环冷却系统"));

    QCOMPARE(role(streams, 0, StreamListModel::MeasuredRole).toBool(), true);
    QCOMPARE(role(streams, 0, StreamListModel::ValueRole).toDouble(), 12.5);
    QCOMPARE(role(streams, 0, StreamListModel::SigmaRole).toDouble(), 0.25);
    QCOMPARE(role(streams, 1, StreamListModel::ValueRole).toDouble(), 800.0);
    QCOMPARE(role(streams, 1, StreamListModel::SigmaRole).toDouble(), 16.0);

    // Unmeasured: no value at all, not NaN or 0.
    QCOMPARE(role(streams, 2, StreamListModel::MeasuredRole).toBool(), false);
    QVERIFY(!role(streams, 2, StreamListModel::ValueRole).isValid());
    QVERIFY(!role(streams, 2, StreamListModel::SigmaRole).isValid());
}

void TestPlantDocument::roleNamesForQml() {
    PlantDocument document;
    const auto nodeRoles = document.nodeModel()->roleNames();
    for (const char* name : {"id", "name", "kind", "parentId", "level", "category", "origin"})
        QVERIFY2(nodeRoles.values().contains(name), name);
    const auto streamRoles = document.streamModel()->roleNames();
    for (const char* name : {"id", "from", "to", "type", "measured", "value", "sigma", "fromName", "toName"})
        QVERIFY2(streamRoles.values().contains(name), name);
}

void TestPlantDocument::modelsStayConsistentThroughLoadReloadAndFailure() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString notJson = writeFile(dir, QStringLiteral("bad.json"), "{ nodes: ");

    PlantDocument document;
    QAbstractItemModelTester nodeTester(document.nodeModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester streamTester(document.streamModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy nodeCount(document.nodeModel(), &NodeListModel::countChanged);
    QSignalSpy streamCount(document.streamModel(), &StreamListModel::countChanged);

    QVERIFY(document.load(contractExample));
    QCOMPARE(document.nodeModel()->rowCount(), 5);
    QVERIFY(document.load(contractExample));
    QCOMPARE(document.streamModel()->rowCount(), 4);
    QVERIFY(!document.load(notJson));
    QCOMPARE(document.nodeModel()->rowCount(), 0);
    QCOMPARE(document.streamModel()->rowCount(), 0);
    QVERIFY(!document.isLoaded());
    QVERIFY(document.load(contractExample));
    QCOMPARE(document.nodeModel()->rowCount(), 5);
    QCOMPARE(nodeCount.count(), 3); // 0 → 5, 5 → 0, 0 → 5
    QCOMPARE(streamCount.count(), 3);
}

void TestPlantDocument::badFilesGiveErrors_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("plantRead");

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("not JSON") << QByteArray("this is not JSON {") << false;
    QTest::newRow("JSON, not a plant") << QByteArray("[1, 2, 3]") << false;
    QTest::newRow("unknown node") << QByteArray(R"({
  "format": "shuiheng-plant", "version": 1, "name": "P", "flowUnit": "m3/h",
  "nodes": [{"id": "W1", "name": "w", "kind": "source"}, {"id": "U1", "name": "u", "kind": "unit"},
            {"id": "D1", "name": "d", "kind": "discharge"}],
  "streams": [{"id": "S1", "from": "W1", "to": "U1"}, {"id": "S2", "from": "U1", "to": "X9"}]
})") << true;
}

void TestPlantDocument::badFilesGiveErrors() {
    QFETCH(QByteArray, content);
    QFETCH(bool, plantRead);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("plant.json"), content);

    PlantDocument document;
    QAbstractItemModelTester nodeTester(document.nodeModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester streamTester(document.streamModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(document.load(contractExample));
    QSignalSpy errorsSpy(&document, &PlantDocument::errorsChanged);

    QVERIFY(!document.load(path));
    QCOMPARE(errorsSpy.count(), 1);
    QVERIFY(!document.errors().isEmpty());
    for (const QString& error : document.errors())
        QVERIFY2(error.startsWith(QLatin1String("error: ")), qPrintable(error));
    QCOMPARE(document.filePath(), path);
    QCOMPARE(document.isLoaded(), plantRead);
    if (!plantRead) {
        QVERIFY(document.name().isEmpty());
        QCOMPARE(document.nodeModel()->rowCount(), 0);
        QCOMPARE(document.streamModel()->rowCount(), 0);
    }
}

void TestPlantDocument::invalidPlantIsShownWithItsErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("plant.json"), R"({
  "format": "shuiheng-plant", "version": 1, "name": "P", "flowUnit": "L/s",
  "nodes": [{"id": "W1", "name": "w", "kind": "source", "origin": "groundwater"},
            {"id": "U1", "name": "u", "kind": "unit", "category": "cooling"},
            {"id": "D1", "name": "d", "kind": "discharge"}],
  "streams": [{"id": "S1", "from": "W1", "to": "U1"}, {"id": "S2", "from": "U1", "to": "X9"},
              {"id": "S3", "from": "U1", "to": "D1", "type": "recycle"}]
})");

    PlantDocument document;
    QVERIFY(!document.load(path));
    QVERIFY(document.isLoaded());
    QCOMPARE(document.name(), QStringLiteral("P"));
    QCOMPARE(document.flowUnit(), QStringLiteral("L/s"));
    const QString errors = document.errors().join('\n');
    QVERIFY2(errors.contains(QLatin1String("S2")) && errors.contains(QLatin1String("X9")),
             qPrintable(errors));

    const NodeListModel& nodes = *document.nodeModel();
    QCOMPARE(role(nodes, 0, NodeListModel::OriginRole).toString(), QStringLiteral("groundwater"));
    QCOMPARE(role(nodes, 1, NodeListModel::CategoryRole).toString(), QStringLiteral("cooling"));

    const StreamListModel& streams = *document.streamModel();
    QCOMPARE(streams.rowCount(), 3);
    QCOMPARE(role(streams, 0, StreamListModel::TypeRole).toString(), QStringLiteral("intake"));
    // A stream whose end is unknown has no derived type.
    QCOMPARE(role(streams, 1, StreamListModel::ToRole).toString(), QStringLiteral("X9"));
    QCOMPARE(role(streams, 1, StreamListModel::TypeRole).toString(), QString());
    QCOMPARE(role(streams, 1, StreamListModel::FromNameRole).toString(), QStringLiteral("u"));
    QCOMPARE(role(streams, 1, StreamListModel::ToNameRole).toString(), QString());
    QCOMPARE(role(streams, 2, StreamListModel::TypeRole).toString(), QStringLiteral("recycle"));
}

void TestPlantDocument::acceptsFileUrls() {
    PlantDocument document;
    QVERIFY(document.load(QUrl::fromLocalFile(contractExample).toString()));
    QCOMPARE(document.filePath(), contractExample);
    QCOMPARE(document.nodeModel()->rowCount(), 5);

    QVERIFY(!document.load(QStringLiteral(SHUIHENG_TEST_DATA_DIR "/no-such-file.json")));
    QVERIFY(!document.errors().isEmpty());
    QVERIFY(!document.isLoaded());
}

QTEST_GUILESS_MAIN(TestPlantDocument)
#include "tst_plant_document.moc"
