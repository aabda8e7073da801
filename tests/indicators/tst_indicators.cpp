// Indicators on hand-computed plants whose measurements balance exactly (so reconciliation
// changes nothing): every value as computed by hand, the treatment units' used shares (one, and
// a chain of two), the quota boundary, meter coverage per level, the closure check, values that
// need an unobservable flow, and independence from the flow unit.

#include "hand_plants.h"
#include "indicator_test_support.h"
#include "indicators/indicator_json.h"
#include "indicators/plant_extensions.h"

#include <QtTest>

using namespace shuiheng;
using namespace shuiheng::test;

namespace {

indicators::IndicatorReport compute(const std::string& json,
                                    const indicators::IndicatorOptions& options = {}) {
    const indicators::IndicatorReport report = indicators::computeIndicators(plantFromJson(json), options);
    if (!report.failure.empty())
        qFatal("indicators failed: %s", report.failure.c_str());
    return report;
}

#define EXPECT_VALUE(report, key, scope, expected)                                                           \
    do {                                                                                                     \
        const auto& ind_ = get(report, key, scope);                                                          \
        QVERIFY2(ind_.value, qPrintable(QString("%1 at %2: %3").arg(key, scope, ind_.reason.c_str())));      \
        QVERIFY2(near(*ind_.value, expected), qPrintable(QString("%1 at %2: %3, expected %4")                \
                                                             .arg(key, scope)                                \
                                                             .arg(*ind_.value, 0, 'g', 15)                   \
                                                             .arg(expected, 0, 'g', 15)));                   \
    } while (false)

} // namespace

class TestIndicators : public QObject {
    Q_OBJECT

private slots:
    void siteValuesAsComputedByHand() {
        const auto r = compute(plantA());
        QVERIFY(r.globalTest.statistic < 1e-12);
        const double share = 78.0 / 100.0;
        EXPECT_VALUE(r, "intake", "site", 152.0);
        EXPECT_VALUE(r, "circulating", "site", 1000.0);
        EXPECT_VALUE(r, "cascade", "site", 30.0 + 20.0 * share);
        EXPECT_VALUE(r, "reused", "site", 1045.6);
        EXPECT_VALUE(r, "totalUse", "site", 1197.6);
        EXPECT_VALUE(r, "consumption", "site", 70.0);
        EXPECT_VALUE(r, "discharge", "site", 77.0);
        EXPECT_VALUE(r, "leakage", "site", 5.0);
        EXPECT_VALUE(r, "reuseRate", "site", 1045.6 / 1197.6);
        EXPECT_VALUE(r, "dischargeRate", "site", 77.0 / 152.0);
        EXPECT_VALUE(r, "leakageRate", "site", 5.0 / 152.0);
        EXPECT_VALUE(r, "nonConventionalShare", "site", 20.0 / 152.0);
        EXPECT_VALUE(r, "coolingCirculationRate", "site", 1000.0 / 1050.0);
        EXPECT_VALUE(r, "unitProductIntake", "site", 152.0 * 24 / 2400);
        QCOMPARE(QString::fromStdString(get(r, "unitProductIntake").unit), QString("m3/t"));
        // Ours: the quota boundary leaves the living quarters U4 (S3, 10 m³/h) out.
        EXPECT_VALUE(r, "quotaIntake", "site", 142.0);
        EXPECT_VALUE(r, "quotaUnitProductIntake", "site", 142.0 * 24 / 2400);
        EXPECT_VALUE(r, "concentrationRatio", "site", 50.0 / 10.0);
        EXPECT_VALUE(r, "processWaterReuseRate", "site", 15.6 / 115.6);
        EXPECT_VALUE(r, "wastewaterReuseRate", "site", 20.0 / 97.0);
        EXPECT_VALUE(r, "perCapitaDomestic", "site", 10.0 * 24 * 1000 / 2000);
        EXPECT_VALUE(r, "intakePerValueAdded", "site", 152.0 * 8760 / 87600);
        QVERIFY(!r.find("condensateRecovery"));
        for (const auto& i : r.indicators)
            if (i.value)
                QVERIFY2(i.sigma && std::isfinite(*i.sigma) && *i.sigma >= 0, i.key.c_str());
    }

    void sigmaOfASumIsExact() {
        // The intake is a sum of four measurements that the balances check: reconciled, its σ is below
        // the raw one (√Σσ²) but of its order.
        const auto r = compute(plantA());
        const double raw =
            std::sqrt(std::pow(2.0, 2) + std::pow(0.4, 2) + std::pow(0.2, 2) + std::pow(0.44, 2));
        QVERIFY(*get(r, "intake").sigma <= raw + 1e-12);
        QVERIFY(*get(r, "intake").sigma > 0.3 * raw);
    }

