// Readings → flows (campaign/flows.h): hand-computed cases, traceability, grades, and random
// campaigns against a plain re-computation written here, independent of the code under test.

#include "campaign/flows.h"
#include "model/units.h"
#include "test_support.h"
#include "validation/validate_plant.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace shuiheng;
using namespace shuiheng::campaign;
using shuiheng::test::listing;

namespace {

const double sqrt3 = std::sqrt(3.0);

/// W → U → D: S1 the intake, S2 the discharge; meters go on either.
Plant basePlant(const std::string& flowUnit = "m3/h") {
    Plant p;
    p.name = "测试厂";
    p.flowUnit = flowUnit;
    p.nodes = {{"W", "", NodeKind::Source, "", std::nullopt, "", {}},
               {"U", "", NodeKind::Unit, "", std::nullopt, "process", {}},
               {"D", "", NodeKind::Discharge, "", std::nullopt, "", {}}};
    p.streams = {{"S1", "W", "U", std::nullopt, std::nullopt, {}},
                 {"S2", "U", "D", std::nullopt, std::nullopt, {}}};
    return p;
}

Meter totalizer(const std::string& id, const std::string& stream, const std::string& unit = "m3",
                double mpe = 0.02, std::optional<double> rollover = std::nullopt, double factor = 1) {
    Meter m;
    m.id = id;
    m.stream = stream;
    m.kind = MeterKind::Totalizer;
    m.unit = unit;
    m.mpe = mpe;
    m.rollover = rollover;
    m.factor = factor;
    return m;
}

Meter flowrate(const std::string& id, const std::string& stream, const std::string& unit = "m3/h",
               double mpe = 0.05) {
    Meter m = totalizer(id, stream, unit, mpe);
    m.kind = MeterKind::Flowrate;
    return m;
}

Reading reading(const std::string& meter, const std::string& time, double value) {
    Reading r;
    r.meter = meter;
    r.time = time;
    r.value = value;
    return r;
}

/// A photo hash that passes validation.
const std::string photo(64, 'a');

const DerivedFlow* flowOf(const FlowDerivation& d, const std::string& stream) {
    for (const DerivedFlow& f : d.flows)
        if (f.stream == stream)
            return &f;
    return nullptr;
}

int count(const Diagnostics& diagnostics, Severity severity, const QString& message) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.severity == severity && QString::fromStdString(d.message).contains(message);
    }));
}

