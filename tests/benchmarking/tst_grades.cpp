// Benchmarking against quota rows and thresholds: the grade reached, the probability that the true
// value meets each level (normal, from σ), the boundary figure used, adjustments under declared
// conditions, unit conversion and refusal, and how rows are chosen.

#include "benchmarking/grades/benchmark.h"

#include <QtTest>
#include <cmath>

using namespace shuiheng;
using namespace shuiheng::benchmarking;

namespace {

indicators::Indicator indicator(const std::string& key, double value, double sigma, const std::string& unit) {
    indicators::Indicator i;
    i.key = key;
    i.scope = "site";
    i.value = value;
    i.sigma = sigma;
    i.unit = unit;
    return i;
}

indicators::IndicatorReport steelWorks(double intake, double sigma) {
    indicators::IndicatorReport r;
    r.plantName = "steel works";
    r.flowUnit = "m3/h";
    r.benchmark.industry = "steel";
    r.indicators.push_back(indicator("unitProductIntake", intake + 0.4, sigma, "m3/t"));
    r.indicators.push_back(indicator("quotaUnitProductIntake", intake, sigma, "m3/t"));
    r.indicators.back().notes.push_back("quota boundary excludes U9");
    r.indicators.push_back(indicator("reuseRate", 0.975, 0.002, "1"));
    r.indicators.push_back(indicator("leakageRate", 0.05, 0.01, "1"));
    r.indicators.push_back(indicator("wastewaterReuseRate", 0.80, 0.02, "1"));
    r.indicators.push_back(indicator("directCoolingCirculationRate", 0.96, 0.004, "1"));
    return r;
}

QuotaTable table(const std::string& json) {
    const auto r = parseQuotaTable(json);
    if (!r.table)
        qFatal("%s", r.errors.front().c_str());
    return *r.table;
}

const QuotaLibrary shipped = loadQuotaLibrary(SHUIHENG_DATA_DIR "/quotas", "/nonexistent");

} // namespace

class TestGrades : public QObject {
    Q_OBJECT

private slots:
    void probability() {
        QCOMPARE(probabilityMeets(3.0, 0.1, 3.1, false), 0.5 * std::erfc(-1 / std::sqrt(2.0)));
        QVERIFY(std::abs(probabilityMeets(3.0, 0.1, 3.1, false) - 0.841345) < 1e-6);
        QVERIFY(std::abs(probabilityMeets(0.96, 0.01, 0.97, true) - 0.158655) < 1e-6);
        QCOMPARE(probabilityMeets(3.0, 0, 3.1, false), 1.0);
        QCOMPARE(probabilityMeets(3.2, 0, 3.1, false), 0.0);
    }

    void quotaGradeAndProbabilities() {
        const BenchmarkReport b = benchmark(steelWorks(3.0, 0.1), shipped);
        QCOMPARE(b.quotas.size(), std::size_t(1));
        const Comparison& q = b.quotas.front();
        QCOMPARE(q.row, std::string("integrated-with-coking-cold-rolling"));
        QCOMPARE(q.indicator, std::string("quotaUnitProductIntake")); // the boundary figure, not the site's
        QCOMPARE(*q.value, 3.0);
        QCOMPARE(*q.grade, std::string("advanced"));
        QCOMPARE(q.levels.size(), std::size_t(2));
        QVERIFY(*q.levels[0].met && *q.levels[1].met);
        QVERIFY(std::abs(*q.levels[1].probability - 0.841345) < 1e-6);
        QVERIFY(*q.levels[0].probability > 0.999999);
        QVERIFY(std::find(q.notes.begin(), q.notes.end(), "quota boundary excludes U9") != q.notes.end());
        QCOMPARE(q.verification, std::string("secondary source, unverified"));

        const Comparison middle = benchmark(steelWorks(4.0, 0.5), shipped).quotas.front();
        QCOMPARE(*middle.grade, std::string("general"));
        QVERIFY(std::abs(*middle.levels[0].probability - 0.5 * std::erfc(-1.6 / std::sqrt(2.0))) < 1e-12);
        QVERIFY(!benchmark(steelWorks(5.0, 0.1), shipped).quotas.front().grade);
    }

