// The sparse balance engine (core/balance) against the dense reference (dense_reference.h):
// the N&J chapter-1 example; 1200 random plants and further batches (many exact flows and
// contradictions, other α, ~1000-stream plants, flows over four decades); invariants both must
// keep (balances close, scale invariance); hand-solvable networks with a wide σ spread against
// their closed form; serial elimination against the reference's GLR; bad inputs.
//
// A disagreement fails with the smallest disagreeing network, shrunk edge by edge, printed as
// C++ (describe()), so it can go straight into a report or a regression test.

#include "balance/gross_errors.h"
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

/// Engine against reference on one network: comparison, toObserve sets and finiteness.
/// `known`, when given, is denseReconcile(net, alpha) already computed.
std::vector<std::string> disagreements(const FlowNetwork& net, double tolerance, Deviation* deviation,
                                       double alpha = 0.05, const DenseResult* known = nullptr) {
    std::string error;
    std::optional<ReconciliationResult> got;
    try {
        got = engine(net, alpha);
    } catch (const std::exception& e) {
        return {std::string("exception: ") + e.what()};
    }
    const DenseResult dense = known ? *known : denseReconcile(net, alpha);
    auto problems = compare(net, *got, dense, tolerance, deviation);
    const auto observe = checkToObserve(
        net, [&](std::size_t k) { return toObserveOf(*got, k); }, dense);
    problems.insert(problems.end(), observe.begin(), observe.end());
    const auto finite = nonFinite(*got);
    problems.insert(problems.end(), finite.begin(), finite.end());
    return problems;
}

/// The kind of a disagreement: "value", "sigma", "z", "status", "statistic", ...
std::string category(const std::string& problem) {
    std::string rest = problem;
    if (rest.rfind("edge ", 0) == 0 && rest.find(": ") != std::string::npos)
        rest = rest.substr(rest.find(": ") + 2);
    return rest.substr(0, rest.find(' '));
}

/// Compares a batch of networks; fails with the smallest disagreeing one, shrunk as long as it
/// keeps a disagreement of the same kind.
/// `dense`, when given, holds denseReconcile of each network at `alpha` (computed once by the caller).
void compareBatch(const char* what, const std::vector<FlowNetwork>& networks, double tolerance,
                  double alpha = 0.05, const std::vector<DenseResult>* dense = nullptr) {
    Deviation worst;
    int failures = 0;
    const FlowNetwork* smallest = nullptr;
    for (std::size_t i = 0; i < networks.size(); ++i) {
        const FlowNetwork& net = networks[i];
        Deviation deviation;
        const auto problems =
            disagreements(net, tolerance, &deviation, alpha, dense ? &(*dense)[i] : nullptr);
        worst.merge(deviation);
        if (!problems.empty()) {
            ++failures;
            if (!smallest || net.edges.size() < smallest->edges.size())
                smallest = &net;
        }
    }
    qInfo("%s: %zu networks, worst relative difference: value %.3g, sigma² %.3g, z %.3g, global %.3g", what,
          networks.size(), worst.value, worst.sigma, worst.z, worst.global);
    if (smallest) {
        const std::string kind = category(disagreements(*smallest, tolerance, nullptr, alpha).front());
        // Shrinking costs a dense reconciliation per edge and round: small networks only.
        const FlowNetwork minimal =
            smallest->edges.size() > 200 ? *smallest : shrink(*smallest, [&](const FlowNetwork& n) {
                const auto problems = disagreements(n, tolerance, nullptr, alpha);
                return std::any_of(problems.begin(), problems.end(),
                                   [&](const std::string& p) { return category(p) == kind; });
            });
        QFAIL(qPrintable(QStringLiteral("%1 of %2 disagree; smallest:\n%3\n%4\nshrunk to:\n%5\n%6")
                             .arg(failures)
                             .arg(networks.size())
                             .arg(QString::fromStdString(describe(*smallest)),
                                  lines(disagreements(*smallest, tolerance, nullptr, alpha)),
                                  QString::fromStdString(describe(minimal)),
                                  lines(disagreements(minimal, tolerance, nullptr, alpha)))));
    }
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
    void exactFlowsAndContradictions();
    void otherSignificanceLevels();
    void largePlants();
    void wideRangePlants();
    void sigmaSpread_data();
    void sigmaSpread();
    void grossErrorsAgainstReference();
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
    std::vector<FlowNetwork> networks;
    std::vector<DenseResult> dense; // computed once: counted here, compared below
    std::size_t edges = 0, unobservable = 0, observable = 0, redundant = 0, exact = 0;
    for (std::uint64_t seed = 1; seed <= 1200; ++seed) {
        networks.push_back(randomPlant(seed).network);
        const FlowNetwork& net = networks.back();
        edges += net.edges.size();
        for (const NetworkEdge& e : net.edges)
            exact += e.measured && e.sigma == 0;
        dense.push_back(denseReconcile(net));
        for (const EdgeEstimate& e : dense.back().edges) {
            unobservable += e.status == FlowStatus::Unobservable;
            observable += e.status == FlowStatus::Observable;
            redundant += e.status == FlowStatus::Redundant;
        }
    }
    qInfo("engine vs dense: %zu random plants, %zu edges (%zu redundant, %zu observable, %zu unobservable, "
          "%zu exact)",
          networks.size(), edges, redundant, observable, unobservable, exact);
    compareBatch("random plants", networks, 1e-8, 0.05, &dense);
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

// Many flows known exactly; in every other plant the exact flows are all off by 1, which
// contradicts the balances wherever they do not cancel inside a group of adjustable flows.
void TestReference::exactFlowsAndContradictions() {
    std::vector<FlowNetwork> networks;
    int contradicting = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        PlantShape shape;
        shape.nodeCount = 3 + static_cast<int>(seed % 40);
        shape.exactShare = 0.5;
        shape.unmeasuredShare = 0.25;
        FlowNetwork net = generatePlant(seed + 10000, shape).network;
        if (seed % 2 == 0)
            for (NetworkEdge& e : net.edges)
                if (e.measured && e.sigma == 0)
                    e.measured = *e.measured + 1.0;
        contradicting += !denseReconcile(net).contradictions.empty();
        networks.push_back(std::move(net));
    }
    qInfo("%d of %zu plants with contradicting exact flows", contradicting, networks.size());
    QVERIFY(contradicting > 50);
    compareBatch("exact flows", networks, 1e-8);
}

