// The sparse balance engine (core/balance) against the dense reference (dense_reference.h):
// a textbook example, a thousand random plants, invariants both must keep, and bad inputs.

#include "balance/reconciliation.h"
#include "compare.h"
#include "dense_reference.h"
#include "random_networks.h"

#include <QtTest>
#include <cmath>
#include <numeric>

using namespace shuiheng::balance;
using namespace shuiheng::balance::test;

Q_DECLARE_METATYPE(FlowNetwork)

namespace {

/// Narasimhan & Jordache (2000), chapter 1: a splitter feeds the two sides of a heat
/// exchanger whose outlets meet again in a mixer; 6 streams, all measured with σ = 1.
/// Node 0 splitter, 1 exchanger tube side, 2 exchanger shell side, 3 mixer.
FlowNetwork njExample() {
    const double s = 1.0;
    return FlowNetwork{4,
                       {
                           {environment, 0, 101.91, s}, // stream 1: feed
                           {0, 1, 64.45, s},            // stream 2
                           {0, 2, 34.65, s},            // stream 3
                           {1, 3, 64.20, s},            // stream 4
                           {2, 3, 36.44, s},            // stream 5
                           {3, environment, 98.88, s},  // stream 6: product
                       }};
}

void checkNjExample(const ReconciliationResult& result) {
    const double expected[] = {100.22, 64.50, 35.72, 64.50, 35.72, 100.22};
    QCOMPARE(result.edges.size(), std::size_t{6});
    for (std::size_t k = 0; k < 6; ++k) {
        QCOMPARE(result.edges[k].status, FlowStatus::Redundant);
        QVERIFY(result.edges[k].value);
        QVERIFY2(
            std::abs(*result.edges[k].value - expected[k]) < 0.005,
            qPrintable(QStringLiteral("stream %1: %2").arg(k + 1).arg(*result.edges[k].value, 0, 'f', 4)));
    }
    QVERIFY2(std::abs(result.global.statistic - 6.41) < 0.005,
             qPrintable(QString::number(result.global.statistic)));
    QCOMPARE(result.global.dof, 4);
    QVERIFY(std::abs(result.global.critical - 9.4877) < 1e-3); // χ²(4) at 0.95
    QCOMPARE(result.global.passed, true);
    QCOMPARE(result.redundantCount, 6);
}

ReconciliationResult engine(const FlowNetwork& network, double alpha = 0.05) {
    ReconciliationOptions options;
    options.alpha = alpha;
    return reconcile(network, options);
}

/// Runs the engine; an exception becomes a test failure message instead of a crash.
std::optional<ReconciliationResult> tryEngine(const FlowNetwork& network, std::string* error) {
    try {
        return engine(network);
    } catch (const std::exception& e) {
        *error = std::string("exception: ") + e.what();
    } catch (...) {
        *error = "unknown exception";
    }
    return std::nullopt;
}

QString lines(const std::vector<std::string>& list, std::size_t limit = 12) {
    QStringList out;
    for (std::size_t i = 0; i < list.size() && i < limit; ++i)
        out << QString::fromStdString(list[i]);
    if (list.size() > limit)
        out << QStringLiteral("... %1 more").arg(list.size() - limit);
    return out.join(QLatin1Char('\n'));
}

/// dof from the graph: nodes joined by unmeasured flows merge (the environment's group has no
/// balance); the σ > 0 measurements then connect those groups, and every connected set of
/// groups contributes (groups − 1) independent balances (Kirchhoff: rank of an incidence).
int combinatorialDof(const FlowNetwork& network) {
    const int n = network.nodeCount + 1;
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int a) {
        while (parent[a] != a)
            a = parent[a] = parent[parent[a]];
        return a;
    };
    auto v = [&](int node) { return node == environment ? network.nodeCount : node; };
    for (const NetworkEdge& e : network.edges)
        if (!e.measured)
            parent[find(v(e.from))] = find(v(e.to));
    int groups = 0;
    for (int i = 0; i < n; ++i)
        groups += find(i) == i;
    int components = groups;
    for (const NetworkEdge& e : network.edges)
        if (e.measured && e.sigma > 0 && find(v(e.from)) != find(v(e.to))) {
            parent[find(v(e.from))] = find(v(e.to));
            --components;
        }
    return groups - components;
}

} // namespace

