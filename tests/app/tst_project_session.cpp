// ProjectSession on real project files (SQLite through the store): open, create, import, bundles,
// the guided test's steps, the meters page's edits, and the balance against the textbook example.

#include "../qml/qr_picture.h"
#include "app_settings.h"
#include "app_test_support.h"
#include "meter_list_model.h"
#include "project_session.h"
#include "qr/qr_code.h"
#include "record_list_model.h"
#include "report/meter_labels.h"
#include "store/project_store.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString contractExample = QStringLiteral(SHUIHENG_TEST_DATA_DIR "/contract-example.json");
const QString sampleCampaign = QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json");

/// Narasimhan & Jordache, chapter 1: splitter, exchanger, bypass valve, mixer; six streams, σ = 1.
/// Reconciled: 100.22, 64.50, 35.72, 64.50, 35.72, 100.22; global statistic 6.41 (shared/domain.md §6).
const QByteArray textbookPlant = R"({
  "format": "shuiheng-plant", "version": 1, "name": "textbook", "flowUnit": "t/h",
  "nodes": [
    {"id": "W", "name": "feed", "kind": "source"},
    {"id": "SP", "name": "splitter", "kind": "unit"},
    {"id": "HX", "name": "exchanger", "kind": "unit"},
    {"id": "V", "name": "valve", "kind": "unit"},
    {"id": "MX", "name": "mixer", "kind": "unit"},
    {"id": "D", "name": "out", "kind": "discharge"}
  ],
  "streams": [
    {"id": "F1", "from": "W", "to": "SP", "measurement": {"value": 101.91, "sigma": 1}},
    {"id": "F2", "from": "SP", "to": "HX", "measurement": {"value": 64.45, "sigma": 1}},
    {"id": "F3", "from": "SP", "to": "V", "measurement": {"value": 34.65, "sigma": 1}},
    {"id": "F4", "from": "HX", "to": "MX", "measurement": {"value": 64.20, "sigma": 1}},
    {"id": "F5", "from": "V", "to": "MX", "measurement": {"value": 36.44, "sigma": 1}},
    {"id": "F6", "from": "MX", "to": "D", "measurement": {"value": 98.88, "sigma": 1}}
  ]
})";

/// Waits for the worker thread's balance and indicators.
bool waitForAnalysis(ProjectSession& session) {
    return QTest::qWaitFor([&] { return !session.analysing(); }, 30'000);
}

QVariantMap step(const ProjectSession& session, const QString& key) {
    for (int i = 0; i < session.steps()->count(); ++i)
        if (session.steps()->get(i).value(QStringLiteral("key")) == key)
            return session.steps()->get(i);
    return {};
}

QVariantMap rowWith(const RecordListModel& model, const QString& field, const QVariant& value) {
    for (int i = 0; i < model.count(); ++i)
        if (model.get(i).value(field) == value)
            return model.get(i);
    return {};
}

} // namespace

class TestProjectSession : public QObject {
    Q_OBJECT

private slots:
    void modelsPassTheModelTester();
    void emptySessionStepsSayWhatToDo();
    void createsAProjectFromAPlantFile();
    void refusesABadPlantWithoutLeavingAProject();
    void opensAnExistingProjectAndRefusesOtherFiles();
    void balanceMatchesTheTextbook();
    void stepsOfTheSampleCampaign();
    void meterSearchAndCalibration();
    void addEditAndReplaceMeters();
    void meterEditsAreCheckedAndRecorded();
    void importsABundleAsACopy();
    void importsAPlantIntoTheOpenProject();
    void settingsAreWrittenThrough();
    void printsTheMeterLabelsInRouteOrder();
    void readsAQrCodeFromAPicture();
};