void TestReference::otherSignificanceLevels() {
    std::vector<FlowNetwork> networks;
    for (std::uint64_t seed = 1; seed <= 100; ++seed)
        networks.push_back(randomPlant(seed + 20000).network);
    compareBatch("alpha 0.01", networks, 1e-8, 0.01);
    compareBatch("alpha 0.10", networks, 1e-8, 0.10);
}

// Plants of about a thousand streams, and a hub whose unmeasured intake is fixed by a cut of
// more measured flows than the engine keeps on its factor's pattern (its one-solve path).
void TestReference::largePlants() {
    std::vector<FlowNetwork> networks{largePlant(1, 1000).network, largePlant(2, 1200).network};
    for (int spokes : {20, 60, 120}) {
        FlowNetwork hub{spokes + 1, {{environment, 0, std::nullopt, 0}}};
        std::mt19937_64 rng(static_cast<std::uint64_t>(spokes));
        for (int i = 1; i <= spokes; ++i) {
            const double flow = 10.0 + i;
            hub.edges.push_back({0, i, flow + 0.1 * standardNormal(rng), 0.1});
            hub.edges.push_back({i, environment, flow + 0.1 * standardNormal(rng), 0.1});
            if (i > 1)
                hub.edges.push_back({i - 1, i, 5.0 + 0.05 * standardNormal(rng), 0.05});
        }
        networks.push_back(hub);
    }
    compareBatch("large plants and hubs", networks, 1e-8);
}

// Flows over four decades with σ from 0.5 % to 10 %: σ ratios up to 10⁵ within a plant.
void TestReference::wideRangePlants() {
    std::vector<FlowNetwork> networks;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        PlantShape shape;
        shape.nodeCount = 3 + static_cast<int>(seed % 50);
        shape.flowDecades = 4;
        shape.relativeSigmaMin = 0.005;
        shape.relativeSigmaMax = 0.10;
        networks.push_back(generatePlant(seed + 30000, shape).network);
    }
    compareBatch("flows over 4 decades", networks, 1e-8);
}

void TestReference::sigmaSpread_data() {
    QTest::addColumn<bool>("chain");
    QTest::addColumn<double>("ratio");
    for (bool chain : {true, false})
        for (int k = 0; k <= 12; ++k)
            QTest::addRow("%s, sigma ratio 1e%d", chain ? "chain" : "pair", k) << chain << std::pow(10.0, k);
}

