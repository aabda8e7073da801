// Plausibility at entry (campaign/reading_checks.h): each warning with its reason, none for a
// reading that fits, and the expected range from a meter's history.

#include "campaign/reading_checks.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace shuiheng;
using namespace shuiheng::campaign;

namespace {

Meter totalizer(std::optional<double> rollover = std::nullopt) {
    Meter m;
    m.id = "M1";
    m.stream = "S1";
    m.kind = MeterKind::Totalizer;
    m.unit = "m3";
    m.mpe = 0.02;
    m.rollover = rollover;
    return m;
}

Meter flowrate(const std::string& unit = "m3/h") {
    Meter m = totalizer();
    m.kind = MeterKind::Flowrate;
    m.unit = unit;
    return m;
}

Reading reading(const std::string& time, double value, const std::string& meter = "M1") {
    Reading r;
    r.meter = meter;
    r.time = time;
    r.value = value;
    return r;
}

/// Two days of a totalizer at 10 m³/h, read at 08:00 (+08:00).
const std::vector<Reading> history{reading("2026-06-02T08:00:00+08:00", 1240),
                                   reading("2026-06-01T08:00:00+08:00", 1000)};

QStringList warnings(const std::vector<ReadingCheck>& checks) {
    QStringList names;
    for (const ReadingCheck& c : checks) {
        switch (c.warning) {
        case ReadingWarning::BelowPrevious:
            names << "below";
            break;
        case ReadingWarning::OutsideExpected:
            names << "outside";
            break;
        case ReadingWarning::TimeOutOfOrder:
            names << "order";
            break;
        case ReadingWarning::Duplicate:
            names << "duplicate";
            break;
        case ReadingWarning::NotFinite:
            names << "nan";
            break;
        }
    }
    return names;
}

QString messages(const std::vector<ReadingCheck>& checks) {
    QString text;
    for (const ReadingCheck& c : checks)
        text += "\n  " + QString::fromStdString(c.message);
    return text;
}

bool mentions(const std::vector<ReadingCheck>& checks, const QString& text) {
    return messages(checks).contains(text);
}

} // namespace

class TestReadingChecks : public QObject {
    Q_OBJECT

private slots:
    void plausibleReadingHasNoWarning() {
        const auto checks = checkReading(totalizer(), history, reading("2026-06-03T08:00:00+08:00", 1480),
                                         "m3/h", ExpectedRange{8, 12});
        QVERIFY2(checks.empty(), qPrintable(messages(checks)));
        QVERIFY(checkReading(totalizer(), {}, reading("2026-06-03T08:00:00+08:00", 0), "m3/h").empty());
    }

    void belowPrevious() {
        const auto plain =
            checkReading(totalizer(), history, reading("2026-06-03T08:00:00+08:00", 1200), "m3/h");
        QCOMPARE(warnings(plain), QStringList{"below"});
        QVERIFY2(mentions(plain,
                          "1200 at 2026-06-03T08:00:00+08:00 is lower than the previous reading 1240 at "
                          "2026-06-02T08:00:00+08:00: the meter has no rollover"),
                 qPrintable(messages(plain)));
        const auto wrapped =
            checkReading(totalizer(10000), history, reading("2026-06-03T08:00:00+08:00", 30), "m3/h");
        QCOMPARE(warnings(wrapped), QStringList{"below"});
        QVERIFY2(mentions(wrapped, "did the register pass its rollover at 10000"),
                 qPrintable(messages(wrapped)));
        // A flowrate meter may read less than before: no warning.
        QVERIFY(checkReading(flowrate(), {reading("2026-06-01T08:00:00+08:00", 5)},
                             reading("2026-06-01T09:00:00+08:00", 4), "m3/h")
                    .empty());
    }

    void timeOutOfOrder() {
        // Between the two readings and consistent with both: only the order is odd.
        const auto checks =
            checkReading(totalizer(), history, reading("2026-06-01T20:00:00+08:00", 1120), "m3/h");
        QCOMPARE(warnings(checks), QStringList{"order"});
        QVERIFY2(mentions(checks, "2026-06-01T20:00:00+08:00 is earlier than its latest reading (1240 at "
                                  "2026-06-02T08:00:00+08:00)"),
                 qPrintable(messages(checks)));
        // Entered late and higher than the next one: both said.
        const auto higher =
            checkReading(totalizer(), history, reading("2026-06-01T20:00:00+08:00", 1300), "m3/h");
        QCOMPARE(warnings(higher), (QStringList{"below", "order"}));
        QVERIFY2(mentions(higher, "is higher than the next reading 1240"), qPrintable(messages(higher)));
    }

    void duplicate() {
        // The same instant written with another offset.
        const auto same = checkReading(totalizer(), history, reading("2026-06-02T00:00:00Z", 1240), "m3/h");
        QCOMPARE(warnings(same), QStringList{"duplicate"});
        QVERIFY2(mentions(same,
                          "meter M1 already has a reading at 2026-06-02T08:00:00+08:00 (1240): the same "
                          "value, entered twice?"),
                 qPrintable(messages(same)));
        const auto other =
            checkReading(totalizer(), history, reading("2026-06-02T08:00:00+08:00", 1250), "m3/h");
        QVERIFY(warnings(other).contains("duplicate"));
        QVERIFY2(mentions(other, "this one says 1250: which holds?"), qPrintable(messages(other)));
    }

    void notFinite() {
        for (double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
            const auto checks =
                checkReading(totalizer(), history, reading("2026-06-03T08:00:00+08:00", bad), "m3/h");
            QCOMPARE(warnings(checks), QStringList{"nan"});
        }
    }