void TestProjectSession::modelsPassTheModelTester() {
    QTemporaryDir dir;
    ProjectSession session;
    // The tester checks every signal the models emit from here on: reset, filter, reload.
    QAbstractItemModelTester meters(session.meters(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester steps(session.steps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester balance(session.balance(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester indicators(session.indicators(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester campaigns(session.campaigns(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester rounds(session.rounds(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(
        session.create(dir.filePath(QStringLiteral("p.shuiheng")), QStringLiteral("P"), {}, sampleCampaign),
        qPrintable(session.errorMessage()));
    QVERIFY(waitForAnalysis(session));
    session.meters()->setSearch(QStringLiteral("m1"));
    session.meters()->setSearch({});
    session.reload();
    QVERIFY(waitForAnalysis(session));
    session.close();
    QCOMPARE(session.meters()->rowCount(), 0);
    QCOMPARE(session.balance()->rowCount(), 0);
}

void TestProjectSession::emptySessionStepsSayWhatToDo() {
    ProjectSession session;
    QVERIFY(!session.isOpen());
    QCOMPARE(session.steps()->count(), 7);
    QCOMPARE(step(session, QStringLiteral("plant")).value(QStringLiteral("state")).toString(),
             QStringLiteral("open"));
    QCOMPARE(step(session, QStringLiteral("plant")).value(QStringLiteral("blocker")).toString(),
             QStringLiteral("Import a plant file or draw the plant."));
    QCOMPARE(step(session, QStringLiteral("meters")).value(QStringLiteral("state")).toString(),
             QStringLiteral("blocked"));
    QCOMPARE(session.stepStates().value(QStringLiteral("balance")).toString(), QStringLiteral("blocked"));
    QCOMPARE(session.stepStates().value(QStringLiteral("report")).toString(), QStringLiteral("open"));
}

void TestProjectSession::createsAProjectFromAPlantFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.shuiheng"));
    ProjectSession session;
    QSignalSpy opened(&session, &ProjectSession::openChanged);
    QVERIFY2(
        session.create(path, QStringLiteral("2026 水平衡测试"), QStringLiteral("某化工"), contractExample),
        qPrintable(session.errorMessage()));
    QVERIFY(session.isOpen());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(session.path(), path);
    QCOMPARE(session.name(), QStringLiteral("2026 水平衡测试"));
    QCOMPARE(session.enterprise(), QStringLiteral("某化工"));
    QCOMPARE(session.plant()->name(), QStringLiteral("某化工有限公司"));
    QCOMPARE(session.plant()->nodeModel()->count(), 5);
    QCOMPARE(session.plant()->streamModel()->count(), 4);
    QVERIFY(session.plant()->errors().isEmpty());
    QCOMPARE(step(session, QStringLiteral("plant")).value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
    QCOMPARE(step(session, QStringLiteral("plant")).value(QStringLiteral("summary")).toString(),
             QStringLiteral("5 nodes and 4 streams. The plant is valid."));
    // No campaign in a plain plant file: the window step asks for one.
    QCOMPARE(step(session, QStringLiteral("window")).value(QStringLiteral("blocker")).toString(),
             QStringLiteral("Plan the test window: its days and reading times."));
    QCOMPARE(step(session, QStringLiteral("readings")).value(QStringLiteral("state")).toString(),
             QStringLiteral("blocked"));

    // The file is a real project: another connection reads the same plant.
    shuiheng::store::ProjectStore store;
    QVERIFY(store.open(path.toStdString()).ok());
    auto plant = store.exportPlant();
    QVERIFY(plant.ok());
    QCOMPARE(plant->streams.size(), std::size_t(4));

    // An existing file is never overwritten.
    ProjectSession other;
    QVERIFY(!other.create(path, QStringLiteral("again"), {}, {}));
    QVERIFY2(other.errorMessage().contains(path), qPrintable(other.errorMessage()));
    QVERIFY(!other.isOpen());
}

void TestProjectSession::refusesABadPlantWithoutLeavingAProject() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.shuiheng"));
    ProjectSession session;
    QVERIFY(!session.create(path, QStringLiteral("P"), {},
                            QStringLiteral(SHUIHENG_TEST_DATA_DIR "/invalid/unknown-node.json")));
    QVERIFY2(session.errorMessage().contains(QStringLiteral("unknown-node.json")),
             qPrintable(session.errorMessage()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!session.create(path, QStringLiteral("  "), {}, {}));
    QCOMPARE(session.errorMessage(), QStringLiteral("The project needs a name."));
    QVERIFY(!QFile::exists(path));
}

void TestProjectSession::opensAnExistingProjectAndRefusesOtherFiles() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.shuiheng"));
    {
        ProjectSession creator;
        QVERIFY(creator.create(path, QStringLiteral("P"), {}, contractExample));
    }
    ProjectSession session;
    QVERIFY2(session.open(QUrl::fromLocalFile(path).toString()), qPrintable(session.errorMessage()));
    QCOMPARE(session.plant()->streamModel()->count(), 4);

    // A file that is not a project is refused with its name; the open project stays open.
    const QString notAProject = writeFile(dir, QStringLiteral("plant.shuiheng"), "not a database");
    QVERIFY(!session.open(notAProject));
    QVERIFY2(session.errorMessage().startsWith(QStringLiteral("Cannot open ") + notAProject),
             qPrintable(session.errorMessage()));
    QVERIFY(session.isOpen());
    QCOMPARE(session.path(), path);
    QVERIFY(!session.open(dir.filePath(QStringLiteral("missing.shuiheng"))));
    QVERIFY(session.isOpen());
    // Success clears the message.
    QVERIFY(session.open(path));
    QVERIFY(session.errorMessage().isEmpty());
}

void TestProjectSession::balanceMatchesTheTextbook() {
    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY2(session.create(dir.filePath(QStringLiteral("t.shuiheng")), QStringLiteral("T"), {},
                            writeFile(dir, QStringLiteral("textbook.json"), textbookPlant)),
             qPrintable(session.errorMessage()));
    QVERIFY(waitForAnalysis(session));
    QCOMPARE(session.balance()->count(), 6);
    const double expected[] = {100.22, 64.50, 35.72, 64.50, 35.72, 100.22};
    for (int i = 0; i < 6; ++i) {
        const QVariantMap row = session.balance()->get(i);
        QCOMPARE(row.value(QStringLiteral("id")).toString(), QStringLiteral("F%1").arg(i + 1));
        QVERIFY2(std::abs(row.value(QStringLiteral("value")).toDouble() - expected[i]) < 0.01,
                 qPrintable(row.value(QStringLiteral("value")).toString()));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("redundant"));
    }
    // χ² 6.41 with 4 balances (dof 4, critical 9.49 at 5 %): the balance closes.
    QVERIFY(session.balanceCloses());
    QVERIFY2(session.verdict().value(0).startsWith(QStringLiteral("The balance closes")),
             qPrintable(session.verdict().value(0)));
    const QRegularExpression chiSquare(QStringLiteral("χ² ([0-9.]+) against 9.488 with 4 degrees"));
    const QRegularExpressionMatch match = chiSquare.match(session.verdict().value(0));
    QVERIFY2(match.hasMatch(), qPrintable(session.verdict().value(0)));
    QVERIFY2(std::abs(match.captured(1).toDouble() - 6.41) < 0.01, qPrintable(match.captured(1)));
    QCOMPARE(step(session, QStringLiteral("balance")).value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
    // Every stream is measured: the meters step has nothing to add.
    QVERIFY(session.analysis()->undetermined.isEmpty());

    // Intake is the reconciled F1. Every unit-to-unit stream carries used water into a water-using
    // unit (cascade, docs/indicators.md): reuse rate = (F2 + F3 + F4 + F5) / (F1 + F2 + F3 + F4 + F5).
    const QVariantMap intake =
        rowWith(*session.indicators(), QStringLiteral("key"), QStringLiteral("intake"));
    QVERIFY(std::abs(intake.value(QStringLiteral("value")).toDouble() - 100.22) < 0.01);
    const QVariantMap reuse =
        rowWith(*session.indicators(), QStringLiteral("key"), QStringLiteral("reuseRate"));
    const double cascade = 64.50 + 35.72 + 64.50 + 35.72;
    QVERIFY2(std::abs(reuse.value(QStringLiteral("value")).toDouble() - cascade / (100.22 + cascade)) < 1e-4,
             qPrintable(reuse.value(QStringLiteral("value")).toString()));
}

void TestProjectSession::stepsOfTheSampleCampaign() {
    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY(
        session.create(dir.filePath(QStringLiteral("s.shuiheng")), QStringLiteral("S"), {}, sampleCampaign));
    QVERIFY(waitForAnalysis(session));
    // The import made a campaign spanning the readings, without reading times.
    QCOMPARE(session.campaigns()->count(), 1);
    QCOMPARE(session.campaigns()->get(0).value(QStringLiteral("current")).toBool(), true);
    QCOMPARE(session.campaigns()->get(0).value(QStringLiteral("windowStart")).toString(),
             QStringLiteral("2026-06-01T08:00:00+08:00"));
    QCOMPARE(step(session, QStringLiteral("window")).value(QStringLiteral("blocker")).toString(),
             QStringLiteral("The test window has no reading times yet."));
    QCOMPARE(step(session, QStringLiteral("readings")).value(QStringLiteral("state")).toString(),
             QStringLiteral("blocked"));
    // One meter (M2) is past its calibration date; the balance ran and says whether it closes.
    QCOMPARE(session.meters()->expiredCount(), 1);
    const QVariantMap meters = step(session, QStringLiteral("meters"));
    QVERIFY2(meters.value(QStringLiteral("summary"))
                 .toString()
                 .contains(QStringLiteral("1 with an expired calibration")),
             qPrintable(meters.value(QStringLiteral("summary")).toString()));
    QVERIFY(session.analysis()->balanceRan);
    QCOMPARE(session.balance()->count(), 42);
    QVERIFY(!session.verdict().isEmpty());
    QVERIFY(session.indicators()->count() > 5);

    // Plan reading times in the store (another program, as the CLI would): the session reads them
    // again and counts the readings within each round (±90 min, or half the spacing).
    {
        shuiheng::store::ProjectStore store;
        QVERIFY(store.open(session.path().toStdString()).ok());
        auto campaigns = store.campaigns();
        QVERIFY(campaigns.ok());
        shuiheng::store::Campaign campaign = campaigns->front();
        campaign.windowStart = "2026-06-01T08:00:00+08:00";
        campaign.windowEnd = "2026-06-04T08:00:00+08:00";
        campaign.roundTimes = {"08:00"};
        QVERIFY(store.updateCampaign(campaign, {}, "plan").ok());
    }
    session.reload();
    QVERIFY(waitForAnalysis(session));
    QCOMPARE(session.rounds()->count(), 4); // 1, 2, 3, 4 June at 08:00
    QCOMPARE(step(session, QStringLiteral("window")).value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
    // Independent count from the file: meters in service with a reading at 2026-06-02 08:00 ± 90 min.
    QFile file(sampleCampaign);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject plant = QJsonDocument::fromJson(file.readAll()).object();
    QSet<QString> inService, readAtRound2;
    for (const QJsonValue m : plant.value(QStringLiteral("meters")).toArray())
        if (!m.toObject().contains(QStringLiteral("removed")))
            inService.insert(m.toObject().value(QStringLiteral("id")).toString());
    const QDateTime round2 = QDateTime::fromString(QStringLiteral("2026-06-02T08:00:00+08:00"), Qt::ISODate);
    for (const QJsonValue r : plant.value(QStringLiteral("readings")).toArray()) {
        const QDateTime t =
            QDateTime::fromString(r.toObject().value(QStringLiteral("time")).toString(), Qt::ISODate);
        const QString meter = r.toObject().value(QStringLiteral("meter")).toString();
        if (inService.contains(meter) && std::abs(t.secsTo(round2)) <= 90 * 60)
            readAtRound2.insert(meter);
    }
    QCOMPARE(session.rounds()->get(1).value(QStringLiteral("metersRead")).toInt(), int(readAtRound2.size()));
    QCOMPARE(session.rounds()->get(1).value(QStringLiteral("meterCount")).toInt(), int(inService.size()));
    QCOMPARE(session.rounds()->get(1).value(QStringLiteral("past")).toBool(), true);
}

void TestProjectSession::meterSearchAndCalibration() {
    const QDate today(2026, 11, 25);
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("2026-11-24"), false, today),
             QStringLiteral("expired"));
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("2026-11-25"), false, today),
             QStringLiteral("due-soon"));
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("2026-12-25"), false, today),
             QStringLiteral("due-soon"));
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("2026-12-26"), false, today),
             QStringLiteral("valid"));
    QCOMPARE(MeterListModel::calibrationStatus(QString(), false, today), QStringLiteral("unknown"));
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("30.6.2027"), false, today),
             QStringLiteral("unknown"));
    QCOMPARE(MeterListModel::calibrationStatus(QStringLiteral("2020-01-01"), true, today),
             QStringLiteral("replaced"));

    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY(
        session.create(dir.filePath(QStringLiteral("s.shuiheng")), QStringLiteral("S"), {}, sampleCampaign));
    MeterListModel* meters = session.meters();
    QCOMPARE(meters->total(), 35);
    QCOMPARE(meters->count(), 35);
    // By QR text (the scanner's result), by id, by serial; case does not matter.
    meters->setSearch(QStringLiteral("shuiheng:meter:m2;"));
    QCOMPARE(meters->count(), 1);
    QCOMPARE(meters->data(meters->index(0), MeterListModel::IdRole).toString(), QStringLiteral("M2"));
    QCOMPARE(meters->data(meters->index(0), MeterListModel::CalibrationStatusRole).toString(),
             MeterListModel::calibrationStatus(QStringLiteral("2026-03-19"), false, QDate::currentDate()));
    meters->setSearch(QStringLiteral("ldg-50s-250211"));
    QCOMPARE(meters->count(), 1);
    QCOMPARE(meters->data(meters->index(0), MeterListModel::IdRole).toString(), QStringLiteral("M3"));
    QCOMPARE(meters->data(meters->index(0), MeterListModel::StreamRole).toString(), QStringLiteral("S3"));
    meters->setSearch(QStringLiteral("no such meter"));
    QCOMPARE(meters->count(), 0);
    QCOMPARE(meters->total(), 35);
    meters->setSearch({});
    QCOMPARE(meters->count(), 35);
    // Reading counts come from the file's readings of that meter.
    QFile file(sampleCampaign);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int m1 = 0;
    for (const QJsonValue r :
         QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("readings")).toArray())
        m1 += r.toObject().value(QStringLiteral("meter")).toString() == QStringLiteral("M1") ? 1 : 0;
    QCOMPARE(meters->data(meters->index(0), MeterListModel::IdRole).toString(), QStringLiteral("M1"));
    QCOMPARE(meters->data(meters->index(0), MeterListModel::ReadingCountRole).toInt(), m1);
}