    void thresholds() {
        const BenchmarkReport b = benchmark(steelWorks(3.0, 0.1), shipped);
        QCOMPARE(b.thresholds.size(), std::size_t(4));
        for (const Comparison& t : b.thresholds) {
            QVERIFY2(t.value, t.reason.c_str());
            QCOMPARE(t.unit, std::string("%"));
        }
        QVERIFY(std::abs(*b.thresholds[0].value - 97.5) < 1e-9); // 0.975 in %
        QVERIFY(b.waterSavingEnterprise && *b.waterSavingEnterprise);
        auto worse = steelWorks(3.0, 0.1);
        worse.indicators[2].value = 0.95;
        QVERIFY(!*benchmark(worse, shipped).waterSavingEnterprise);
        auto unknown = steelWorks(3.0, 0.1);
        unknown.indicators.pop_back(); // no direct-cooling figure
        const BenchmarkReport u = benchmark(unknown, shipped);
        QVERIFY(!u.waterSavingEnterprise);
    }

    void conditionsAdjustAndUnitsConvert() {
        const QuotaTable t = table(R"json({"format": "shuiheng-quota-table", "version": 1, "id": "power",
            "kind": "quota", "region": "national", "rows": [{"id": "r", "industry": "power", "unit": "m3/(MW·h)",
            "levels": [{"key": "general", "value": 2.0}],
            "adjustments": [{"when": "reclaimed-water", "factor": 1.2}], "source": {"document": "d"}}]})json");
        indicators::IndicatorReport r;
        r.indicators.push_back(indicator("quotaUnitProductIntake", 2.3e-3, 1e-4, "m3/(kW·h)"));
        Comparison plain = compare(r, t, t.rows[0]);
        QCOMPARE(*plain.value, 2.3);
        QVERIFY(std::abs(*plain.sigma - 0.1) < 1e-12);
        QVERIFY(!*plain.levels[0].met);
        r.benchmark.conditions = {"reclaimed-water"};
        Comparison adjusted = compare(r, t, t.rows[0]);
        QCOMPARE(adjusted.levels[0].limit, 2.4);
        QVERIFY(*adjusted.levels[0].met);
        r.indicators[0].unit = "m3/t";
        const Comparison refused = compare(r, t, t.rows[0]);
        QVERIFY(!refused.value);
        QVERIFY(refused.reason.find("do not compare") != std::string::npos);
    }

    void choosingRows() {
        auto ammonia = steelWorks(10, 0.2);
        ammonia.benchmark.industry = "ammonia";
        const BenchmarkReport ambiguous = benchmark(ammonia, shipped);
        QVERIFY(ambiguous.quotas.empty());
        QVERIFY(!ambiguous.notes.empty() &&
                ambiguous.notes.front().find("several rows") != std::string::npos);
        ammonia.benchmark.quota = "gbt-18916.8/natural-gas";
        const BenchmarkReport named = benchmark(ammonia, shipped);
        QCOMPARE(named.quotas.size(), std::size_t(1));
        QVERIFY(!named.quotas.front().grade); // 10 > 9.0
        ammonia.benchmark.quota = "gbt-18916.8/no-such-row";
        QVERIFY(benchmark(ammonia, shipped).notes.front().find("not in the library") != std::string::npos);
        auto none = steelWorks(3, 0.1);
        none.benchmark.industry.clear();
        QVERIFY(benchmark(none, shipped).quotas.empty());
        // Without production there is no unit-product intake: said, not guessed.
        indicators::IndicatorReport noProduction;
        noProduction.benchmark.industry = "cement";
        const BenchmarkReport c = benchmark(noProduction, shipped);
        QCOMPARE(c.quotas.size(), std::size_t(1));
        QVERIFY(c.quotas.front().reason.find("needs \"production\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGrades)
#include "tst_grades.moc"