    void outsideExpected_data() {
        QTest::addColumn<bool>("isTotalizer");
        QTest::addColumn<QString>("plantUnit");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QString>("message"); // empty: no warning
        // Totalizer: 1240 → 1720 over 24 h is 20 m³/h.
        QTest::newRow("implied flow too high")
            << true << "m3/h" << 1720.0 << 8.0 << 12.0
            << "the implied flow over 24 h since 2026-06-02T08:00:00+08:00 is 20 m3/h, outside the expected "
               "8 to 12 m3/h";
        QTest::newRow("implied flow too low") << true << "m3/h" << 1250.0 << 8.0 << 12.0 << "is 0.4167 m3/h";
        QTest::newRow("in range") << true << "m3/h" << 1480.0 << 8.0 << 12.0 << "";
        QTest::newRow("in L/s") << true << "L/s" << 1720.0 << 5.0 << 5.5 << "is 5.556 L/s";
        QTest::newRow("flowrate in L/s, plant in m3/h")
            << false << "m3/h" << 2.0 << 8.0 << 12.0 << "the flow is 7.2 m3/h";
        QTest::newRow("flowrate in range") << false << "m3/h" << 3.0 << 8.0 << 12.0 << "";
    }
    void outsideExpected() {
        QFETCH(bool, isTotalizer);
        QFETCH(QString, plantUnit);
        QFETCH(double, value);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QString, message);
        const Meter meter = isTotalizer ? totalizer() : flowrate("L/s");
        const auto checks = checkReading(meter, isTotalizer ? history : std::vector<Reading>{},
                                         reading("2026-06-03T08:00:00+08:00", value), plantUnit.toStdString(),
                                         ExpectedRange{low, high});
        if (message.isEmpty()) {
            QVERIFY2(checks.empty(), qPrintable(messages(checks)));
            return;
        }
        QCOMPARE(warnings(checks), QStringList{"outside"});
        QVERIFY2(mentions(checks, message), qPrintable(messages(checks)));
    }

    void rolloverCountsInTheImpliedFlow() {
        // 99 990 → 230 through 100 000: 240 m³ over 24 h.
        const std::vector<Reading> h{reading("2026-06-01T08:00:00+08:00", 99990)};
        const auto inRange = checkReading(totalizer(100000), h, reading("2026-06-02T08:00:00+08:00", 230),
                                          "m3/h", ExpectedRange{9, 11});
        QCOMPARE(warnings(inRange), QStringList{"below"}); // the question is asked, the flow is plausible
    }

    void otherMetersAndBadHistoryIgnored() {
        std::vector<Reading> h = history;
        h.push_back(reading("2026-06-03T08:00:00+08:00", 99999, "M2"));
        h.push_back(reading("not a time", 5));
        h.push_back(reading("2026-06-02T20:00:00+08:00", std::nan("")));
        const auto checks = checkReading(totalizer(), h, reading("2026-06-03T08:00:00+08:00", 1480), "m3/h",
                                         ExpectedRange{8, 12});
        QVERIFY2(checks.empty(), qPrintable(messages(checks)));
    }

    void warningsInTheOrderOfTheEnum() {
        // Out of order, a duplicate of that time, lower than before it, outside the range.
        std::vector<Reading> h = history;
        h.push_back(reading("2026-06-01T20:00:00+08:00", 1120));
        const auto checks = checkReading(totalizer(), h, reading("2026-06-01T20:00:00+08:00", 900), "m3/h",
                                         ExpectedRange{8, 12});
        QCOMPARE(warnings(checks), (QStringList{"below", "order", "duplicate"}));
    }

    void unreadableCandidateTimeOnlyChecksTheValue() {
        QVERIFY(checkReading(totalizer(), history, reading("yesterday", 1), "m3/h").empty());
        QCOMPARE(warnings(checkReading(totalizer(), history, reading("yesterday", std::nan("")), "m3/h")),
                 QStringList{"nan"});
    }

    void expectedRangeFromHistory() {
        // Interval flows 10, 12, 11 m³/h: median 11.
        std::vector<Reading> h{
            reading("2026-06-01T08:00:00+08:00", 1000), reading("2026-06-02T08:00:00+08:00", 1240),
            reading("2026-06-03T08:00:00+08:00", 1528), reading("2026-06-04T08:00:00+08:00", 1792)};
        const auto range = campaign::expectedRangeFromHistory(totalizer(), h, "m3/h");
        QVERIFY(range);
        QCOMPARE(range->low, 5.5);
        QCOMPARE(range->high, 16.5);
        const auto narrow = campaign::expectedRangeFromHistory(totalizer(), h, "L/s", 0.2);
        QVERIFY(narrow);
        QVERIFY(std::abs(narrow->low - 11 / 3.6 * 0.8) < 1e-12);
        // A single interval is no history to judge by.
        h.resize(2);
        QVERIFY(!campaign::expectedRangeFromHistory(totalizer(), h, "m3/h"));
        // A flowrate meter: its readings.
        const std::vector<Reading> f{reading("2026-06-01T08:00:00+08:00", 2),
                                     reading("2026-06-01T09:00:00+08:00", 4)};
        const auto fr = campaign::expectedRangeFromHistory(flowrate(), f, "m3/h", 0.5);
        QVERIFY(fr);
        QCOMPARE(fr->low, 1.5);
        QCOMPARE(fr->high, 4.5);
    }
};

QTEST_GUILESS_MAIN(TestReadingChecks)
#include "tst_reading_checks.moc"