void TestProjectSession::addEditAndReplaceMeters() {
    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY(
        session.create(dir.filePath(QStringLiteral("m.shuiheng")), QStringLiteral("M"), {}, contractExample));
    QCOMPARE(session.meters()->total(), 0);

    // Add: committed at once, read back from the file.
    QVERIFY2(session.saveMeter({{"id", "M1"},
                                {"stream", "S3"},
                                {"kind", "totalizer"},
                                {"unit", "m3"},
                                {"mpe", "0.02"},
                                {"qrText", "QR-M1"},
                                {"calibrationDue", "2020-01-31"}}),
             qPrintable(session.errorMessage()));
    QCOMPARE(session.meters()->total(), 1);
    QCOMPARE(session.meters()->expiredCount(), 1);
    QCOMPARE(session.meter(QStringLiteral("M1")).value(QStringLiteral("qrText")).toString(),
             QStringLiteral("QR-M1"));

    // Edit: only the fields given change.
    QVERIFY2(session.saveMeter({{"id", "M1"}, {"calibrationDue", "2099-12-31"}}),
             qPrintable(session.errorMessage()));
    QCOMPARE(session.meters()->expiredCount(), 0);
    QCOMPARE(session.meter(QStringLiteral("M1")).value(QStringLiteral("qrText")).toString(),
             QStringLiteral("QR-M1"));
    QCOMPARE(session.meter(QStringLiteral("M1")).value(QStringLiteral("mpe")).toDouble(), 0.02);

    // Replace: the old one is taken out, the new one measures the same stream from the same moment.
    const QString when = QStringLiteral("2026-06-03T10:00:00+08:00");
    QVERIFY2(session.replaceMeter(QStringLiteral("M1"),
                                  {{"id", "M1b"}, {"stream", "S1"}, {"qrText", "QR-M1b"}}, when),
             qPrintable(session.errorMessage()));
    QCOMPARE(session.meters()->total(), 2);
    const QVariantMap old = session.meter(QStringLiteral("M1"));
    const QVariantMap replacement = session.meter(QStringLiteral("M1b"));
    QCOMPARE(old.value(QStringLiteral("removed")).toString(), when);
    QCOMPARE(replacement.value(QStringLiteral("installed")).toString(), when);
    QCOMPARE(replacement.value(QStringLiteral("stream")).toString(), QStringLiteral("S3"));
    QCOMPARE(replacement.value(QStringLiteral("mpe")).toDouble(), 0.02);
    QCOMPARE(
        session.meters()->data(session.meters()->index(0), MeterListModel::CalibrationStatusRole).toString(),
        QStringLiteral("replaced"));

    // Another connection sees both, and the history names each change.
    shuiheng::store::ProjectStore store;
    QVERIFY(store.open(session.path().toStdString()).ok());
    auto plant = store.exportPlant();
    QVERIFY(plant.ok());
    QCOMPARE(plant->meters.size(), std::size_t(2));
    auto changes = store.changes();
    QVERIFY(changes.ok());
    QStringList reasons;
    for (const auto& change : *changes)
        reasons << QString::fromStdString(change.reason);
    QVERIFY2(reasons.contains(QStringLiteral("add meter M1")), qPrintable(reasons.join('|')));
    QVERIFY(reasons.contains(QStringLiteral("edit meter M1")));
    QVERIFY(reasons.contains(QStringLiteral("replace meter M1 by M1b")));
    auto history = store.history("meter", "M1");
    QVERIFY(history.ok());
    QVERIFY(history->size() >= 3); // created, the due date changed, then taken out
}