// Hand-solvable networks with one uncertain measurement among precise ones, against their
// closed-form solution. chain: environment → 0 → 1 → environment measured 100 ± 1, 101 ± R,
// 99 ± 1, so all three flows are one value x̂ = Σ wᵢyᵢ / Σ wᵢ with wᵢ = 1/σᵢ², Var = 1/Σ wᵢ;
// pair: environment → 0 → environment measured 100 ± 1 and 101 ± R. The engine may decline
// (failure) but must not report other numbers.
void TestReference::sigmaSpread() {
    QFETCH(bool, chain);
    QFETCH(double, ratio);
    FlowNetwork net{chain ? 2 : 1, chain ? std::vector<NetworkEdge>{{environment, 0, 100.0, 1.0},
                                                                    {0, 1, 101.0, ratio},
                                                                    {1, environment, 99.0, 1.0}}
                                         : std::vector<NetworkEdge>{{environment, 0, 100.0, 1.0},
                                                                    {0, environment, 101.0, ratio}}};
    using LD = long double;
    const LD eps = 1.0L / (static_cast<LD>(ratio) * ratio); // weight of the uncertain one
    const LD weights = (chain ? 2 : 1) + eps;
    const LD xhat = (chain ? 100.0L + 99.0L + 101.0L * eps : 100.0L + 101.0L * eps) / weights;
    const LD variance = 1 / weights;
    LD statistic = 0;
    std::vector<double> z;
    for (const NetworkEdge& e : net.edges) {
        const LD s = e.sigma;
        statistic += (*e.measured - xhat) * (*e.measured - xhat) / (s * s);
        // σᵢ² − Var without cancellation: for σᵢ = 1, 1 − 1/W = (W − 1)/W.
        const LD adjustmentVariance = e.sigma == 1.0 ? ((chain ? 1 : 0) + eps) / weights : s * s - variance;
        z.push_back(static_cast<double>((*e.measured - xhat) / std::sqrt(adjustmentVariance)));
    }
    const ReconciliationResult got = engine(net);
    if (!got.failure.empty()) {
        qInfo("engine declines: %s", got.failure.c_str());
        return;
    }
    std::vector<std::string> problems;
    auto check = [&](const std::string& what, const std::optional<double>& a, double b) {
        if (!a)
            problems.push_back(what + " missing, expected " + std::to_string(b));
        else if (!(std::abs(*a - b) <= 1e-8 * std::max(std::abs(b), 1.0)))
            problems.push_back(what + " " + QString::number(*a, 'g', 12).toStdString() + ", expected " +
                               QString::number(b, 'g', 12).toStdString());
    };
    for (std::size_t k = 0; k < net.edges.size(); ++k) {
        const std::string edge = "edge " + std::to_string(k) + " ";
        check(edge + "value", got.edges[k].value, static_cast<double>(xhat));
        check(edge + "sigma", got.edges[k].sigma, static_cast<double>(std::sqrt(variance)));
        check(edge + "z", got.edges[k].z, z[k]);
    }
    check("statistic", got.global.statistic, static_cast<double>(statistic));
    // The dense reference on the same network, as a check of the reference itself (its error
    // grows like ratio · ε).
    if (ratio <= 1e6) {
        const DenseResult dense = denseReconcile(net);
        for (std::size_t k = 0; k < net.edges.size(); ++k) {
            QVERIFY(std::abs(*dense.edges[k].value - static_cast<double>(xhat)) <= 1e-10 * 100);
            QVERIFY(std::abs(*dense.edges[k].sigma - std::sqrt(static_cast<double>(variance))) <= 1e-8);
            QVERIFY(std::abs(*dense.edges[k].z - z[k]) <= 1e-8 * std::max(1.0, std::abs(z[k])));
        }
    }
    // Known to fail (reported): the engine's Cov(x̂) = Σ − Σ Gᵀ V⁻¹ G Σ and V itself lose accuracy
    // like ε · ratio⁴ (chain: σ of the uncertain flow 10 % off at ratio 10⁴, 0 at 10⁵, 11538
    // instead of 0.71 at 10⁶; wrong values and statistic without a failure at 10¹¹); pair: the
    // uncertain flow gets σ 0 from ratio 10⁸ and the precise one no z from 10⁷ (share < 10⁻¹⁴).
    const int decade = static_cast<int>(std::lround(std::log10(ratio)));
    if (chain ? (decade >= 3 && decade != 8 && decade != 9 && decade != 10 && decade != 12) : decade >= 4)
        QEXPECT_FAIL("", "engine loses accuracy at this sigma ratio (reported)", Continue);
    QVERIFY2(problems.empty(), qPrintable(lines(problems)));
}

