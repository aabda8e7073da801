// σ of the indicators against Monte Carlo propagation: draw every measurement from its σ around a
// balanced truth, reconcile each draw, compute the indicators, and compare their spread with the σ
// computed once through the full covariance (ratios and treatment shares linearised). Every
// indicator with a value agrees within 3 % (flows, sums and every ratio). Plants: the hand-computed
// ones, the sample plant and random plants with every category.

#include "hand_plants.h"
#include "indicator_test_support.h"
#include "random_networks.h"

#include <QtTest>
#include <map>
#include <random>
#include <set>

using namespace shuiheng;
using namespace shuiheng::test;

namespace {

constexpr int draws = 10000;
constexpr double tolerance = 0.03;

/// A random network as a plant: units U<i> with categories in turn, two sources (one reclaimed),
/// and sinks of every kind; measurements at the balanced truth.
std::optional<Plant> randomPlant(std::uint64_t seed) {
    balance::test::PlantShape shape;
    shape.nodeCount = 8;
    shape.unmeasuredShare = 0.2;
    shape.relativeSigmaMin = 0.01;
    shape.relativeSigmaMax = 0.03;
    const auto g = balance::test::generatePlant(seed, shape);
    Plant plant;
    plant.name = "random " + std::to_string(seed);
    plant.flowUnit = "m3/h";
    plant.nodes.push_back({"W1", "", NodeKind::Source, "", SourceOrigin::Groundwater, "", {}});
    plant.nodes.push_back({"W2", "", NodeKind::Source, "", SourceOrigin::Reclaimed, "", {}});
    plant.nodes.push_back({"D1", "", NodeKind::Discharge, "", std::nullopt, "", {}});
    plant.nodes.push_back({"E1", "", NodeKind::Consumption, "", std::nullopt, "", {}});
    plant.nodes.push_back({"L1", "", NodeKind::Loss, "", std::nullopt, "", {}});
    const char* categories[] = {"process", "cooling", "treatment", "domestic", "process", "treatment"};
    for (int i = 0; i < g.network.nodeCount; ++i)
        plant.nodes.push_back({"U" + std::to_string(i),
                               "",
                               NodeKind::Unit,
                               i % 3 == 0 ? "" : "G1",
                               std::nullopt,
                               categories[i % 6],
                               {}});
    plant.nodes.push_back({"G1", "", NodeKind::Group, "", std::nullopt, "", {}});
    int sinks = 0;
    for (std::size_t k = 0; k < g.network.edges.size(); ++k) {
        const auto& e = g.network.edges[k];
        Stream s;
        s.id = "S" + std::to_string(k);
        s.from = e.from == balance::environment ? (k % 2 ? "W2" : "W1") : "U" + std::to_string(e.from);
        s.to = e.to == balance::environment ? std::string(sinks++ % 3 == 0 ? "E1" : "D1")
                                            : "U" + std::to_string(e.to);
        if (e.from == balance::environment && e.to == balance::environment)
            continue;
        if (e.measured)
            s.measurement = Measurement{g.truth[k], e.sigma, {}};
        plant.streams.push_back(std::move(s));
    }
    plant.production = Production{500, "t", "d", {}};
    if (hasErrors(validatePlant(plant)))
        return std::nullopt;
    return plant;
}

struct Spread {
    double sum = 0, sumSquares = 0;
    int n = 0;
    void add(double v) {
        sum += v;
        sumSquares += v * v;
        ++n;
    }
    double sd() const {
        const double mean = sum / n;
        return std::sqrt(std::max(0.0, (sumSquares - n * mean * mean) / (n - 1)));
    }
};

/// Compares every indicator's σ with the Monte Carlo spread; returns the keys checked.
std::set<std::string> check(const Plant& plant, std::uint64_t seed) {
    indicators::IndicatorOptions withSigma;
    const auto nominal = indicators::computeIndicators(plant, withSigma);
    if (!nominal.failure.empty())
        qFatal("%s", nominal.failure.c_str());
    indicators::IndicatorOptions fast;
    fast.uncertainty = false;
    std::vector<Spread> spread(nominal.indicators.size());
    std::mt19937_64 rng(seed);
    Plant drawn = plant;
    for (int d = 0; d < draws; ++d) {
        for (std::size_t s = 0; s < plant.streams.size(); ++s)
            if (const auto& m = plant.streams[s].measurement; m && m->sigma > 0)
                drawn.streams[s].measurement->value =
                    m->value + m->sigma * balance::test::standardNormal(rng);
        const auto r = indicators::computeIndicators(drawn, fast);
        if (r.indicators.size() != nominal.indicators.size())
            qFatal("the indicator list changed between draws");
        for (std::size_t k = 0; k < r.indicators.size(); ++k)
            if (r.indicators[k].value)
                spread[k].add(*r.indicators[k].value);
    }
    std::set<std::string> checked;
    int compared = 0;
    for (std::size_t k = 0; k < nominal.indicators.size(); ++k) {
        const auto& i = nominal.indicators[k];
        if (!i.value || !i.sigma || spread[k].n < draws)
            continue;
        const double mc = spread[k].sd();
        if (*i.sigma < 1e-12 * std::max(1.0, std::abs(*i.value))) {
            if (mc > 1e-9 * std::max(1.0, std::abs(*i.value)))
                QTest::qFail(qPrintable(QString("%1: σ 0 but Monte Carlo %2").arg(i.key.c_str()).arg(mc)),
                             __FILE__, __LINE__);
            continue;
        }
        ++compared;
        const double ratio = mc / *i.sigma;
        if (std::abs(ratio - 1) > tolerance)
            QTest::qFail(qPrintable(QString("%1 %2 at %3: σ %4, Monte Carlo %5 (ratio %6)")
                                        .arg(plant.name.c_str(), i.key.c_str(), i.scope.c_str())
                                        .arg(*i.sigma)
                                        .arg(mc)
                                        .arg(ratio)),
                         __FILE__, __LINE__);
        checked.insert(i.key);
    }
    qInfo("%s: %d indicators compared over %d draws", plant.name.c_str(), compared, draws);
    return checked;
}

} // namespace