void TestProjectSession::meterEditsAreCheckedAndRecorded() {
    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY(
        session.create(dir.filePath(QStringLiteral("m.shuiheng")), QStringLiteral("M"), {}, contractExample));
    QVERIFY(!session.saveMeter({{"id", ""}, {"stream", "S1"}}));
    QCOMPARE(session.errorMessage(), QStringLiteral("The meter needs an id."));
    QVERIFY(!session.saveMeter({{"id", "M1"}, {"stream", "S1"}, {"kind", "bucket"}}));
    QCOMPARE(session.errorMessage(), QStringLiteral("Meter M1: the kind must be totalizer or flowrate."));
    QVERIFY(!session.saveMeter(
        {{"id", "M1"}, {"stream", "S1"}, {"kind", "totalizer"}, {"unit", "m3"}, {"mpe", "-1"}}));
    QVERIFY(session.errorMessage().contains(QStringLiteral("maximum permissible error")));
    QVERIFY(!session.saveMeter(
        {{"id", "M1"}, {"stream", "S1"}, {"kind", "totalizer"}, {"unit", "m3"}, {"mpe", "abc"}}));
    QVERIFY(!session.saveMeter({{"id", "M1"},
                                {"stream", "S1"},
                                {"kind", "totalizer"},
                                {"unit", "m3"},
                                {"calibrationDue", "next June"}}));
    QVERIFY2(session.errorMessage().contains(QStringLiteral("next June is not a date")),
             qPrintable(session.errorMessage()));
    // The plant's own validation names the meter and the unknown stream.
    QVERIFY(!session.saveMeter({{"id", "M1"}, {"stream", "S99"}, {"kind", "totalizer"}, {"unit", "m3"}}));
    QVERIFY2(session.errorMessage().contains(QStringLiteral("M1")) &&
                 session.errorMessage().contains(QStringLiteral("S99")),
             qPrintable(session.errorMessage()));
    QCOMPARE(session.meters()->total(), 0); // nothing was written
    QVERIFY(!session.replaceMeter(QStringLiteral("M9"), {{"id", "M10"}}));
    QCOMPARE(session.errorMessage(), QStringLiteral("There is no meter M9 to replace."));
    // S1 has a fixed measurement: a meter on it is refused by the plant's validation, with the reason.
    QVERIFY(!session.saveMeter({{"id", "M1"}, {"stream", "S1"}, {"kind", "totalizer"}, {"unit", "m3"}}));
    QVERIFY2(session.errorMessage().contains(QStringLiteral("has a measurement and a meter")),
             qPrintable(session.errorMessage()));
    QVERIFY2(session.saveMeter({{"id", "M1"}, {"stream", "S3"}, {"kind", "totalizer"}, {"unit", "m3"}}),
             qPrintable(session.errorMessage()));
    QVERIFY(session.errorMessage().isEmpty());
    QVERIFY(!session.replaceMeter(QStringLiteral("M1"), {{"id", "M1"}}));
    QCOMPARE(session.errorMessage(), QStringLiteral("There is already a meter M1."));
}