// Serial elimination against the reference: the first hypothesis named is the one with the
// largest GLR statistic over all single hypotheses, and the final reconciliation is that of
// the plant with every found error removed.
void TestReference::grossErrorsAgainstReference() {
    int withErrors = 0, identityChecked = 0;
    Deviation worst;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        GeneratedNetwork plant = randomPlant(seed + 40000);
        FlowNetwork& net = plant.network;
        for (NetworkEdge& e : net.edges) // leaks need balances without exact-only groups
            if (e.measured && e.sigma == 0)
                e.sigma = 0.01 * std::abs(*e.measured) + 0.01;
        const DenseResult before = denseReconcile(net);
        if (seed % 3 != 0) { // a 10σ bias on some redundant meter
            std::vector<std::size_t> redundant;
            for (std::size_t k = 0; k < net.edges.size(); ++k)
                if (before.edges[k].status == FlowStatus::Redundant)
                    redundant.push_back(k);
            if (!redundant.empty()) {
                NetworkEdge& e = net.edges[redundant[seed % redundant.size()]];
                e.measured = *e.measured + 10 * e.sigma;
            }
        }
        const QString where = QStringLiteral("seed %1").arg(seed + 40000);
        SerialElimination elimination;
        try {
            elimination = eliminateGrossErrors(net);
        } catch (const std::exception& e) {
            QFAIL(qPrintable(where + QStringLiteral(": exception ") + QString::fromUtf8(e.what())));
        }
        QVERIFY2(nonFinite(elimination.final).empty(), qPrintable(where));
        const DenseResult initial = denseReconcile(net);
        QCOMPARE(elimination.found.empty(), initial.global.passed);
        if (elimination.found.empty())
            continue;
        ++withErrors;
        for (const GrossError& g : elimination.found)
            QVERIFY2(std::isfinite(g.estimate) && std::isfinite(g.statistic), qPrintable(where));

        // The first hypothesis: the reference's largest GLR statistic.
        std::vector<GrossError> hypotheses = denseHypotheses(net);
        QVERIFY2(!hypotheses.empty(), qPrintable(where));
        std::sort(hypotheses.begin(), hypotheses.end(),
                  [](const GrossError& a, const GrossError& b) { return a.statistic > b.statistic; });
        const GrossError& first = elimination.found.front();
        const GrossError& best = hypotheses.front();
        QVERIFY2(std::abs(first.statistic - best.statistic) <= 1e-8 * best.statistic,
                 qPrintable(where + QStringLiteral(": statistic %1, reference %2")
                                        .arg(first.statistic, 0, 'g', 12)
                                        .arg(best.statistic, 0, 'g', 12)));
        const bool tie = hypotheses.size() > 1 && hypotheses[1].statistic >= best.statistic * (1 - 1e-8);
        if (!tie) {
            ++identityChecked;
            QCOMPARE(first.kind, best.kind);
            if (best.kind == GrossError::Kind::MeterBias)
                QCOMPARE(first.edge, best.edge);
            else {
                std::vector<int> nodes = first.nodes;
                std::sort(nodes.begin(), nodes.end());
                QCOMPARE(nodes, best.nodes);
            }
            QVERIFY2(std::abs(first.estimate - best.estimate) <=
                         1e-6 * std::max(1.0, std::abs(best.estimate)),
                     qPrintable(where + QStringLiteral(": estimate %1, reference %2")
                                            .arg(first.estimate, 0, 'g', 12)
                                            .arg(best.estimate, 0, 'g', 12)));
        }

        // The final reconciliation: the plant with the found meters dropped and leaks added.
        FlowNetwork working = net;
        for (const GrossError& g : elimination.found) {
            if (g.kind == GrossError::Kind::MeterBias)
                working.edges[g.edge].measured.reset();
            else
                working.edges.push_back({g.nodes.front(), environment, std::nullopt, 0.0});
        }
        DenseResult expected = denseReconcile(working);
        expected.edges.resize(net.edges.size());
        Deviation deviation;
        const auto problems = compare(net, elimination.final, expected, 1e-8, &deviation);
        worst.merge(deviation);
        QVERIFY2(problems.empty(), qPrintable(where + QLatin1Char('\n') + lines(problems)));
        QCOMPARE(elimination.passed, elimination.final.global.passed);
    }
    qInfo("serial elimination: %d plants with errors found, first hypothesis identity checked on %d; final "
          "reconciliation worst relative difference value %.3g, z %.3g",
          withErrors, identityChecked, worst.value, worst.z);
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
    try {
        const SerialElimination elimination = eliminateGrossErrors(network);
        QVERIFY2(nonFinite(elimination.final).empty(), "serial elimination");
        for (const GrossError& g : elimination.found)
            QVERIFY(std::isfinite(g.estimate) && std::isfinite(g.statistic));
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    // σ 10⁻¹² next to 10¹⁰ at one node: an engine that forms V = G Σ Gᵀ loses σ² = 10⁻²⁴ next to
    // 10²⁰; declining with a failure message is then acceptable (as in sigmaSpread), other
    // numbers are not.
    if (!got->failure.empty() && tag.contains("sigma 1e-12")) {
        qInfo("engine declines: %s", got->failure.c_str());
        return;
    }
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