class TestReference : public QObject {
    Q_OBJECT

private slots:
    void njExampleDense();
    void njExampleEngine();
    void denseSelfConsistency();
    void engineMatchesDense();
    void balancesHold();
    void scaleInvariance();
    void badInputs_data();
    void badInputs();
};

void TestReference::njExampleDense() {
    const DenseResult dense = denseReconcile(njExample());
    checkNjExample(dense);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(dense.contradictions.empty());
}

void TestReference::njExampleEngine() {
    std::string error;
    const auto result = tryEngine(njExample(), &error);
    QVERIFY2(result, error.c_str());
    checkNjExample(*result);
}

// The dense reference against what follows from the graph alone, and against the WLS identity
// rᵀV⁻¹r = Σ ((y − x̂)/σ)² — so that a disagreement with the engine can be pinned on one side.
void TestReference::denseSelfConsistency() {
    int checked = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const GeneratedNetwork plant = randomPlant(seed);
        const FlowNetwork& net = plant.network;
        const DenseResult dense = denseReconcile(net);
        const QString where = QStringLiteral("seed %1").arg(seed);
        QVERIFY2(nonFinite(dense).empty(), qPrintable(where));
        QVERIFY2(dense.contradictions.empty(), qPrintable(where));
        QCOMPARE(dense.global.dof, combinatorialDof(net));
        double weighted = 0;
        for (std::size_t k = 0; k < net.edges.size(); ++k) {
            const NetworkEdge& e = net.edges[k];
            const EdgeEstimate& est = dense.edges[k];
            // Unobservable exactly when the edge lies in a loop of unmeasured flows.
            QCOMPARE(est.status == FlowStatus::Unobservable, dense.loopBlock[k] >= 0);
            if (e.measured && e.sigma > 0)
                weighted += std::pow((*e.measured - *est.value) / e.sigma, 2);
            if (est.status == FlowStatus::Redundant && e.sigma > 0) {
                QVERIFY(est.z);
                QVERIFY(*est.sigma < e.sigma);
            }
        }
        QVERIFY2(std::abs(weighted - dense.global.statistic) <= 1e-9 * std::max(1.0, weighted),
                 qPrintable(where + QStringLiteral(": Σ((y−x̂)/σ)² %1 vs rᵀV⁻¹r %2")
                                        .arg(weighted, 0, 'g', 17)
                                        .arg(dense.global.statistic, 0, 'g', 17)));
        const auto toObserve = checkToObserve(
            net, [&](std::size_t k) { return dense.toObserve[k]; }, dense);
        QVERIFY2(toObserve.empty(), qPrintable(where + QLatin1Char('\n') + lines(toObserve)));
        QVERIFY2(worstImbalance(net, dense) <= 1e-9, qPrintable(where));
        ++checked;
    }
    qInfo("dense reference self-consistent on %d random plants", checked);
}

