// The reading rounds on real project files: the test-window plan (CampaignPlanner), the rounds'
// progress with late, skipped and missed readings, the reading entry (ReadingEntryController: bad
// input, warnings and reasons, edits keeping their history, skips, photos, find by id / serial / QR)
// and the history of a meter, a flow and an indicator (ReadingHistory).

#include "app_test_support.h"
#include "campaign_planner.h"
#include "project_session.h"
#include "reading_entry_controller.h"
#include "reading_history.h"
#include "record_list_model.h"
#include "round_progress.h"
#include "store/project_store.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Three meters: M1 and M2 totalizers (M1 rolls over at 10000), M3 a flowrate meter.
const QByteArray plantFile = R"({
  "format": "shuiheng-plant", "version": 1, "name": "rounds", "flowUnit": "m3/h",
  "nodes": [
    {"id": "W", "name": "自来水", "kind": "source"},
    {"id": "U1", "name": "循环冷却", "kind": "unit"},
    {"id": "D", "name": "污水管网", "kind": "discharge"},
    {"id": "E", "name": "蒸发", "kind": "consumption"}
  ],
  "streams": [
    {"id": "S1", "from": "W", "to": "U1"},
    {"id": "S2", "from": "U1", "to": "D"},
    {"id": "S3", "from": "U1", "to": "E"}
  ],
  "meters": [
    {"id": "M1", "stream": "S1", "kind": "totalizer", "unit": "m3", "mpe": 0.02, "rollover": 10000,
     "serial": "SN-0001", "qrText": "https:\/\/meters.example\/q\/AB12"},
    {"id": "M2", "stream": "S2", "kind": "totalizer", "unit": "m3", "mpe": 0.02, "serial": "SN-0002"},
    {"id": "M3", "stream": "S3", "kind": "flowrate", "unit": "m3/h", "mpe": 0.05}
  ]
})";

QString field(const RecordListModel* model, int row, const char* name) {
    return model->get(row).value(QLatin1String(name)).toString();
}

int changeCount(ProjectSession& session) {
    auto changes = session.store()->changes();
    return changes.ok() ? int(changes->size()) : -1;
}

} // namespace