    void groupAndUnitValues() {
        const auto r = compute(plantA());
        EXPECT_VALUE(r, "intake", "G1", 120.0);
        EXPECT_VALUE(r, "circulating", "G1", 1000.0);
        EXPECT_VALUE(r, "cascade", "G1", 30.0 + 15.6);
        EXPECT_VALUE(r, "consumption", "G1", 65.0);
        EXPECT_VALUE(r, "leakage", "G1", 5.0);
        EXPECT_VALUE(r, "reuseRate", "G1", 1045.6 / 1165.6);
        EXPECT_VALUE(r, "coolingCirculationRate", "G1", 1000.0 / 1050.0);
        EXPECT_VALUE(r, "intake", "U2", 20.0);
        EXPECT_VALUE(r, "cascade", "U2", 30.0);
        EXPECT_VALUE(r, "reuseRate", "U2", 1030.0 / 1050.0);
        EXPECT_VALUE(r, "concentrationRatio", "U2", 5.0);
        EXPECT_VALUE(r, "cascade", "U1", 15.6);
        QVERIFY(!r.find("intake", "U3")); // a treatment unit uses no water
        QVERIFY(!r.find("coolingCirculationRate", "U1"));
    }

    void explanationNamesTheStreams() {
        const auto r = compute(plantA());
        const auto& cascade = get(r, "cascade");
        // S4 (unit to unit), S11 (treated) and every inflow of the treatment unit its share depends on.
        for (const char* id : {"S4", "S11", "S7", "S8", "S9", "S16"})
            QVERIFY2(std::find(cascade.streams.begin(), cascade.streams.end(), id) != cascade.streams.end(),
                     id);
        QVERIFY(std::find(cascade.streams.begin(), cascade.streams.end(), "S1") == cascade.streams.end());
        QVERIFY(!cascade.notes.empty() && cascade.notes.front().find("U3") != std::string::npos);
        const auto& intake = get(r, "intake");
        QCOMPARE(intake.streams, (std::vector<std::string>{"S1", "S2", "S3", "S16"}));
        QVERIFY(!get(r, "quotaUnitProductIntake").notes.empty());
    }

    void quotaBoundaryIsReported() {
        const auto r = compute(plantA());
        QVERIFY(r.boundary.declared);
        QCOMPARE(r.boundary.excluded, std::vector<std::string>{"U4"});
        QCOMPARE(r.boundary.excludedBy, std::vector<std::string>{"U4"});
        QCOMPARE(r.boundary.included.size(), std::size_t(3));
        // A group excludes its units; a unit may bring itself back in.
        std::string text = plantA();
        text.replace(text.find(R"({"id": "G1", "kind": "group"})"), 29,
                     R"({"id": "G1", "kind": "group", "quotaBoundary": false})");
        text.replace(text.find(R"("parent": "G1", "category": "cooling")"), 37,
                     R"("parent": "G1", "category": "cooling", "quotaBoundary": true)");
        const auto g = compute(text);
        QCOMPARE(g.boundary.excluded, (std::vector<std::string>{"U1", "U4"}));
        QCOMPARE(g.boundary.excludedBy, (std::vector<std::string>{"G1", "U4"}));
        EXPECT_VALUE(g, "quotaIntake", "site", 20.0 + 22.0);
    }

    void meterCoveragePerLevel() {
        const auto r = compute(plantA());
        EXPECT_VALUE(r, "meterCoverageLevel1", "site", 1.0);
        EXPECT_VALUE(r, "meterCoverageLevel2", "site", 1.0);
        // Level 3: U1 (S1, S11) and U2 (S2, unmeasured S4).
        EXPECT_VALUE(r, "meterCoverageLevel3", "site", 140.0 / 170.0);
        QVERIFY(*get(r, "meterCoverageLevel3").sigma > 0);
    }

    void closureCheck() {
        indicators::IndicatorOptions options;
        const auto r = compute(plantA(), options);
        const auto& site = r.closure.front();
        QCOMPARE(site.scope, std::string("site"));
        QVERIFY(site.passed && *site.passed);
        QVERIFY(near(*site.in, 152.0) && near(*site.out, 152.0));
        const indicators::ClosureCheck* g1 = nullptr;
        const indicators::ClosureCheck* w1 = nullptr;
        for (const auto& c : r.closure) {
            if (c.scope == "G1")
                g1 = &c;
            if (c.kind == indicators::ClosureCheck::Kind::SourceMeter)
                w1 = &c;
        }
        QVERIFY(g1 && w1);
        // G1 in: S1, S2, S11; out: S6, S7, S8, S13, S14 — all measured (S4 lies inside): checked.
        QVERIFY(g1->passed && *g1->passed && g1->missing.empty());
        QVERIFY(near(*g1->in, 140.0));
        // The source meter W1 reads 140 while its units' meters sum to 132: 5.7 % off.
        QVERIFY(near(*w1->in, 140.0) && near(*w1->out, 132.0));
        QVERIFY(near(*w1->difference, 8.0 / 140.0));
        QVERIFY(*w1->passed);
        QVERIFY(w1->z && *w1->z > 0);
        options.closureTolerance = 0.05;
        const auto strict = compute(plantA(), options);
        for (const auto& c : strict.closure)
            if (c.kind == indicators::ClosureCheck::Kind::SourceMeter)
                QVERIFY(c.passed && !*c.passed);
    }