void TestProjectSession::importsABundleAsACopy() {
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("o.shuiheng"));
    {
        ProjectSession creator;
        QVERIFY(creator.create(original, QStringLiteral("Received"), {}, sampleCampaign));
    }
    const QString bundle = dir.filePath(QStringLiteral("bundle.shuiheng"));
    {
        shuiheng::store::ProjectStore store;
        QVERIFY(store.open(original.toStdString()).ok());
        QVERIFY(store.exportBundle(bundle.toStdString()).ok());
    }
    ProjectSession session;
    const QString target = dir.filePath(QStringLiteral("mine.shuiheng"));
    QVERIFY2(session.importBundle(bundle, target), qPrintable(session.errorMessage()));
    QCOMPARE(session.path(), target);
    QCOMPARE(session.name(), QStringLiteral("Received"));
    QCOMPARE(session.meters()->total(), 35);
    // Never over an existing file.
    ProjectSession again;
    QVERIFY(!again.importBundle(bundle, target));
    QVERIFY(!again.errorMessage().isEmpty());
}

void TestProjectSession::importsAPlantIntoTheOpenProject() {
    QTemporaryDir dir;
    ProjectSession session;
    QVERIFY(!session.importPlant(contractExample));
    QCOMPARE(session.errorMessage(), QStringLiteral("Open a project first."));
    QVERIFY(session.create(dir.filePath(QStringLiteral("i.shuiheng")), QStringLiteral("I"), {}, {}));
    QCOMPARE(session.stepStates().value(QStringLiteral("plant")).toString(), QStringLiteral("open"));
    QSignalSpy reloaded(&session, &ProjectSession::reloaded);
    QVERIFY2(session.importPlant(contractExample), qPrintable(session.errorMessage()));
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(session.plant()->streamModel()->count(), 4);
    QCOMPARE(session.stepStates().value(QStringLiteral("plant")).toString(), QStringLiteral("done"));
    QVERIFY(!session.importPlant(QStringLiteral(SHUIHENG_TEST_DATA_DIR "/invalid/negative-sigma.json")));
    QVERIFY2(session.errorMessage().contains(QStringLiteral("negative-sigma.json")),
             qPrintable(session.errorMessage()));
    QCOMPARE(session.plant()->streamModel()->count(), 4);
}