bool near(double a, double b, double tolerance = 1e-9) {
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

#define QNEAR(a, b)                                                                                          \
    QVERIFY2(near((a), (b)),                                                                                 \
             qPrintable(QString("%1 = %2, expected %3").arg(#a).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)))

QString grades(const DerivedFlow& f) {
    QString text = QString::fromUtf8(toString(f.grade).data()) + ":";
    for (const std::string& r : f.gradeReasons)
        text += " [" + QString::fromStdString(r) + "]";
    return text;
}

// ---- the independent re-computation of the property test ----

struct TrueReading {
    std::size_t index; ///< into Plant::readings
    qint64 seconds;    ///< since the epoch, as generated (no parsing)
};

double m3PerVolume(const std::string& unit) {
    static const std::map<std::string, double> table{{"m3", 1}, {"L", 0.001}, {"t", 1}, {"kL", 1}};
    return table.at(unit);
}

double m3hPerFlow(const std::string& unit) {
    static const std::map<std::string, double> table{{"m3/h", 1},     {"m3/d", 1.0 / 24}, {"L/s", 3.6},
                                                     {"L/min", 0.06}, {"t/h", 1},         {"L/h", 0.001},
                                                     {"m3/min", 60.0}};
    return table.at(unit);
}

struct Expected {
    int n = 0;
    double value = 0, uA = 0, uB = 0, sigma = 0;
    std::vector<std::string> meters;
};

/// What the contract says, computed the plain way from the generated times.
Expected recompute(const Plant& p, const std::map<std::string, std::vector<TrueReading>>& byMeter,
                   const std::vector<std::string>& metersInOrder, const std::string& plantUnit) {
    std::vector<double> flows;
    double mpeWeighted = 0;
    Expected e;
    for (const std::string& id : metersInOrder) {
        const Meter& m =
            *std::find_if(p.meters.begin(), p.meters.end(), [&](const Meter& x) { return x.id == id; });
        std::vector<TrueReading> rs = byMeter.at(id);
        std::sort(rs.begin(), rs.end(),
                  [](const TrueReading& a, const TrueReading& b) { return a.seconds < b.seconds; });
        std::vector<double> mine;
        if (m.kind == MeterKind::Flowrate) {
            for (const TrueReading& r : rs)
                mine.push_back(p.readings[r.index].value * m3hPerFlow(m.unit) / m3hPerFlow(plantUnit));
        } else {
            for (std::size_t k = 1; k < rs.size(); ++k) {
                double diff = p.readings[rs[k].index].value - p.readings[rs[k - 1].index].value;
                if (diff < 0)
                    diff += *m.rollover;
                const double hours = static_cast<double>(rs[k].seconds - rs[k - 1].seconds) / 3600.0;
                mine.push_back(diff * m.factor * m3PerVolume(m.unit) / hours / m3hPerFlow(plantUnit));
            }
        }
        if (mine.empty())
            continue;
        e.meters.push_back(id);
        mpeWeighted += m.mpe * static_cast<double>(mine.size());
        flows.insert(flows.end(), mine.begin(), mine.end());
    }
    e.n = static_cast<int>(flows.size());
    if (e.n == 0)
        return e;
    for (double f : flows)
        e.value += f;
    e.value /= e.n;
    if (e.n > 1) {
        double ss = 0;
        for (double f : flows)
            ss += (f - e.value) * (f - e.value);
        e.uA = std::sqrt(ss / (e.n - 1)) / std::sqrt(double(e.n));
    }
    e.uB = mpeWeighted / e.n * std::abs(e.value) / sqrt3;
    e.sigma = std::sqrt(e.uA * e.uA + e.uB * e.uB);
    return e;
}

QString isoTime(qint64 seconds, int offsetSeconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, offsetSeconds).toString(Qt::ISODate);
}

struct RandomCampaign {
    Plant plant;
    std::map<std::string, std::vector<TrueReading>> byMeter;
    std::map<std::string, std::vector<std::string>> metersOfStream; ///< in time order
};

/// A plant with a chain of units and 1–3 meters (replacements) on each of `streams` streams,
/// readings in random order with random offsets, intervals, units, factors and rollovers.
RandomCampaign randomCampaign(QRandomGenerator& random, int streams) {
    RandomCampaign c;
    Plant& p = c.plant;
    p.name = "random";
    p.flowUnit = "m3/h";
    p.nodes.push_back({"W", "", NodeKind::Source, "", std::nullopt, "", {}});
    p.nodes.push_back({"D", "", NodeKind::Discharge, "", std::nullopt, "", {}});
    for (int s = 0; s < streams; ++s) {
        const std::string unit = "U" + std::to_string(s);
        p.nodes.push_back({unit, "", NodeKind::Unit, "", std::nullopt, "", {}});
        const std::string from = s == 0 ? "W" : "U" + std::to_string(s - 1);
        p.streams.push_back({"S" + std::to_string(s), from, unit, std::nullopt, std::nullopt, {}});
    }
    p.streams.push_back({"Sout", "U" + std::to_string(streams - 1), "D", std::nullopt, std::nullopt, {}});
    const std::vector<std::string> volumeUnits{"m3", "L", "t", "kL"};
    const std::vector<std::string> flowUnits{"m3/h", "m3/d", "L/s", "L/min", "t/h"};
    const int offsets[] = {8 * 3600, 0, -5 * 3600, 5 * 3600 + 1800};
    const qint64 start = 1780272000; // 2026-06-01T00:00:00Z
    int meterCount = 0;
    for (int s = 0; s < streams; ++s) {
        const std::string stream = "S" + std::to_string(s);
        const double trueFlow = 0.5 + random.generateDouble() * 500; // m³/h
        qint64 t = start + random.bounded(86400);
        const int meters = 1 + random.bounded(3);
        for (int k = 0; k < meters; ++k) {
            Meter m;
            m.id = "M" + std::to_string(meterCount++);
            m.stream = stream;
            m.kind = random.bounded(4) == 0 ? MeterKind::Flowrate : MeterKind::Totalizer;
            m.mpe = 0.005 * (1 + random.bounded(10));
            if (m.kind == MeterKind::Totalizer) {
                m.unit = volumeUnits[random.bounded(int(volumeUnits.size()))];
                m.factor = random.bounded(3) == 0 ? std::pow(10.0, random.bounded(3)) : 1;
            } else {
                m.unit = flowUnits[random.bounded(int(flowUnits.size()))];
            }
            const int readings = 1 + random.bounded(8);
            const qint64 installed = t;
            double registerValue = 0;
            if (m.kind == MeterKind::Totalizer) {
                // Register counts per 24 h, so the rollover (if any) is passed at most once an interval.
                const double perDay = trueFlow * 24 * 1.5 / (m3PerVolume(m.unit) * m.factor);
                if (random.bounded(2))
                    m.rollover = std::pow(10.0, std::ceil(std::log10(perDay * 1.2)) + random.bounded(2));
                registerValue = m.rollover ? random.generateDouble() * *m.rollover : random.bounded(100000);
            }
            for (int r = 0; r < readings; ++r) {
                if (r > 0)
                    t += 600 + random.bounded(86400 - 600); // 10 min to a day
                const double value =
                    m.kind == MeterKind::Totalizer
                        ? 0 // set below, once the times are known
                        : trueFlow * (0.8 + 0.4 * random.generateDouble()) / m3hPerFlow(m.unit);
                p.readings.push_back(
                    reading(m.id, isoTime(t, offsets[random.bounded(4)]).toStdString(), value));
                c.byMeter[m.id].push_back({p.readings.size() - 1, t});
            }
            // Totalizer registers, now that the times are known.
            if (m.kind == MeterKind::Totalizer) {
                auto& list = c.byMeter[m.id];
                p.readings[list[0].index].value = registerValue;
                for (std::size_t r = 1; r < list.size(); ++r) {
                    const double hours = static_cast<double>(list[r].seconds - list[r - 1].seconds) / 3600.0;
                    const double flow = trueFlow * (0.8 + 0.4 * random.generateDouble());
                    registerValue += flow * hours / (m3PerVolume(m.unit) * m.factor);
                    if (m.rollover && registerValue >= *m.rollover)
                        registerValue -= *m.rollover;
                    p.readings[list[r].index].value = registerValue;
                }
            }
            if (random.bounded(2)) {
                m.installed = isoTime(installed, offsets[random.bounded(4)]).toStdString();
                m.removed = isoTime(t + random.bounded(3600), offsets[random.bounded(4)]).toStdString();
            }
            t += 1 + random.bounded(7200); // the next meter goes in after this one came out
            c.metersOfStream[stream].push_back(m.id);
            p.meters.push_back(m);
        }
    }
    // The file lists readings and meters in any order: shuffle both, keeping the side tables right.
    std::vector<std::size_t> order(p.readings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), random);
    std::vector<Reading> shuffled(p.readings.size());
    std::vector<std::size_t> newIndex(p.readings.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        shuffled[i] = p.readings[order[i]];
        newIndex[order[i]] = i;
    }
    p.readings = std::move(shuffled);
    for (auto& [meter, list] : c.byMeter)
        for (TrueReading& r : list)
            r.index = newIndex[r.index];
    std::reverse(p.meters.begin(), p.meters.end());
    return c;
}

} // namespace

class TestFlows : public QObject {
    Q_OBJECT

private slots:
    void twoReadings() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 100),
                      reading("M1", "2026-06-02T08:00:00+08:00", 340)};
        QVERIFY2(!hasErrors(validatePlant(p)), listing(validatePlant(p)));
        const FlowDerivation d = deriveFlows(p);
        QCOMPARE(d.flows.size(), std::size_t(1));
        const DerivedFlow& f = d.flows[0];
        QCOMPARE(f.stream, std::string("S1"));
        QCOMPARE(f.meter, std::string("M1"));
        QCOMPARE(f.n, 1);
        QNEAR(f.value, 10.0); // 240 m³ over 24 h
        QCOMPARE(f.uA, 0.0);
        QNEAR(f.uB, 0.02 * 10 / sqrt3);
        QNEAR(f.sigma, f.uB);
        QNEAR(f.mpe, 0.02);
        QVERIFY2(d.diagnostics.empty(), listing(d.diagnostics));
    }

    void threeReadingsMeanAndUA() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 1000),
                      reading("M1", "2026-06-02T08:00:00+08:00", 1240),  // 10 m³/h over 24 h
                      reading("M1", "2026-06-02T20:00:00+08:00", 1384)}; // 12 m³/h over 12 h
        const FlowDerivation derived = deriveFlows(p);
        const DerivedFlow& f = derived.flows.at(0);
        QCOMPARE(f.n, 2);
        QNEAR(f.value, 11.0); // the mean of the interval flows, not volume over time (11.33)
        QNEAR(f.uA, 1.0);     // s = √2, over √2
        QNEAR(f.uB, 0.02 * 11 / sqrt3);
        QNEAR(f.sigma, std::sqrt(1 + std::pow(0.22 / sqrt3, 2)));
    }

    void rollover() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1", "m3", 0.02, 100000)};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 99873.5),
                      reading("M1", "2026-06-02T08:00:00+08:00", 130.2)};
        const FlowDerivation d = deriveFlows(p);
        const DerivedFlow& f = d.flows.at(0);
        QNEAR(f.value, (130.2 + 100000 - 99873.5) / 24); // 256.7 m³ over 24 h
        QVERIFY(f.samples.at(0).rolledOver);
        QVERIFY2(d.diagnostics.empty(), listing(d.diagnostics));
    }

    void lowerWithoutRolloverIsLeftOut() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 100),
                      reading("M1", "2026-06-02T08:00:00+08:00", 90),
                      reading("M1", "2026-06-03T08:00:00+08:00", 330)};
        const FlowDerivation d = deriveFlows(p);
        QCOMPARE(count(d.diagnostics, Severity::Error,
                       "is lower than 100 at 2026-06-01T08:00:00+08:00 and the "
                       "meter has no rollover: the interval is left out"),
                 1);
        QCOMPARE(d.diagnostics.at(0).location, std::string("readings[1]"));
        const DerivedFlow& f = d.flows.at(0);
        QCOMPARE(f.n, 1); // the next interval starts from the lower reading
        QNEAR(f.value, 10.0);
        QCOMPARE(f.samples[0].firstReading, std::size_t(1));
        QVERIFY2(grades(f).contains("1 reading or interval left out"), qPrintable(grades(f)));

        // Alone, the refused interval leaves the stream unmeasured, and says so.
        p.readings.pop_back();
        const FlowDerivation alone = deriveFlows(p);
        QVERIFY(alone.flows.empty());
        QCOMPARE(count(alone.diagnostics, Severity::Warning, "it stays unmeasured"), 1);
    }

    void replacement() {
        Plant p = basePlant();
        Meter old = totalizer("M1", "S1", "m3", 0.02);
        old.removed = "2026-06-02T14:00:00+08:00";
        Meter replacement = totalizer("M2", "S1", "m3", 0.01);
        replacement.installed = "2026-06-02T15:00:00+08:00";
        p.meters = {replacement, old};                                 // file order is not time order
        p.readings = {reading("M2", "2026-06-04T08:00:00+08:00", 516), // 13 m³/h over 24 h
                      reading("M1", "2026-06-02T08:00:00+08:00", 240), // 10 m³/h over 24 h
                      reading("M2", "2026-06-02T15:00:00+08:00", 0),
                      reading("M1", "2026-06-01T08:00:00+08:00", 0),
                      reading("M2", "2026-06-03T08:00:00+08:00", 204),  // 12 m³/h over 17 h
                      reading("M1", "2026-06-02T14:00:00+08:00", 306)}; // 11 m³/h over 6 h
        QVERIFY2(!hasErrors(validatePlant(p)), listing(validatePlant(p)));
        const FlowDerivation d = deriveFlows(p);
        QVERIFY2(d.diagnostics.empty(), listing(d.diagnostics)); // 306 → 0 is no interval
        const DerivedFlow& f = d.flows.at(0);
        QCOMPARE(f.n, 4);
        QCOMPARE(f.meter, std::string("M2"));
        QVERIFY(f.meters == (std::vector<std::string>{"M1", "M2"}));
        QNEAR(f.value, 11.5);
        QNEAR(f.uA, std::sqrt(5.0 / 3) / 2);
        QNEAR(f.mpe, (2 * 0.02 + 2 * 0.01) / 4); // sample-count-weighted
        QNEAR(f.uB, 0.015 * 11.5 / sqrt3);
        const std::vector<double> flows{10, 11, 12, 13};
        const std::vector<double> hours{24, 6, 17, 24};
        const std::vector<std::pair<std::size_t, std::size_t>> readings{{3, 1}, {1, 5}, {2, 4}, {4, 0}};
        for (std::size_t k = 0; k < 4; ++k) {
            QNEAR(f.samples[k].flow, flows[k]);
            QNEAR(f.samples[k].hours, hours[k]);
            QCOMPARE(f.samples[k].firstReading, readings[k].first);
            QCOMPARE(f.samples[k].lastReading, readings[k].second);
            QCOMPARE(p.meters[f.samples[k].meter].id, std::string(k < 2 ? "M1" : "M2"));
        }
    }

    void readingOutsideTheWindowIsLeftOut() {
        Plant p = basePlant();
        Meter m = totalizer("M1", "S1");
        m.installed = "2026-06-01T08:00:00+08:00";
        m.removed = "2026-06-03T08:00:00+08:00";
        p.meters = {m};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 0),
                      reading("M1", "2026-06-02T08:00:00+08:00", 240),
                      reading("M1", "2026-06-03T08:00:00+08:00", 480),
                      reading("M1", "2026-06-04T08:00:00+08:00", 5)}; // the meter was gone: not its register
        const Diagnostics v = validatePlant(p);
        QVERIFY2(!hasErrors(v), listing(v));
        QCOMPARE(count(v, Severity::Warning, "is after the meter was removed"), 1);
        const FlowDerivation d = deriveFlows(p);
        QCOMPARE(count(d.diagnostics, Severity::Warning, "is after the meter was removed"), 1);
        QCOMPARE(d.flows.at(0).n, 2);
        QNEAR(d.flows.at(0).value, 10.0);
    }

    void unitConversion_data() {
        QTest::addColumn<QString>("plantUnit");
        QTest::addColumn<double>("expected");
        // 86 400 L over 24 h = 1 L/s = 3.6 m³/h = 86.4 m³/d
        QTest::newRow("m3/h") << "m3/h" << 3.6;
        QTest::newRow("L/s") << "L/s" << 1.0;
        QTest::newRow("m3/d") << "m3/d" << 86.4;
        QTest::newRow("t/h") << "t/h" << 3.6;
        QTest::newRow("L/min") << "L/min" << 60.0;
    }
    void unitConversion() {
        QFETCH(QString, plantUnit);
        QFETCH(double, expected);
        Plant p = basePlant(plantUnit.toStdString());
        p.meters = {totalizer("M1", "S1", "L", 0.01), flowrate("M2", "S2", "L/s", 0.03)};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 1000),
                      reading("M1", "2026-06-02T08:00:00+08:00", 87400),
                      reading("M2", "2026-06-01T09:00:00+08:00", 1)};
        const FlowDerivation d = deriveFlows(p);
        QNEAR(flowOf(d, "S1")->value, expected);
        QNEAR(flowOf(d, "S1")->uB, 0.01 * expected / sqrt3);
        QNEAR(flowOf(d, "S2")->value, expected); // 1 L/s read directly
    }

    void factor() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1", "L", 0.02, std::nullopt, 10)}; // one count is 10 L
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 5000),
                      reading("M1", "2026-06-01T09:00:00+08:00", 5100)};
        QNEAR(deriveFlows(p).flows.at(0).value, 1.0); // 100 counts × 10 L in one hour
    }

    void flowrateMeter() {
        Plant p = basePlant();
        p.meters = {flowrate("M1", "S1", "m3/h", 0.05)};
        p.readings = {reading("M1", "2026-06-01T09:30:00+08:00", 3.1),
                      reading("M1", "2026-06-01T15:30:00.5Z", 3.3),
                      reading("M1", "2026-06-01T12:00:00+08:00", 3.2)};
        const FlowDerivation derived = deriveFlows(p);
        const DerivedFlow& f = derived.flows.at(0);
        QCOMPARE(f.n, 3);
        QNEAR(f.value, 3.2);
        QNEAR(f.uA, 0.1 / sqrt3); // s = 0.1
        QNEAR(f.uB, 0.05 * 3.2 / sqrt3);
        // In time order, whatever the file order: 09:30+08, 12:00+08, 23:30:00.5+08.
        QCOMPARE(f.samples[0].firstReading, std::size_t(0));
        QCOMPARE(f.samples[1].firstReading, std::size_t(2));
        QCOMPARE(f.samples[2].firstReading, std::size_t(1));
        for (const FlowSample& s : f.samples) {
            QCOMPARE(s.firstReading, s.lastReading);
            QCOMPARE(s.hours, 0.0);
        }
    }

    void singleSample() {
        Plant p = basePlant();
        p.meters = {flowrate("M1", "S1", "L/min", 0.1)};
        p.readings = {reading("M1", "2026-06-01T09:30:00+08:00", 12)}; // 0.72 m³/h
        const FlowDerivation derived = deriveFlows(p);
        const DerivedFlow& f = derived.flows.at(0);
        QCOMPARE(f.n, 1);
        QNEAR(f.value, 0.72);
        QCOMPARE(f.uA, 0.0);
        QNEAR(f.sigma, 0.1 * 0.72 / sqrt3);
        QVERIFY2(grades(f).contains("a single sample"), qPrintable(grades(f)));
    }

    void zeroLengthIntervalRefused() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        // The same instant written in two ways.
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 100),
                      reading("M1", "2026-06-01T00:00:00Z", 105)};
        const FlowDerivation d = deriveFlows(p);
        QVERIFY(d.flows.empty());
        QCOMPARE(
            count(d.diagnostics, Severity::Error,
                  "readings[0] and readings[1] are at the same time (2026-06-01T00:00:00Z): an interval of "
                  "zero length has no flow; readings[1] (value 105) is left out"),
            1);
        QCOMPARE(count(d.diagnostics, Severity::Warning, "it stays unmeasured"), 1);
        const Diagnostics v = validatePlant(p);
        QCOMPARE(count(v, Severity::Warning, "readings[0] has the same meter and time"), 1);

        // A third reading: the interval runs on from the first of the two.
        p.readings.push_back(reading("M1", "2026-06-01T10:00:00+08:00", 120));
        const FlowDerivation three = deriveFlows(p);
        QCOMPARE(three.flows.at(0).n, 1);
        QNEAR(three.flows.at(0).value, 10.0);
    }

    void sortedByTimeNotByText() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        // As text, the second sorts first; in time it is half an hour later.
        p.readings = {reading("M1", "2026-06-02T00:30:00+00:00", 100),
                      reading("M1", "2026-06-01T23:00:00-02:00", 105)};
        const FlowDerivation d = deriveFlows(p);
        QVERIFY2(d.diagnostics.empty(), listing(d.diagnostics));
        QNEAR(d.flows.at(0).value, 10.0);
        QCOMPARE(d.flows.at(0).samples.at(0).firstReading, std::size_t(0));
    }

    void unmeteredAndReadinglessStreams() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 100)};
        const FlowDerivation d = deriveFlows(p);
        QVERIFY(d.flows.empty());
        QCOMPARE(count(d.diagnostics, Severity::Warning,
                       "one reading (2026-06-01T08:00:00+08:00): a totalizer "
                       "needs two"),
                 1);
        QVERIFY(deriveFlows(basePlant()).flows.empty());
        QVERIFY(deriveFlows(basePlant()).diagnostics.empty());
    }

    void derivedMeasurements() {
        Plant p = basePlant();
        p.meters = {totalizer("M1", "S1")};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 100),
                      reading("M1", "2026-06-02T08:00:00+08:00", 340)};
        const Plant measured = withDerivedMeasurements(p);
        QVERIFY(measured.streams[0].measurement.has_value());
        QNEAR(measured.streams[0].measurement->value, 10.0);
        QNEAR(measured.streams[0].measurement->sigma, 0.2 / sqrt3);
        QVERIFY(!measured.streams[1].measurement.has_value());
        QCOMPARE(measured.meters.size(), std::size_t(1)); // the campaign data stays
        // Without meters, nothing changes.
        Plant plain = basePlant();
        plain.streams[0].measurement = Measurement{5, 0.1, {}};
        QCOMPARE(withDerivedMeasurements(plain).streams[0].measurement->value, 5.0);
    }

    // ---- grades ----

    void grade_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("due");  // calibrationDue; "-" none recorded
        QTest::addColumn<int>("photos");   // how many of the three readings have one
        QTest::addColumn<int>("readings"); // 3, or 2 for a single interval
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("reason"); // one expected reason, "" for none
        QTest::newRow("everything right") << "electromagnetic"
                                          << "2027-01-31" << 3 << 3 << "A"
                                          << "";
        QTest::newRow("no method recorded") << ""
                                            << "2027-01-31" << 3 << 3 << "A"
                                            << "";
        QTest::newRow("due on the last day") << "electromagnetic"
                                             << "2026-06-03" << 3 << 3 << "A"
                                             << "";
        QTest::newRow("a photo missing") << "mechanical"
                                         << "2027-01-31" << 2 << 3 << "B"
                                         << "1 of 3 readings has no photo";
        QTest::newRow("calibration not recorded") << "electromagnetic"
                                                  << "-" << 3 << 3 << "B"
                                                  << "no calibration recorded (M1)";
        QTest::newRow("single interval") << "electromagnetic"
                                         << "2027-01-31" << 2 << 2 << "B"
                                         << "a single sample";
        QTest::newRow("calibration expired")
            << "electromagnetic"
            << "2026-03-31" << 3 << 3 << "C"
            << "calibration expired: meter M1 was due 2026-03-31, read until 2026-06-03";
        QTest::newRow("expired and no photos") << "weir"
                                               << "2026-03-31" << 0 << 3 << "D"
                                               << "3 of 3 readings";
        QTest::newRow("estimate") << "estimate"
                                  << "-" << 0 << 3 << "C"
                                  << "estimated, not measured (M1)";
        QTest::newRow("estimate, one sample") << "estimate"
                                              << "-" << 0 << 2 << "D"
                                              << "a single sample";
        QTest::newRow("everything wrong") << "mechanical"
                                          << "-" << 0 << 2 << "D"
                                          << "no photo";
    }
    void grade() {
        QFETCH(QString, method);
        QFETCH(QString, due);
        QFETCH(int, photos);
        QFETCH(int, readings);
        QFETCH(QString, grade);
        QFETCH(QString, reason);
        Plant p = basePlant();
        Meter m = totalizer("M1", "S1");
        if (!method.isEmpty())
            m.method = parseReadingMethod(method.toStdString());
        if (due != "-") {
            m.calibrationDate = "2024-02-01";
            m.calibrationDue = due.toStdString();
        }
        p.meters = {m};
        p.readings = {reading("M1", "2026-06-01T08:00:00+08:00", 0),
                      reading("M1", "2026-06-02T08:00:00+08:00", 240),
                      reading("M1", "2026-06-03T08:00:00+08:00", 500)};
        p.readings.resize(static_cast<std::size_t>(readings));
        for (int k = 0; k < photos && k < readings; ++k)
            p.readings[static_cast<std::size_t>(k)].photo = photo;
        QVERIFY2(!hasErrors(validatePlant(p)), listing(validatePlant(p)));
        const FlowDerivation derived = deriveFlows(p);
        const DerivedFlow& f = derived.flows.at(0);
        QCOMPARE(QString::fromUtf8(toString(f.grade).data()), grade);
        if (reason.isEmpty())
            QVERIFY2(f.gradeReasons.empty(), qPrintable(grades(f)));
        else
            QVERIFY2(grades(f).contains(reason), qPrintable(grades(f)));
    }

    void gradeOfAReplacementCountsBothMeters() {
        Plant p = basePlant();
        Meter old = totalizer("M1", "S1");
        old.method = ReadingMethod::Mechanical;
        old.calibrationDue = "2026-01-01"; // expired before the campaign
        Meter fresh = totalizer("M2", "S1");
        fresh.method = ReadingMethod::Electromagnetic;
        fresh.calibrationDate = "2026-05-20";
        p.meters = {old, fresh};
        p.readings = {
            reading("M1", "2026-06-01T08:00:00+08:00", 0), reading("M1", "2026-06-02T08:00:00+08:00", 240),
            reading("M2", "2026-06-02T09:00:00+08:00", 0), reading("M2", "2026-06-03T09:00:00+08:00", 250)};
        for (Reading& r : p.readings)
            r.photo = photo;
        const FlowDerivation derived = deriveFlows(p);
        const DerivedFlow& f = derived.flows.at(0);
        QCOMPARE(QString::fromUtf8(toString(f.grade).data()), QString("C"));
        QVERIFY2(grades(f).contains("meter M1 was due 2026-01-01, read until 2026-06-02"),
                 qPrintable(grades(f)));
    }

    // ---- random campaigns ----

    void randomCampaignsAgainstARecomputation() {
        QRandomGenerator random(12452);
        int flows = 0, rollovers = 0, replacements = 0;
        for (int round = 0; round < 200; ++round) {
            const RandomCampaign c = randomCampaign(random, 1 + random.bounded(6));
            const Diagnostics v = validatePlant(c.plant);
            QVERIFY2(!hasErrors(v), qPrintable(QString("round %1:").arg(round) + listing(v)));
            const FlowDerivation d = deriveFlows(c.plant);
            for (const Stream& s : c.plant.streams) {
                if (!c.metersOfStream.contains(s.id))
                    continue;
                const Expected e = recompute(c.plant, c.byMeter, c.metersOfStream.at(s.id), c.plant.flowUnit);
                const DerivedFlow* f = flowOf(d, s.id);
                const QByteArray where =
                    QString("round %1 stream %2").arg(round).arg(QString::fromStdString(s.id)).toUtf8();
                if (e.n == 0) {
                    QVERIFY2(!f, where);
                    continue;
                }
                QVERIFY2(f, where + listing(d.diagnostics));
                QVERIFY2(f->n == e.n, where);
                QVERIFY2(near(f->value, e.value, 1e-9), where);
                QVERIFY2(near(f->uA, e.uA, 1e-7), where);
                QVERIFY2(near(f->uB, e.uB, 1e-9), where);
                QVERIFY2(near(f->sigma, e.sigma, 1e-7), where);
                QVERIFY2(f->meters == e.meters, where);
                QVERIFY2(f->meter == e.meters.back(), where);
                ++flows;
                replacements += e.meters.size() > 1;
                for (const FlowSample& sample : f->samples) {
                    rollovers += sample.rolledOver;
                    QVERIFY2(c.plant.readings[sample.firstReading].meter ==
                                 c.plant.readings[sample.lastReading].meter,
                             where + " an interval spans two meters");
                }
            }
            for (const Diagnostic& diag : d.diagnostics) // only totalizers with a single reading
                QVERIFY2(diag.severity == Severity::Warning,
                         qPrintable(QString::fromStdString(diag.toString())));
        }
        qInfo("%d flows checked, %d with replacements, %d rollovers", flows, replacements, rollovers);
        QVERIFY(flows > 300 && replacements > 100 && rollovers > 50);
    }

    void invariantUnderThePlantFlowUnit() {
        QRandomGenerator random(2022);
        for (int round = 0; round < 50; ++round) {
            RandomCampaign c = randomCampaign(random, 4);
            const FlowDerivation base = deriveFlows(c.plant);
            for (const char* unit : {"L/s", "m3/d", "t/h", "m3/a", "ML/d"}) {
                c.plant.flowUnit = unit;
                const double scale = 1 / *flowUnitInCubicMetresPerHour(unit);
                const FlowDerivation other = deriveFlows(c.plant);
                QCOMPARE(other.flows.size(), base.flows.size());
                for (std::size_t k = 0; k < base.flows.size(); ++k) {
                    const DerivedFlow& a = base.flows[k];
                    const DerivedFlow& b = other.flows[k];
                    QCOMPARE(b.stream, a.stream);
                    QCOMPARE(b.n, a.n);
                    QVERIFY(near(b.value, a.value * scale, 1e-12));
                    QVERIFY(near(b.sigma, a.sigma * scale, 1e-9));
                    QVERIFY(near(b.uA, a.uA * scale, 1e-9));
                    QVERIFY(near(b.uB, a.uB * scale, 1e-12));
                    QVERIFY(b.grade == a.grade);
                    QVERIFY(b.gradeReasons == a.gradeReasons);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFlows)
#include "tst_flows.moc"