    void closureNamesTheUnmeasured() {
        const auto r = compute(plantC);
        const auto& site = r.closure.front();
        QVERIFY(!site.passed);
        QCOMPARE(site.missing, (std::vector<std::string>{"S3", "S4"}));
    }

    void treatmentChainAndCondensate() {
        const auto r = compute(plantB);
        EXPECT_VALUE(r, "intake", "site", 27.0);
        EXPECT_VALUE(r, "circulating", "site", 8.0);
        // S2 (boiler to user) in full, S9 by T2's used share (20 × 0.5) / 25 = 0.4.
        EXPECT_VALUE(r, "cascade", "site", 10.0 + 15.0 * 0.4);
        EXPECT_VALUE(r, "condensateRecovery", "site", 0.8);
        EXPECT_VALUE(r, "wastewaterReuseRate", "site", 15.0 / 25.0);
        QVERIFY(!r.find("coolingCirculationRate")->value);
        QCOMPARE(QString::fromStdString(r.find("coolingCirculationRate")->reason),
                 QString("no unit of category cooling"));
    }

    void unobservableGivesNullAndReason() {
        const auto r = compute(plantC);
        for (const char* key : {"consumption", "discharge", "dischargeRate"}) {
            const auto& i = get(r, key);
            QVERIFY2(!i.value && !i.sigma, key);
            QVERIFY2(i.reason.find("unobservable") != std::string::npos, i.reason.c_str());
            QVERIFY2(i.reason.find(key == std::string("consumption") ? "S4" : "S3") != std::string::npos,
                     i.reason.c_str());
            QVERIFY2(i.reason.find("measure S") != std::string::npos, i.reason.c_str());
        }
        EXPECT_VALUE(r, "intake", "site", 10.0);
        EXPECT_VALUE(r, "reuseRate", "site", 60.0 / 70.0);
        // The JSON has value null and the reason.
        const std::string json = indicators::toJson(r);
        QVERIFY(json.find("\"value\": null") != std::string::npos);
        const auto back = indicators::parseIndicatorsJson(json, nullptr);
        QVERIFY(back && !back->find("discharge")->value && !back->find("discharge")->reason.empty());
    }

    void independentOfTheFlowUnit() {
        const auto base = compute(plantA());
        for (const auto& [unit, scale] : {std::pair<std::string, double>{"m3/d", 24.0}, {"L/s", 1.0 / 3.6}}) {
            const auto other = compute(plantA(unit, scale));
            QCOMPARE(other.indicators.size(), base.indicators.size());
            for (std::size_t k = 0; k < base.indicators.size(); ++k) {
                const auto& a = base.indicators[k];
                const auto& b = other.indicators[k];
                QCOMPARE(a.key, b.key);
                QCOMPARE(a.scope, b.scope);
                QCOMPARE(bool(a.value), bool(b.value));
                if (!a.value)
                    continue;
                // Flows come in the plant's unit; everything else is the same number.
                const double factor = a.unit == "m3/h" ? (b.unit == "m3/d" ? 24.0 : 1.0 / 3.6) : 1.0;
                QVERIFY2(near(*a.value * factor, *b.value, 1e-9),
                         qPrintable(QString("%1 %2: %3 vs %4")
                                        .arg(a.key.c_str(), unit.c_str())
                                        .arg(*a.value)
                                        .arg(*b.value)));
                QVERIFY2(near(*a.sigma * factor, *b.sigma, 1e-7), qPrintable(QString::fromStdString(a.key)));
            }
        }
    }

    void badExtensionsAreReportedAndIgnored() {
        std::string text = plantA();
        text.replace(text.find(R"("staff": 2000)"), 13, R"("staff": -5)");
        text.replace(text.find(R"("quotaBoundary": false)"), 22, R"("quotaBoundary": "no")");
        const auto r = compute(text);
        int errors = 0;
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::Error && (d.field == "staff" || d.field == "quotaBoundary"))
                ++errors;
        QCOMPARE(errors, 2);
        QVERIFY(!get(r, "perCapitaDomestic").value);
        QVERIFY(r.boundary.excluded.empty());
    }

    void benchmarkSettingsAndJsonRoundTrip() {
        const auto r = compute(
            plantA("m3/h", 1.0, R"(, "benchmark": {"industry": "steel", "quota": "t/r", "region": "青海"})"));
        QCOMPARE(r.benchmark.industry, std::string("steel"));
        QCOMPARE(r.benchmark.region, std::string("青海"));
        const auto back = indicators::parseIndicatorsJson(indicators::toJson(r), nullptr);
        QVERIFY(back);
        QCOMPARE(back->benchmark.quota, std::string("t/r"));
        QCOMPARE(back->productUnit, std::string("t"));
        QCOMPARE(back->indicators.size(), r.indicators.size());
        QVERIFY(near(*back->find("reuseRate")->sigma, *r.find("reuseRate")->sigma, 1e-12));
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