void TestProjectSession::settingsAreWrittenThrough() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(file);
        QCOMPARE(settings.theme(), QStringLiteral("light"));
        QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
        settings.setTheme(QStringLiteral("sunlight"));
        settings.setTheme(QStringLiteral("purple")); // unknown: ignored
        settings.setLanguage(QStringLiteral("en"));
        settings.setCurrentStep(5);
        settings.setCurrentStep(99); // clamped to the last page
        settings.setLastProject(QStringLiteral("/data/p.shuiheng"));
        for (int i = 0; i < 12; ++i)
            settings.noteRecent(QStringLiteral("/data/%1.shuiheng").arg(i));
        settings.noteRecent(QStringLiteral("/data/3.shuiheng"));
        settings.setScrollPosition(QStringLiteral("meters"), 420);
        // Read by another instance while this one still lives: nothing waits for a clean exit.
        AppSettings reader(file);
        QCOMPARE(reader.theme(), QStringLiteral("sunlight"));
        QCOMPARE(reader.language(), QStringLiteral("en"));
        QCOMPARE(reader.currentStep(), 7);
        QCOMPARE(reader.lastProject(), QStringLiteral("/data/p.shuiheng"));
        QCOMPARE(reader.recentProjects().size(), AppSettings::maxRecent);
        QCOMPARE(reader.recentProjects().first(), QStringLiteral("/data/3.shuiheng"));
        QCOMPARE(reader.recentProjects().at(1), QStringLiteral("/data/11.shuiheng"));
        QCOMPARE(reader.scrollPosition(QStringLiteral("meters")), 420.0);
        reader.forgetRecent(QStringLiteral("/data/3.shuiheng"));
        QCOMPARE(reader.recentProjects().size(), AppSettings::maxRecent - 1);
    }
}