void TestReference::engineMatchesDense() {
    constexpr int networks = 1200;
    constexpr double tolerance = 1e-8;
    Deviation worst;
    std::size_t edges = 0, unobservable = 0, observable = 0, redundant = 0, exact = 0;
    int failures = 0;
    std::optional<FlowNetwork> smallest;
    std::vector<std::string> smallestProblems;
    auto problemsOf = [&](const FlowNetwork& net, Deviation* deviation) {
        std::string error;
        const auto got = tryEngine(net, &error);
        if (!got)
            return std::vector<std::string>{error};
        const DenseResult dense = denseReconcile(net);
        auto problems = compare(net, *got, dense, tolerance, deviation);
        const auto observe = checkToObserve(
            net, [&](std::size_t k) { return toObserveOf(*got, k); }, dense);
        problems.insert(problems.end(), observe.begin(), observe.end());
        const auto finite = nonFinite(*got);
        problems.insert(problems.end(), finite.begin(), finite.end());
        return problems;
    };
    for (std::uint64_t seed = 1; seed <= networks; ++seed) {
        const GeneratedNetwork plant = randomPlant(seed);
        const FlowNetwork& net = plant.network;
        Deviation deviation;
        const auto problems = problemsOf(net, &deviation);
        worst.merge(deviation);
        edges += net.edges.size();
        for (const NetworkEdge& e : net.edges)
            exact += e.measured && e.sigma == 0;
        const DenseResult dense = denseReconcile(net);
        for (const EdgeEstimate& e : dense.edges) {
            unobservable += e.status == FlowStatus::Unobservable;
            observable += e.status == FlowStatus::Observable;
            redundant += e.status == FlowStatus::Redundant;
        }
        if (!problems.empty()) {
            ++failures;
            if (!smallest || net.edges.size() < smallest->edges.size()) {
                smallest = net;
                smallestProblems = problems;
            }
        }
    }
    qInfo("engine vs dense: %d random plants, %zu edges (%zu redundant, %zu observable, %zu unobservable, "
          "%zu exact)",
          networks, edges, redundant, observable, unobservable, exact);
    qInfo("worst relative difference: value %.3g, sigma %.3g, z %.3g, statistic/critical/criticalZ %.3g",
          worst.value, worst.sigma, worst.z, worst.global);
    if (smallest) {
        const FlowNetwork minimal =
            shrink(*smallest, [&](const FlowNetwork& n) { return !problemsOf(n, nullptr).empty(); });
        QFAIL(qPrintable(QStringLiteral("%1 of %2 plants disagree; smallest:\n%3\n%4\nshrunk to:\n%5\n%6")
                             .arg(failures)
                             .arg(networks)
                             .arg(QString::fromStdString(describe(*smallest)), lines(smallestProblems),
                                  QString::fromStdString(describe(minimal)),
                                  lines(problemsOf(minimal, nullptr)))));
    }
}

// Reconciled flows close every balance: each node, and each group of nodes joined by
// unobservable flows (those flows cancel inside the group).
void TestReference::balancesHold() {
    double worstDense = 0, worstEngine = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const FlowNetwork net = randomPlant(seed).network;
        const double dense = worstImbalance(net, denseReconcile(net));
        QVERIFY2(dense <= 1e-9, qPrintable(QStringLiteral("dense, seed %1: %2").arg(seed).arg(dense)));
        worstDense = std::max(worstDense, dense);
        std::string error;
        const auto got = tryEngine(net, &error);
        QVERIFY2(got, error.c_str());
        const double sparse = worstImbalance(net, *got);
        QVERIFY2(sparse <= 1e-9, qPrintable(QStringLiteral("engine, seed %1: %2").arg(seed).arg(sparse)));
        worstEngine = std::max(worstEngine, sparse);
    }
    qInfo("worst relative imbalance of reconciled flows: dense %.3g, engine %.3g", worstDense, worstEngine);
}

