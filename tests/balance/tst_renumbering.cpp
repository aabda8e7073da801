// The engine renumbers every network for the cache (core/balance/renumbering.h) and maps its
// results back. Checked here: the renumbering is a pair of inverse permutations that carries every
// edge with its ends and measurement; the same plant given in another order reconciles to the same
// results (mapped); and the choices that show in the results are made in the caller's order.

#include "balance/reconciliation.h"
#include "balance/renumbering.h"
#include "compare.h"
#include "random_networks.h"

#include <QtTest>
#include <algorithm>
#include <numeric>

using namespace shuiheng::balance;
using namespace shuiheng::balance::test;

namespace {

/// The network with its nodes and edges in a random order; `edgeOf[k]` is the given edge at k.
FlowNetwork shuffled(const FlowNetwork& net, std::mt19937_64& rng, std::vector<std::size_t>& edgeOf) {
    std::vector<int> node(static_cast<std::size_t>(net.nodeCount));
    std::iota(node.begin(), node.end(), 0);
    std::shuffle(node.begin(), node.end(), rng);
    edgeOf.resize(net.edges.size());
    std::iota(edgeOf.begin(), edgeOf.end(), std::size_t{0});
    std::shuffle(edgeOf.begin(), edgeOf.end(), rng);
    FlowNetwork out;
    out.nodeCount = net.nodeCount;
    for (std::size_t i : edgeOf) {
        NetworkEdge e = net.edges[i];
        if (e.from != environment)
            e.from = node[static_cast<std::size_t>(e.from)];
        if (e.to != environment)
            e.to = node[static_cast<std::size_t>(e.to)];
        out.edges.push_back(e);
    }
    return out;
}

} // namespace

class TestRenumbering : public QObject {
    Q_OBJECT

private slots:
    void renumberingIsAPermutationOfNodesAndEdges() {
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            const FlowNetwork net = randomPlant(seed).network;
            const Renumbering r = renumberForLocality(net);
            const auto n = static_cast<std::size_t>(net.nodeCount);
            QCOMPARE(r.localNode.size(), n + 1);
            QCOMPARE(r.originalNode.size(), n + 1);
            QCOMPARE(r.localNode[n], net.nodeCount); // the environment stays last
            for (std::size_t v = 0; v <= n; ++v)
                QCOMPARE(r.originalNode[static_cast<std::size_t>(r.localNode[v])], static_cast<int>(v));
            QCOMPARE(r.network.edges.size(), net.edges.size());
            for (std::size_t i = 0; i < net.edges.size(); ++i) {
                QCOMPARE(std::size_t{r.originalEdge[r.localEdge[i]]}, i);
                const NetworkEdge& given = net.edges[i];
                const NetworkEdge& local = r.network.edges[r.localEdge[i]];
                auto mapped = [&](int v) {
                    return v == environment ? environment : r.localNode[std::size_t(v)];
                };
                QCOMPARE(local.from, mapped(given.from));
                QCOMPARE(local.to, mapped(given.to));
                QCOMPARE(local.measured, given.measured);
                QCOMPARE(local.sigma, given.sigma);
            }
        }
    }

    void anotherOrderGivesTheSameResults() {
        std::mt19937_64 rng(11);
        int compared = 0;
        for (std::uint64_t seed = 1; seed <= 60; ++seed) {
            const FlowNetwork net = randomPlant(seed).network;
            std::vector<std::size_t> edgeOf;
            const FlowNetwork other = shuffled(net, rng, edgeOf);
            const ReconciliationResult expected = reconcile(net);
            ReconciliationResult got = reconcile(other);
            if (!expected.failure.empty())
                continue;
            // Back to the given order, edges and the edge numbers in the loop blocks.
            std::vector<EdgeEstimate> edges(got.edges.size());
            for (std::size_t k = 0; k < edgeOf.size(); ++k)
                edges[edgeOf[k]] = got.edges[k];
            got.edges = edges;
            const auto problems = compare(net, got, expected, 1e-9);
            QVERIFY2(problems.empty(),
                     qPrintable(QStringLiteral("seed %1: %2")
                                    .arg(seed)
                                    .arg(QString::fromStdString(problems.empty() ? "" : problems.front()))));
            QCOMPARE(got.balances.size(), expected.balances.size());
            QCOMPARE(got.loopBlocks.size(), expected.loopBlocks.size());
            for (std::size_t k = 0; k < net.edges.size(); ++k)
                QCOMPARE(got.toObserve(k).size(), expected.toObserve(k).size());
            ++compared;
        }
        QVERIFY(compared >= 50);
    }

    void choicesFollowTheCallersOrder() {
        // Rows are numbered, and one balance per class dropped, in the caller's node order; loop blocks
        // take their chords in the caller's edge order: each balance lists its nodes ascending and
        // each block's chords ascend (mapped back from a local choice, they would not).
        for (std::uint64_t seed = 1; seed <= 60; ++seed) {
            const FlowNetwork net = randomPlant(seed).network;
            const ReconciliationResult r = reconcile(net);
            for (const BalanceTest& b : r.balances)
                QVERIFY(std::is_sorted(b.nodes.begin(), b.nodes.end()));
            for (const auto& block : r.loopBlocks)
                QVERIFY(std::is_sorted(block.begin(), block.end()));
        }
    }
};

QTEST_GUILESS_MAIN(TestRenumbering)
#include "tst_renumbering.moc"