class TestReadingRounds : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    /// A new project of the three-meter plant, planned 2020-06-01 to 06-03 at 08:00 and 20:00 (all
    /// rounds past), with the route M2, M1, M3.
    void plannedProject(ProjectSession& session) {
        const QString plant = writeFile(dir_, QStringLiteral("rounds-%1.json").arg(files_), plantFile);
        QVERIFY2(session.create(dir_.filePath(QStringLiteral("rounds-%1.shuiheng").arg(++files_)),
                                QStringLiteral("轮次"), {}, plant),
                 qPrintable(session.errorMessage()));
        CampaignPlanner planner;
        planner.setSession(&session);
        QVERIFY(!planner.hasCampaign());
        planner.setName(QStringLiteral("夏季测试"));
        planner.setFirstDay(QStringLiteral("2020-06-01"));
        planner.setLastDay(QStringLiteral("2020-06-03"));
        planner.setReadingTimes(QStringLiteral("20:00, 8:00"));
        QCOMPARE(planner.plannedRounds(), 6);
        planner.move(1, 0); // M1, M2, M3 → M2, M1, M3
        QVERIFY2(planner.save(), qPrintable(planner.message()));
        QCOMPARE(session.rounds()->count(), 6);
    }

    /// The reading times of the planned rounds.
    static QStringList roundTimes(ProjectSession& session) {
        QStringList times;
        for (int i = 0; i < session.rounds()->count(); ++i)
            times << field(session.rounds(), i, "time");
        return times;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void roundRules() {
        // Rounds 12 h apart: a reading belongs within 90 minutes; rounds 1 h apart: within 30.
        QCOMPARE(rounds::tolerance({0, 12 * 3600.0, 24 * 3600.0}), 90 * 60.0);
        QCOMPARE(rounds::tolerance({0, 3600.0}), 30 * 60.0);
        const double round = 1000000;
        const double tol = 90 * 60;
        QCOMPARE(rounds::markOf({round + 10 * 60}, round, tol, false, round + 1e6), rounds::Mark::OnTime);
        QCOMPARE(rounds::markOf({round + 31 * 60}, round, tol, false, round + 1e6), rounds::Mark::Late);
        QCOMPARE(rounds::markOf({round - 89 * 60}, round, tol, false, round + 1e6), rounds::Mark::OnTime);
        QCOMPARE(rounds::markOf({round + 91 * 60}, round, tol, false, round + 1e6), rounds::Mark::Missed);
        QCOMPARE(rounds::markOf({}, round, tol, true, round + 1e6), rounds::Mark::Skipped);
        QCOMPARE(rounds::markOf({}, round, tol, false, round), rounds::Mark::Pending);
        // The nearest reading within the tolerance is the round's.
        QCOMPARE(rounds::readingInRound({round - 80 * 60, round + 5 * 60}, round, tol),
                 std::optional<std::size_t>(1));
    }

    void planIsSavedWithItsRoute() {
        ProjectSession session;
        plannedProject(session);
        auto campaigns = session.store()->campaigns();
        QVERIFY(campaigns.ok() && !campaigns->empty());
        QCOMPARE(campaigns->back().route, (std::vector<std::string>{"M2", "M1", "M3"}));
        QCOMPARE(campaigns->back().roundTimes, (std::vector<std::string>{"08:00", "20:00"}));

        CampaignPlanner planner;
        QAbstractItemModelTester tester(planner.route(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        planner.setSession(&session);
        QVERIFY(planner.hasCampaign());
        QCOMPARE(planner.firstDay(), QStringLiteral("2020-06-01"));
        QCOMPARE(planner.lastDay(), QStringLiteral("2020-06-03"));
        QCOMPARE(planner.readingTimes(), QStringLiteral("08:00, 20:00"));
        QCOMPARE(field(planner.route(), 0, "meterId"), QStringLiteral("M2"));
        QCOMPARE(field(planner.route(), 0, "location"), QStringLiteral("S2 · 循环冷却 → 污水管网"));

        // Bad plans are refused with a message naming what is wrong; nothing is written.
        const int before = changeCount(session);
        planner.setFirstDay(QStringLiteral("June"));
        QVERIFY(!planner.save());
        QVERIFY2(planner.message().contains(QStringLiteral("June")), qPrintable(planner.message()));
        planner.setFirstDay(QStringLiteral("2020-06-04"));
        QVERIFY(!planner.save());
        QVERIFY2(planner.message().contains(QStringLiteral("before")), qPrintable(planner.message()));
        planner.setFirstDay(QStringLiteral("2020-06-01"));
        planner.setReadingTimes(QStringLiteral("08:00, 25:00"));
        QVERIFY(!planner.save());
        QVERIFY2(planner.message().contains(QStringLiteral("25:00")), qPrintable(planner.message()));
        planner.setReadingTimes(QString());
        QVERIFY(!planner.save());
        QCOMPARE(planner.plannedRounds(), 0);
        planner.move(-1, 7); // out of range: nothing
        QCOMPARE(changeCount(session), before);
        planner.revert();
        QVERIFY(!planner.modified());
        QCOMPARE(planner.readingTimes(), QStringLiteral("08:00, 20:00"));
    }

    void entryRefusesBadInputClearly() {
        ProjectSession session;
        plannedProject(session);
        ReadingEntryController entry;
        QAbstractItemModelTester tester(entry.cards(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        entry.setSession(&session);
        const QStringList times = roundTimes(session);
        entry.setRound(times.first());
        QCOMPARE(entry.count(), 3);
        QCOMPARE(field(entry.cards(), 0, "meterId"), QStringLiteral("M2")); // route order
        QCOMPARE(field(entry.cards(), 2, "meterId"), QStringLiteral("M3"));
        QCOMPARE(field(entry.cards(), 0, "state"), QStringLiteral("missed")); // the round is past

        const int before = changeCount(session);
        const struct {
            const char* typed;
            const char* says;
        } bad[] = {{"", "Type the reading"}, {"   ", "Type the reading"}, {"12a", "not a number"},
                   {"1,5", "not a number"},  {"-5", "below zero"},        {"1e13", "too large"},
                   {"inf", "not a number"},  {"nan", "not a number"}};
        for (const auto& b : bad) {
            QVERIFY2(!entry.save(QString::fromUtf8(b.typed)), b.typed);
            QVERIFY(entry.messageIsError());
            QVERIFY2(entry.message().contains(QLatin1String(b.says)), qPrintable(entry.message()));
            QVERIFY2(entry.message().contains(QStringLiteral("M2")), qPrintable(entry.message()));
        }
        QVERIFY(!entry.skip(QString()));
        QVERIFY(entry.message().contains(QStringLiteral("why")));
        QVERIFY(!entry.save(QStringLiteral("5"), {}, dir_.filePath(QStringLiteral("no-such-photo.jpg"))));
        QVERIFY2(entry.message().contains(QStringLiteral("no-such-photo.jpg")), qPrintable(entry.message()));
        QCOMPARE(changeCount(session), before); // nothing was written

        // Finding meters: id, serial, QR payload; nothing, several, or an empty text.
        QVERIFY(entry.find(QStringLiteral("https://meters.example/q/AB12")));
        QCOMPARE(entry.current().value(QStringLiteral("meterId")).toString(), QStringLiteral("M1"));
        QVERIFY(entry.find(QStringLiteral("sn-0002")));
        QCOMPARE(entry.currentIndex(), 0);
        QVERIFY(entry.find(QStringLiteral("m3")));
        QCOMPARE(entry.currentIndex(), 2);
        QVERIFY(!entry.find(QStringLiteral("https://other.example/x")));
        QVERIFY(entry.message().contains(QStringLiteral("https://other.example/x")));
        QVERIFY(!entry.find(QStringLiteral("SN-000")));
        QVERIFY2(entry.message().contains(QStringLiteral("2 meter")), qPrintable(entry.message()));
        QVERIFY(!entry.find(QString()));
        QCOMPARE(entry.currentIndex(), 2);

        // Without a project: messages, no crash.
        ReadingEntryController alone;
        QVERIFY(!alone.save(QStringLiteral("5")));
        QVERIFY(!alone.skip(QStringLiteral("x")));
        QVERIFY(!alone.find(QStringLiteral("M1")));
        QVERIFY(!alone.message().isEmpty());
        alone.next();
        alone.previous();
        QCOMPARE(alone.count(), 0);
    }

    void entrySavesWarnsEditsAndSkips() {
        ProjectSession session;
        plannedProject(session);
        const QStringList times = roundTimes(session);
        ReadingEntryController entry;
        entry.setSession(&session);
        QSignalSpy saved(&entry, &ReadingEntryController::saved);
        auto readingsOf = [&](const char* meter) {
            shuiheng::store::ReadingFilter filter;
            filter.meter = meter;
            auto list = session.store()->readings(filter);
            return list.ok() ? *list : std::vector<shuiheng::store::StoredReading>{};
        };

        // Round 1 (2020-06-01 08:00), all past: readings are dated at the round's time.
        entry.setRound(times[0]);
        QVERIFY(entry.find(QStringLiteral("M1")));
        const QString photo =
            writeFile(dir_, QStringLiteral("register.jpg"), QByteArray("\xFF\xD8 not really a jpeg"));
        QVERIFY2(entry.save(QStringLiteral("9980"), {}, photo), qPrintable(entry.message()));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(entry.current().value(QStringLiteral("meterId")).toString(),
                 QStringLiteral("M3")); // next to read
        auto m1 = readingsOf("M1");
        QCOMPARE(m1.size(), std::size_t(1));
        QCOMPARE(m1[0].reading.value, 9980.0);
        QCOMPARE(QString::fromStdString(m1[0].reading.time), times[0]);
        QCOMPARE(m1[0].campaign, session.campaignId());
        QCOMPARE(m1[0].reading.photo,
                 QCryptographicHash::hash("\xFF\xD8 not really a jpeg", QCryptographicHash::Sha256)
                     .toHex()
                     .toStdString());
        QVERIFY(entry.save(QStringLiteral("10.5")));                  // M3
        QVERIFY(entry.skip(QStringLiteral("井盖锁着 (pit locked)"))); // M2
        QCOMPARE(entry.doneCount(), 3);
        QCOMPARE(session.rounds()->get(0).value(QStringLiteral("metersRead")).toInt(), 2);
        QCOMPARE(session.rounds()->get(0).value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(session.rounds()->get(0).value(QStringLiteral("missed")).toInt(), 0);
        QCOMPARE(session.rounds()->get(1).value(QStringLiteral("missed")).toInt(), 3);

        // Round 2, 45 minutes late for M1: read, but late. The register passed 10000: lower than the
        // last one, a warning that needs a reason.
        entry.setRound(times[1]);
        QVERIFY(entry.find(QStringLiteral("M1")));
        QCOMPARE(entry.current().value(QStringLiteral("lastValue")).toDouble(), 9980.0);
        const QString late =
            QDateTime::fromString(times[1], Qt::ISODate).addSecs(45 * 60).toString(Qt::ISODate);
        entry.setReadingTime(late);
        QVERIFY(entry.check(QStringLiteral("100")));
        QCOMPARE(entry.warnings().size(), 1);
        QVERIFY2(entry.warnings().first().contains(QStringLiteral("rollover")),
                 qPrintable(entry.warnings().first()));
        QVERIFY(!entry.save(QStringLiteral("100")));
        QVERIFY(entry.message().contains(QStringLiteral("reason")));
        QVERIFY(entry.save(QStringLiteral("100"), QStringLiteral("register rolled over")));
        QCOMPARE(session.rounds()->get(1).value(QStringLiteral("late")).toInt(), 1);
        auto warnings = session.store()->warnings(readingsOf("M1").back().id);
        QVERIFY(warnings.ok() && warnings->size() == 1);
        QCOMPARE(warnings->front().kind, std::string("below-previous"));
        QCOMPARE(warnings->front().reason, std::string("register rolled over"));

        // Saving M1 again in round 2 edits that reading: a reason is required; the first value stays
        // in its history.
        QVERIFY(entry.find(QStringLiteral("M1")));
        QVERIFY(!entry.save(QStringLiteral("120")));
        QVERIFY(entry.message().contains(QStringLiteral("already")));
        QVERIFY(entry.save(QStringLiteral("120"), QStringLiteral("digits misread")));
        m1 = readingsOf("M1");
        QCOMPARE(m1.size(), std::size_t(2));
        QCOMPARE(m1.back().reading.value, 120.0);
        QCOMPARE(m1.back().version, 2);

        // The history of M1: both readings, the edit with who, why, old → new, and the warning.
        ReadingHistory history;
        QAbstractItemModelTester tester(history.rows(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setSession(&session);
        QVERIFY2(history.load(QStringLiteral("meter"), QStringLiteral("M1")), qPrintable(history.message()));
        QCOMPARE(history.readingCount(), 2);
        QCOMPARE(history.changeCount(), 1);
        int change = -1;
        for (int i = 0; i < history.rows()->count(); ++i)
            if (field(history.rows(), i, "type") == QLatin1String("change"))
                change = i;
        QVERIFY(change >= 0);
        QCOMPARE(field(history.rows(), change, "field"), QStringLiteral("value"));
        QCOMPARE(field(history.rows(), change, "oldValue"), QStringLiteral("100"));
        QCOMPARE(field(history.rows(), change, "newValue"), QStringLiteral("120"));
        QCOMPARE(field(history.rows(), change, "why"), QStringLiteral("digits misread"));
        QVERIFY(!field(history.rows(), change, "who").isEmpty());
        QVERIFY(!field(history.rows(), change, "at").isEmpty());

        // The flow S1 comes from M1's two readings (one interval, rolled over); the intake indicator
        // from S1 alone.
        QVERIFY2(history.load(QStringLiteral("stream"), QStringLiteral("S1")), qPrintable(history.message()));
        QCOMPARE(history.readingCount(), 2);
        QVERIFY(history.title().contains(QStringLiteral("自来水")));
        QVERIFY2(history.load(QStringLiteral("indicator"), QStringLiteral("intake")),
                 qPrintable(history.message()));
        QCOMPARE(history.readingCount(), 2);
        QCOMPARE(field(history.rows(), 0, "meter"), QStringLiteral("M1"));
        // M3 has one reading: a flowrate reading is a sample of its own.
        QVERIFY(history.load(QStringLiteral("stream"), QStringLiteral("S3")));
        QCOMPARE(history.readingCount(), 1);
        // Unknown things: a message, no rows.
        QVERIFY(!history.load(QStringLiteral("stream"), QStringLiteral("S99")));
        QVERIFY(history.message().contains(QStringLiteral("S99")));
        QCOMPARE(history.rows()->count(), 0);
        QVERIFY(!history.load(QStringLiteral("stream"), QStringLiteral("S2"))); // skipped, never read
        QVERIFY(!history.load(QStringLiteral("indicator"), QStringLiteral("noSuchIndicator")));
        QVERIFY(!history.load(QStringLiteral("meter"), QStringLiteral("M9")));
        QVERIFY(!history.load(QStringLiteral("pump"), QStringLiteral("P1")));
        QVERIFY(!history.load(QStringLiteral("meter"), QString()));
    }

    /// The expected register range: the last reading plus the median flow × (1 ∓ 0.5) × the hours.
    void expectedRangeOnTheCard() {
        ProjectSession session;
        plannedProject(session);
        const QStringList times = roundTimes(session);
        ReadingEntryController entry;
        entry.setSession(&session);
        // M2 at 10, then 11, then 10 m3/h over three 12-hour rounds: median flow 10 m3/h (the
        // flows are 10, 11 and 10: median 10).
        const double values[] = {1000, 1120, 1252, 1372};
        for (int i = 0; i < 4; ++i) {
            entry.setRound(times[i]);
            QVERIFY(entry.find(QStringLiteral("M2")));
            QVERIFY2(entry.save(QString::number(values[i]), QStringLiteral("test")),
                     qPrintable(entry.message()));
        }
        entry.setRound(times[4]);
        QVERIFY(entry.find(QStringLiteral("M2")));
        // 1372 + 12 h × [5, 15] m3/h = 1432 – 1552 m3.
        QCOMPARE(entry.current().value(QStringLiteral("expected")).toString(),
                 QStringLiteral("1432 – 1552 m3"));
        QCOMPARE(entry.current().value(QStringLiteral("lastValue")).toDouble(), 1372.0);
        QVERIFY(entry.check(QStringLiteral("1500")));
        QVERIFY(entry.warnings().isEmpty());
        QVERIFY(entry.check(QStringLiteral("1900"))); // 44 m3/h: outside
        QCOMPARE(entry.warnings().size(), 1);
    }
};

QTEST_MAIN(TestReadingRounds)
#include "tst_reading_rounds.moc"