// Values and σ in other units: everything scales, z, statistics and statuses do not change.
void TestReference::scaleInvariance() {
    constexpr double factor = 1000;
    auto unscale = [&](ReconciliationResult r) {
        for (EdgeEstimate& e : r.edges) {
            if (e.value)
                e.value = *e.value / factor;
            if (e.sigma)
                e.sigma = *e.sigma / factor;
        }
        for (Contradiction& c : r.contradictions)
            c.imbalance /= factor;
        return r;
    };
    Deviation worstDense, worstEngine;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const FlowNetwork net = randomPlant(seed).network;
        const FlowNetwork big = scaled(net, factor);
        const QString where = QStringLiteral("seed %1\n").arg(seed);
        const auto dense = compare(net, unscale(denseReconcile(big)), denseReconcile(net), 1e-9, &worstDense);
        QVERIFY2(dense.empty(), qPrintable(QStringLiteral("dense, ") + where + lines(dense)));
        std::string error;
        const auto small = tryEngine(net, &error);
        QVERIFY2(small, error.c_str());
        const auto large = tryEngine(big, &error);
        QVERIFY2(large, error.c_str());
        const auto sparse = compare(net, unscale(*large), *small, 1e-9, &worstEngine);
        QVERIFY2(sparse.empty(), qPrintable(QStringLiteral("engine, ") + where + lines(sparse)));
        for (std::size_t k = 0; k < net.edges.size(); ++k)
            QVERIFY(toObserveOf(*large, k) == toObserveOf(*small, k));
    }
    qInfo("scale invariance (×%g), worst relative change: dense value %.3g z %.3g; engine value %.3g z %.3g",
          factor, worstDense.value, worstDense.z, worstEngine.value, worstEngine.z);
}

void TestReference::badInputs_data() {
    QTest::addColumn<FlowNetwork>("network");
    QTest::addColumn<int>("contradictions");
    QTest::addColumn<int>("dof");
    const auto none = std::nullopt;
    const double big = 1e12, tiny = 1e-12;

    QTest::newRow("empty") << FlowNetwork{} << 0 << 0;
    QTest::newRow("nodes, no edges") << FlowNetwork{3, {}} << 0 << 0;
    QTest::newRow("all unmeasured") << FlowNetwork{3,
                                                   {{environment, 0, none, 0},
                                                    {0, 1, none, 0},
                                                    {1, 2, none, 0},
                                                    {2, environment, none, 0},
                                                    {1, 1, none, 0},
                                                    {0, 2, none, 0}}}
                                    << 0 << 0;
    QTest::newRow("no redundancy") << FlowNetwork{3,
                                                  {{environment, 0, 10.0, 0.2},
                                                   {0, 1, none, 0},
                                                   {1, environment, 4.0, 0.1},
                                                   {1, 2, none, 0},
                                                   {2, environment, none, 0},
                                                   {2, 2, 50.0, 1.0}}}
                                   << 0 << 0;
    QTest::newRow("isolated node")
        << FlowNetwork{3, {{environment, 0, 10.0, 0.2}, {0, 1, 9.0, 0.2}, {1, environment, 9.5, 0.2}}} << 0
        << 2;
    QTest::newRow("node with inflow only")
        << FlowNetwork{2, {{environment, 0, 10.0, 0.2}, {0, 1, 3.0, 0.1}}} << 0 << 2;
    QTest::newRow("lone circulation loops") << FlowNetwork{2, {{0, 0, 5.0, 0.1}, {1, 1, none, 0}}} << 0 << 0;
    QTest::newRow("exact, consistent") << FlowNetwork{2,
                                                      {{environment, 0, 10.0, 0},
                                                       {0, 1, 6.0, 0},
                                                       {0, environment, 4.0, 0},
                                                       {1, environment, 6.0, 0}}}
                                       << 0 << 0;
    QTest::newRow("exact, contradicting")
        << FlowNetwork{1, {{environment, 0, 10.0, 0}, {0, environment, 9.0, 0}}} << 1 << 0;
    QTest::newRow("exact, contradicting through unmeasured") << FlowNetwork{3,
                                                                            {{environment, 0, 10.0, 0},
                                                                             {0, 1, none, 0},
                                                                             {1, environment, 9.0, 0},
                                                                             {environment, 2, 5.0, 0.1},
                                                                             {2, environment, 5.2, 0.1}}}
                                                             << 1 << 1;
    QTest::newRow("exact, contradicting next to redundant") << FlowNetwork{3,
                                                                           {{environment, 0, 10.0, 0},
                                                                            {0, 1, 7.0, 0},
                                                                            {0, environment, 2.0, 0},
                                                                            {1, environment, 7.1, 0.1},
                                                                            {1, 2, 0.2, 0.05},
                                                                            {2, environment, 0.1, 0.05}}}
                                                            << 1 << 2;
    QTest::newRow("magnitudes 1e-12 next to 1e12") << FlowNetwork{3,
                                                                  {{environment, 0, big, 1e10},
                                                                   {0, environment, big * (1 - 1e-3), 1e10},
                                                                   {0, 1, tiny, 1e-14},
                                                                   {1, environment, 1.1 * tiny, 1e-14},
                                                                   {1, 2, none, 0},
                                                                   {2, environment, 2 * tiny, 1e-14},
                                                                   {0, 2, tiny, 1e-14},
                                                                   {environment, 2, big, 1e10},
                                                                   {2, environment, big, 1e9}}}
                                                   << 0 << 2;
    QTest::newRow("sigma 1e-12 next to 1e10 on flows of 1e12")
        << FlowNetwork{2,
                       {{environment, 0, big, tiny},
                        {0, 1, big + 1e3, 1e10},
                        {1, environment, big - 1e3, tiny},
                        {0, 0, big, tiny}}}
        << 0 << 2;
    QTest::newRow("environment to environment") << FlowNetwork{1,
                                                               {{environment, environment, 3.0, 0.1},
                                                                {environment, environment, none, 0},
                                                                {environment, 0, 2.0, 0.1},
                                                                {0, environment, 2.1, 0.1}}}
                                                << 0 << 1;
    QTest::newRow("zero and negative measurements") << FlowNetwork{2,
                                                                   {{environment, 0, 0.0, 0.1},
                                                                    {0, 1, -0.3, 0.1},
                                                                    {1, environment, 0.2, 0.1},
                                                                    {1, environment, none, 0}}}
                                                    << 0 << 1;
}

