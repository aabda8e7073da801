// Statistical behaviour of the engine on a fixed mid-size plant: the global test's size under
// σ-consistent noise, and serial elimination naming a 10σ meter bias.

#include "balance/gross_errors.h"
#include "balance/reconciliation.h"
#include "dense_reference.h"
#include "random_networks.h"

#include <QtTest>
#include <cmath>

using namespace shuiheng::balance;
using namespace shuiheng::balance::test;

namespace {

constexpr std::uint64_t plantSeed = 7;

/// A mid-size plant, every edge measured or not but none known exactly.
GeneratedNetwork midPlant() {
    PlantShape shape;
    shape.nodeCount = 30;
    shape.unmeasuredShare = 0.25;
    shape.exactShare = 0;
    return generatePlant(plantSeed, shape);
}

/// The meter to bias: a redundant unit-to-unit measurement whose bias the balances can tell
/// apart from every other single gross error (smallest signature cosine, see
/// maxSignatureCosine) and that the balances check well (a large share of its variance).
std::size_t identifiableMeter(const FlowNetwork& network, double* cosine, double* share) {
    const DenseResult dense = denseReconcile(network);
    std::size_t best = network.edges.size();
    *cosine = 1.0;
    *share = 0.0;
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        const NetworkEdge& e = network.edges[k];
        if (dense.edges[k].status != FlowStatus::Redundant || e.sigma <= 0 || e.from == environment ||
            e.to == environment || dense.redundancyShare[k] < 0.5)
            continue;
        const double c = maxSignatureCosine(network, k);
        if (c < *cosine) {
            *cosine = c;
            *share = dense.redundancyShare[k];
            best = k;
        }
    }
    return best;
}

} // namespace

class TestMonteCarlo : public QObject {
    Q_OBJECT

private slots:
    void globalTestSize();
    void serialEliminationNamesBiasedMeter();
};

void TestMonteCarlo::globalTestSize() {
    const GeneratedNetwork plant = midPlant();
    const DenseResult reference = denseReconcile(plant.network);
    QVERIFY2(reference.global.dof >= 8, qPrintable(QString::number(reference.global.dof)));
    constexpr double alpha = 0.05;

    // The reference on a smaller sample, as a check of the test itself.
    std::mt19937_64 denseRng(11);
    constexpr int denseRuns = 2000;
    int denseRejected = 0;
    for (int run = 0; run < denseRuns; ++run)
        denseRejected += !denseReconcile(remeasure(plant, denseRng), alpha).global.passed;
    const double denseRate = double(denseRejected) / denseRuns;
    qInfo("dense reference: %d of %d runs rejected (%.2f %%), dof %d", denseRejected, denseRuns,
          100 * denseRate, reference.global.dof);
    QVERIFY2(std::abs(denseRate - alpha) <= 0.02, qPrintable(QString::number(denseRate)));

    std::mt19937_64 rng(12);
    constexpr int runs = 10000;
    int rejected = 0;
    double meanStatistic = 0;
    ReconciliationOptions options;
    options.alpha = alpha;
    for (int run = 0; run < runs; ++run) {
        const ReconciliationResult result = reconcile(remeasure(plant, rng), options);
        rejected += !result.global.passed;
        meanStatistic += result.global.statistic / runs;
    }
    const double rate = double(rejected) / runs;
    qInfo("engine: global test rejected %d of %d runs (%.2f %%) at alpha %.2f; mean statistic %.3f (dof %d)",
          rejected, runs, 100 * rate, alpha, meanStatistic, reference.global.dof);
    QVERIFY2(std::abs(rate - alpha) <= 0.01, qPrintable(QString::number(rate)));
    QVERIFY(std::abs(meanStatistic - reference.global.dof) < 0.05 * reference.global.dof);
}

void TestMonteCarlo::serialEliminationNamesBiasedMeter() {
    const GeneratedNetwork plant = midPlant();
    double cosine = 1, share = 0;
    const std::size_t meter = identifiableMeter(plant.network, &cosine, &share);
    QVERIFY(meter < plant.network.edges.size());
    qInfo("biased meter: edge %zu (%d -> %d), signature cosine %.3f, redundancy share %.3f", meter,
          plant.network.edges[meter].from, plant.network.edges[meter].to, cosine, share);
    QVERIFY2(cosine < 0.7, qPrintable(QString::number(cosine)));

    std::mt19937_64 rng(13);
    constexpr int runs = 1000;
    int first = 0, anywhere = 0, passedAtEnd = 0;
    double foundCount = 0, estimateError = 0;
    for (int run = 0; run < runs; ++run) {
        FlowNetwork network = remeasure(plant, rng);
        const double bias = 10 * network.edges[meter].sigma;
        network.edges[meter].measured = *network.edges[meter].measured + bias;
        const SerialElimination elimination = eliminateGrossErrors(network);
        foundCount += double(elimination.found.size()) / runs;
        passedAtEnd += elimination.passed;
        if (!elimination.found.empty() && elimination.found.front().kind == GrossError::Kind::MeterBias &&
            elimination.found.front().edge == meter) {
            ++first;
            estimateError += std::abs(elimination.found.front().estimate - bias) / network.edges[meter].sigma;
        }
        for (const GrossError& g : elimination.found)
            if (g.kind == GrossError::Kind::MeterBias && g.edge == meter) {
                ++anywhere;
                break;
            }
    }
    qInfo("serial elimination, 10 sigma bias: named first in %d of %d runs (%.1f %%), found at all %.1f %%, "
          "%.2f errors found on average, global test passed at the end in %.1f %%, mean |estimate - bias| "
          "%.2f sigma",
          first, runs, 100.0 * first / runs, 100.0 * anywhere / runs, foundCount, 100.0 * passedAtEnd / runs,
          first ? estimateError / first : 0.0);
    QVERIFY2(first >= 0.9 * runs, qPrintable(QString::number(first)));
}

QTEST_APPLESS_MAIN(TestMonteCarlo)
#include "tst_monte_carlo.moc"
