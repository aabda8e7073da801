// Rankings: the analytic top-k probabilities (and the Monte Carlo fallback) against a brute-force
// simulation on small cases, their sum k, P = 0/1 short cuts, pairs that cannot be told apart
// against the pairwise test, and rank ranges.

#include "benchmarking/rankings/ranking.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace shuiheng::benchmarking;

namespace {

constexpr int referenceDraws = 400000;

std::vector<RankEntry> randomCase(std::uint64_t seed, int n, bool someExact) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> value(2.0, 4.0), relative(0.01, 0.15);
    std::vector<RankEntry> entries;
    for (int i = 0; i < n; ++i) {
        const double v = value(rng);
        const double s = someExact && i % 5 == 2 ? 0.0 : v * relative(rng);
        entries.push_back({"E" + std::to_string(i), v, s});
    }
    return entries;
}

void compareWithSimulation(const std::vector<RankEntry>& entries, int k, bool higher, bool monteCarlo) {
    RankOptions options;
    options.topK = k;
    options.higherIsBetter = higher;
    options.forceMonteCarlo = monteCarlo;
    options.draws = 40000;
    const Ranking r = rankEnterprises(entries, options);
    QCOMPARE(r.method, std::string(monteCarlo ? "monte-carlo" : "analytic"));
    const std::vector<double> reference = topKBySimulation(entries, k, higher, referenceDraws, 99);
    double sum = 0;
    for (const RankedEnterprise& e : r.order) {
        const double p = e.probabilityTopK, q = reference[e.entry];
        sum += p;
        // Within 4.5 standard errors of the two simulations (or 1e-3 when one is exact).
        const double se =
            std::sqrt(q * (1 - q) / referenceDraws + (monteCarlo ? q * (1 - q) / options.draws : 0.0));
        QVERIFY2(std::abs(p - q) <= 4.5 * se + 1.5e-3,
                 qPrintable(QString("%1 (%2 ± %3), k %4: %5 vs simulated %6")
                                .arg(entries[e.entry].id.c_str())
                                .arg(entries[e.entry].value)
                                .arg(entries[e.entry].sigma)
                                .arg(k)
                                .arg(p)
                                .arg(q)));
    }
    QVERIFY2(std::abs(sum - std::min<double>(k, entries.size())) < (monteCarlo ? 1e-9 : 2e-4),
             qPrintable(QString("Σ P = %1").arg(sum)));
}

} // namespace

class TestRanking : public QObject {
    Q_OBJECT

private slots:
    void analyticAgreesWithSimulation_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("higher");
        QTest::addColumn<bool>("exact");
        QTest::newRow("n5 k1") << 1 << 5 << 1 << false << false;
        QTest::newRow("n8 k3") << 2 << 8 << 3 << false << false;
        QTest::newRow("n12 k3 higher") << 3 << 12 << 3 << true << false;
        QTest::newRow("n20 k5 with exact values") << 4 << 20 << 5 << false << true;
        QTest::newRow("n30 k10") << 5 << 30 << 10 << false << false;
        QTest::newRow("n6 k6") << 6 << 6 << 6 << false << false;
    }
    void analyticAgreesWithSimulation() {
        QFETCH(int, seed);
        QFETCH(int, n);
        QFETCH(int, k);
        QFETCH(bool, higher);
        QFETCH(bool, exact);
        compareWithSimulation(randomCase(static_cast<std::uint64_t>(seed), n, exact), k, higher, false);
    }

    void crowdedCase() {
        // Everyone within one σ of everyone: the hardest case for the analytic integration.
        std::vector<RankEntry> entries;
        for (int i = 0; i < 15; ++i)
            entries.push_back({"C" + std::to_string(i), 3.0 + 0.01 * i, 0.1 + 0.01 * (i % 4)});
        compareWithSimulation(entries, 4, false, false);
        compareWithSimulation(entries, 4, false, true);
    }

    void monteCarloFallbackAgrees() {
        compareWithSimulation(randomCase(7, 25, false), 5, false, true);
        RankOptions tight;
        tight.topK = 5;
        tight.workBudget = 1; // anything analytic is over budget
        QCOMPARE(rankEnterprises(randomCase(7, 25, false), tight).method, std::string("monte-carlo"));
    }

    void clearCasesAreExact() {
        const std::vector<RankEntry> entries{
            {"a", 1.0, 0.01}, {"b", 2.0, 0.01}, {"c", 3.0, 0.01}, {"d", 4.0, 0.01}};
        RankOptions options;
        options.topK = 2;
        const Ranking r = rankEnterprises(entries, options);
        QCOMPARE(r.order[0].probabilityTopK, 1.0);
        QCOMPARE(r.order[1].probabilityTopK, 1.0);
        QCOMPARE(r.order[2].probabilityTopK, 0.0);
        QCOMPARE(r.order[3].probabilityTopK, 0.0);
        QVERIFY(r.adjacentTies.empty());
        QCOMPARE(r.order[2].bestRank, 3);
        QCOMPARE(r.order[2].worstRank, 3);
    }

    void tiesAgreeWithThePairwiseTest() {
        const auto entries = randomCase(11, 40, false);
        RankOptions options;
        options.alpha = 0.05;
        const Ranking r = rankEnterprises(entries, options);
        const double z = 1.959963984540054;
        for (const RankedEnterprise& e : r.order) {
            std::size_t tied = 0, better = 0, worse = 0;
            for (std::size_t j = 0; j < entries.size(); ++j) {
                if (j == e.entry)
                    continue;
                const double d = entries[j].value - entries[e.entry].value;
                const double s = std::hypot(entries[j].sigma, entries[e.entry].sigma);
                if (std::abs(d) <= z * s)
                    ++tied;
                else if (d < 0)
                    ++better;
                else
                    ++worse;
            }
            QCOMPARE(e.tiedCount, tied);
            QCOMPARE(e.bestRank, static_cast<int>(better) + 1);
            QCOMPARE(e.worstRank, static_cast<int>(entries.size() - worse));
            QVERIFY(e.bestRank <= e.rank && e.rank <= e.worstRank);
            for (std::size_t t : e.tiedWith) {
                const double s = std::hypot(entries[t].sigma, entries[e.entry].sigma);
                QVERIFY(std::abs(entries[t].value - entries[e.entry].value) <= z * s);
            }
        }
        for (const auto& [a, b] : r.adjacentTies)
            QVERIFY(std::abs(entries[a].value - entries[b].value) <=
                    z * std::hypot(entries[a].sigma, entries[b].sigma));
    }

    void probabilityBetterIsSymmetric() {
        const RankEntry a{"a", 3.0, 0.1}, b{"b", 3.2, 0.2};
        const double p = probabilityBetter(a, b, false);
        QVERIFY(std::abs(p + probabilityBetter(b, a, false) - 1) < 1e-12);
        QVERIFY(std::abs(p - 0.5 * std::erfc(-0.2 / std::hypot(0.1, 0.2) / std::sqrt(2.0))) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestRanking)
#include "tst_ranking.moc"