void TestProjectSession::printsTheMeterLabelsInRouteOrder() {
    QTemporaryDir dir;
    ProjectSession session;
    const QString pdf = dir.filePath(QStringLiteral("labels.pdf"));
    QVERIFY(!session.exportMeterLabels(pdf, QStringLiteral("zh")));
    QCOMPARE(session.errorMessage(), QStringLiteral("Open a project first."));

    const QString path = dir.filePath(QStringLiteral("l.shuiheng"));
    QVERIFY(session.create(path, QStringLiteral("L"), {}, sampleCampaign));
    // The walk starts at M24: its label comes first.
    {
        shuiheng::store::ProjectStore store;
        QVERIFY(store.open(path.toStdString()).ok());
        auto campaigns = store.campaigns();
        QVERIFY(campaigns.ok() && !campaigns->empty());
        shuiheng::store::Campaign c = campaigns->back();
        c.route = {"M24", "M1"};
        QVERIFY(store.updateCampaign(c, {"测试员", "tst"}, "walk from the back").ok());
    }
    QVERIFY2(session.exportMeterLabels(QUrl::fromLocalFile(pdf).toString(), QStringLiteral("zh")),
             qPrintable(session.errorMessage()));

    // Qt PDF renders the first sheet; the first two labels' codes read back as M24's and M1's texts.
    QPdfDocument document;
    QCOMPARE(document.load(pdf), QPdfDocument::Error::None);
    QCOMPARE(document.pageCount(), 2); // 34 meters in service, 24 a sheet
    using G = shuiheng::report::LabelGeometry;
    constexpr double pxPerMm = 200 / 25.4;
    const QImage page = document.render(0, QSize(int(G::pageWidth * pxPerMm), int(G::pageHeight * pxPerMm)));
    auto label = [&](int slot) {
        return page.copy(int((G::left + slot * G::width) * pxPerMm), int(G::top * pxPerMm),
                         int(G::width * pxPerMm), int(G::height * pxPerMm));
    };
    QCOMPARE(shuiheng::qr::decodeQr(label(0)).value_or(QString()),
             QStringLiteral("SHUIHENG:METER:M24;SN=LXLC-25E-240877"));
    QCOMPARE(shuiheng::qr::decodeQr(label(1)).value_or(QString()),
             QStringLiteral("SHUIHENG:METER:M1;SN=LDG-65S-250137"));
}