class TestIndicatorUncertainty : public QObject {
    Q_OBJECT

private slots:
    void handPlants() {
        std::set<std::string> keys = check(plantFromJson(plantA()), 11);
        const auto b = check(plantFromJson(plantB), 12);
        keys.insert(b.begin(), b.end());
        for (const char* key :
             {"intake", "cascade", "reused", "totalUse", "reuseRate", "dischargeRate", "leakageRate",
              "nonConventionalShare", "coolingCirculationRate", "unitProductIntake", "quotaUnitProductIntake",
              "processWaterReuseRate", "wastewaterReuseRate", "condensateRecovery", "perCapitaDomestic",
              "intakePerValueAdded", "meterCoverageLevel3"})
            QVERIFY2(keys.count(key), key);
    }

    void samplePlant() {
        const auto loaded = loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
        QVERIFY(loaded.ok());
        const auto keys = check(*loaded.plant, 13);
        for (const char* key : {"reuseRate", "dischargeRate", "coolingCirculationRate", "concentrationRatio",
                                "wastewaterReuseRate", "unitProductIntake"})
            QVERIFY2(keys.count(key), key);
    }

    void randomPlants() {
        int plants = 0;
        for (std::uint64_t seed = 1; plants < 3 && seed < 50; ++seed) {
            const auto plant = randomPlant(seed);
            if (!plant)
                continue;
            ++plants;
            check(*plant, 100 + seed);
        }
        QCOMPARE(plants, 3);
    }
};

QTEST_GUILESS_MAIN(TestIndicatorUncertainty)
#include "tst_indicator_uncertainty.moc"