void TestReference::badInputs() {
    QFETCH(FlowNetwork, network);
    QFETCH(int, contradictions);
    QFETCH(int, dof);
    const QByteArray tag = QTest::currentDataTag();
    // Extreme magnitudes: only finiteness and the structure are required of the numbers.
    const bool extreme = tag.contains("1e12");

    const DenseResult dense = denseReconcile(network);
    QVERIFY2(nonFinite(dense).empty(), qPrintable(lines(nonFinite(dense))));
    QCOMPARE(static_cast<int>(dense.contradictions.size()), contradictions);
    QCOMPARE(dense.global.dof, dof);

    std::string error;
    const auto got = tryEngine(network, &error);
    QVERIFY2(got, error.c_str());
    // Known limit of the engine: it forms V = G Σ Gᵀ, where σ² = 10⁻²⁴ vanishes next to 10²⁰
    // and V becomes exactly singular; it declines with a failure message instead of a result.
    QEXPECT_FAIL("sigma 1e-12 next to 1e10 on flows of 1e12", "V = G Σ Gᵀ is singular in double", Abort);
    QVERIFY2(got->failure.empty(), got->failure.c_str());
    QVERIFY2(nonFinite(*got).empty(), qPrintable(lines(nonFinite(*got))));
    if (extreme) {
        QCOMPARE(got->edges.size(), network.edges.size());
        for (std::size_t k = 0; k < network.edges.size(); ++k)
            QVERIFY2(got->edges[k].status == dense.edges[k].status, qPrintable(QString::number(k)));
        QCOMPARE(got->global.dof, dof);
        QCOMPARE(static_cast<int>(got->contradictions.size()), contradictions);
        const auto differences = compare(network, *got, dense, 1e-6);
        if (!differences.empty())
            qInfo("differences from the reference (not required here):\n%s", qPrintable(lines(differences)));
        return;
    }
    const auto problems = compare(network, *got, dense, 1e-8);
    QVERIFY2(problems.empty(), qPrintable(lines(problems)));
}

QTEST_APPLESS_MAIN(TestReference)
#include "tst_reference.moc"