void TestProjectSession::readsAQrCodeFromAPicture() {
    QTemporaryDir dir;
    QString error;
    // A picture like a camera's: the label small in a large grey frame, saved as JPEG.
    const QString jpeg = dir.filePath(QStringLiteral("still.jpg"));
    QVERIFY(shuiheng::test::QrPicture().write(jpeg, QStringLiteral("SHUIHENG:METER:M18;SN=LDG-40S-250655")));

    const QString expected = QStringLiteral("SHUIHENG:METER:M18;SN=LDG-40S-250655");
    QCOMPARE(shuiheng::qr::decodeQrFile(jpeg, error).value_or(QString()), expected);

    QVERIFY(!shuiheng::qr::decodeQrFile(dir.filePath(QStringLiteral("missing.jpg")), error));
    QVERIFY2(error.contains(QStringLiteral("missing.jpg")), qPrintable(error));
    QImage blank(640, 480, QImage::Format_RGB32);
    blank.fill(Qt::gray);
    QVERIFY(blank.save(dir.filePath(QStringLiteral("blank.png"))));
    QVERIFY(!shuiheng::qr::decodeQrFile(dir.filePath(QStringLiteral("blank.png")), error));
    QVERIFY2(error.contains(QStringLiteral("no QR code")), qPrintable(error));
}

// The label sheet needs fonts, so a QGuiApplication (offscreen in the tests).
QTEST_MAIN(TestProjectSession)
#include "tst_project_session.moc"
