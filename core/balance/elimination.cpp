#include "balance/elimination.h"

#include "balance/renumbering.h"
#include "balance/union_find.h"

#include <algorithm>
#include <span>
#include <tuple>
#include <unordered_map>

namespace shuiheng::balance {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

/// Undirected adjacency in two flat arrays (compressed rows): on a plant of 100,000 streams a
/// vector per node scatters the graph over the heap, and the searches wait on the cache.
class Adjacency {
public:
    /// `links`: (a, b, edge id) for each undirected link between vertices 0..n-1.
    Adjacency(int n, const std::vector<std::tuple<int, int, std::size_t>>& links)
        : start_(at(n) + 1, 0)
        , entries_(2 * links.size()) {
        for (const auto& [a, b, id] : links) {
            ++start_[at(a) + 1];
            ++start_[at(b) + 1];
        }
        for (std::size_t v = 1; v < start_.size(); ++v)
            start_[v] += start_[v - 1];
        std::vector<std::size_t> next(start_.begin(), start_.end() - 1);
        for (const auto& [a, b, id] : links) {
            entries_[next[at(a)]++] = {b, id};
            entries_[next[at(b)]++] = {a, id};
        }
    }
    /// The (neighbour, edge id) pairs of vertex v.
    std::span<const std::pair<int, std::size_t>> of(int v) const {
        return {entries_.data() + start_[at(v)], start_[at(v) + 1] - start_[at(v)]};
    }

private:
    std::vector<std::size_t> start_;
    std::vector<std::pair<int, std::size_t>> entries_;
};

/// Bridges of the multigraph of unmeasured edges (self-loops excluded), by an iterative
/// Tarjan low-link search that tells parallel edges apart by their ids.
std::vector<bool> findBridges(const FlowNetwork& net, const Elimination& e,
                              const std::vector<std::size_t>& edges) {
    const int n = e.internalNodes;
    std::vector<std::tuple<int, int, std::size_t>> links;
    links.reserve(edges.size());
    for (std::size_t id : edges)
        links.emplace_back(e.internal(net.edges[id].from), e.internal(net.edges[id].to), id);
    const Adjacency adjacent(n, links);
    std::vector<bool> bridge(net.edges.size(), false);
    std::vector<int> order(at(n), -1), low(at(n), 0);
    struct Frame {
        int node;
        std::size_t viaEdge;
        std::size_t next;
    };
    int counter = 0;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    for (int start = 0; start < n; ++start) {
        if (order[at(start)] >= 0 || adjacent.of(start).empty())
            continue;
        std::vector<Frame> stack{{start, none, 0}};
        order[at(start)] = low[at(start)] = counter++;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (const auto around = adjacent.of(f.node); f.next < around.size()) {
                const auto [to, id] = around[f.next++];
                if (id == f.viaEdge)
                    continue;
                if (order[at(to)] < 0) {
                    order[at(to)] = low[at(to)] = counter++;
                    stack.push_back({to, id, 0});
                } else {
                    low[at(f.node)] = std::min(low[at(f.node)], order[at(to)]);
                }
                continue;
            }
            const Frame done = f;
            stack.pop_back();
            if (!stack.empty()) {
                Frame& parent = stack.back();
                low[at(parent.node)] = std::min(low[at(parent.node)], low[at(done.node)]);
                if (low[at(done.node)] > order[at(parent.node)])
                    bridge[done.viaEdge] = true;
            }
        }
    }
    return bridge;
}

/// Groups unmeasured flows into reduced nodes and numbers the independent reduced balances.
void buildReducedSystem(const FlowNetwork& net, Elimination& e, const Renumbering* order) {
    const std::size_t m = net.edges.size();
    UnionFind merged(e.internalNodes);
    for (std::size_t i = 0; i < m; ++i)
        if (!e.measured[i])
            merged.unite(e.internal(net.edges[i].from), e.internal(net.edges[i].to));
    // Labelled in the caller's node order: the rows follow, and so does the balance dropped per class.
    e.reducedNode = merged.labels(e.reducedCount, order ? &order->localNode : nullptr);
    e.environmentReduced = e.reducedNode[at(e.internalNodes - 1)];

    // Reduced nodes tied together by uncertain measured flows; in a class without the
    // environment one balance follows from the others, so one row is dropped — and what that
    // dropped balance says about the exact flows must hold (else: a contradiction).
    UnionFind tied(e.reducedCount);
    for (std::size_t i = 0; i < m; ++i) {
        const int a = e.reducedNode[at(e.internal(net.edges[i].from))];
        const int b = e.reducedNode[at(e.internal(net.edges[i].to))];
        e.crossing[i] = e.measured[i] && a != b;
        if (e.crossing[i] && !e.exact[i])
            tied.unite(a, b);
    }
    int classCount = 0;
    const std::vector<int> cls = tied.labels(classCount);
    const int envClass = cls[at(e.environmentReduced)];
    std::vector<std::vector<int>> members(at(classCount));
    for (int r = 0; r < e.reducedCount; ++r)
        members[at(cls[at(r)])].push_back(r);
    e.row.assign(at(e.reducedCount), -1);
    e.rowCount = 0;
    for (int c = 0; c < classCount; ++c) {
        const auto& group = members[at(c)];
        for (std::size_t k = 0; k < group.size(); ++k) {
            const int r = group[k];
            if (r == e.environmentReduced || (c != envClass && k == 0))
                continue;
            e.row[at(r)] = e.rowCount++;
        }
        if (c != envClass)
            e.droppedGroups.push_back(group);
    }
}

/// Observability of unmeasured flows: bridges are determined by the cut they bridge; the other
/// unmeasured flows lie on loops, and measuring the chords of each loop block determines it.
void classifyUnmeasured(const FlowNetwork& net, Elimination& e, const Renumbering* order) {
    const std::size_t m = net.edges.size();
    // In the caller's edge order: the spanning forest of the loop blocks (their chords) and the
    // numbering of the blocks are chosen in it.
    std::vector<std::size_t> unmeasured;
    for (std::size_t k = 0; k < m; ++k) {
        const std::size_t i = order ? order->localEdge[k] : k;
        if (e.measured[i])
            continue;
        if (net.edges[i].from == net.edges[i].to) {
            e.loopBlock[i] = static_cast<int>(e.loopBlocks.size());
            e.loopBlocks.push_back({i}); // a lone circulation: only its own meter tells it
        } else {
            unmeasured.push_back(i);
        }
    }
    const std::vector<bool> bridge = findBridges(net, e, unmeasured);

    // Blocks: nodes joined by non-bridge unmeasured edges; chords from a spanning forest.
    UnionFind block(e.internalNodes);
    std::vector<std::size_t> loopEdges;
    std::vector<std::size_t> chords; // loop edges that close a cycle of the spanning forest
    for (std::size_t i : unmeasured) {
        if (bridge[i])
            continue;
        loopEdges.push_back(i);
        if (!block.unite(e.internal(net.edges[i].from), e.internal(net.edges[i].to)))
            chords.push_back(i);
    }
    std::unordered_map<int, int> blockIndex; // block root → index into loopBlocks
    auto loopBlockOf = [&](std::size_t i) {
        const auto [it, added] = blockIndex.try_emplace(block.find(e.internal(net.edges[i].from)),
                                                        static_cast<int>(e.loopBlocks.size()));
        if (added)
            e.loopBlocks.emplace_back();
        return it->second;
    };
    for (std::size_t i : loopEdges)
        e.loopBlock[i] = loopBlockOf(i);
    for (std::size_t i : chords)
        e.loopBlocks[static_cast<std::size_t>(e.loopBlock[i])].push_back(i);

    // The bridge tree: blocks joined by bridges, rooted at the environment's block where there is
    // one (so the cut-off side of a bridge never holds the environment), else at the first block met.
    const int n = e.internalNodes;
    std::vector<int> blockOf(at(n));
    for (int v = 0; v < n; ++v)
        blockOf[at(v)] = block.find(v);
    std::vector<std::tuple<int, int, std::size_t>> bridges;
    for (std::size_t i : unmeasured)
        if (bridge[i])
            bridges.emplace_back(blockOf[at(e.internal(net.edges[i].from))],
                                 blockOf[at(e.internal(net.edges[i].to))], i);
    const Adjacency tree(n, bridges);
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<int> parent(at(n), -1), depth(at(n), -1); // depth −1: a block no bridge touches
    std::vector<std::size_t> parentBridge(at(n), none);
    std::vector<int> stack;
    auto growTree = [&](int root) {
        depth[at(root)] = 0;
        stack.assign(1, root);
        while (!stack.empty()) {
            const int b = stack.back();
            stack.pop_back();
            for (const auto& [next, via] : tree.of(b)) {
                if (depth[at(next)] >= 0)
                    continue;
                depth[at(next)] = depth[at(b)] + 1;
                parent[at(next)] = b;
                parentBridge[at(next)] = via;
                stack.push_back(next);
                e.observable[via] = true;
                // Into the cut-off side (next's subtree): u + inflow = 0; out of it: u = inflow.
                e.cutSign[via] = blockOf[at(e.internal(net.edges[via].to))] == next ? -1 : 1;
            }
        }
    };
    growTree(blockOf[at(n - 1)]);
    for (int k = 0; k < n; ++k) {
        const int b = blockOf[at(order ? order->localNode[at(k)] : k)];
        if (depth[at(b)] < 0 && !tree.of(b).empty())
            growTree(b);
    }

    // A measured edge crosses exactly the bridges on the tree path between its ends' blocks (each up
    // to its root when the ends lie in different trees): it enters the cut-off side of those on its
    // head's side (+1) and leaves those on its tail's side (−1). So the cuts cost as much as their
    // terms, and taking the edges in order leaves every cut sorted by edge.
    // Two walks: the first counts each cut's terms, the second puts them in place (one array for all
    // cuts: a vector per edge cost an allocation per observable flow and scattered them over the heap).
    auto walkPaths = [&](auto&& crossing) {
        for (std::size_t i = 0; i < m; ++i) {
            if (!e.measured[i] || net.edges[i].from == net.edges[i].to)
                continue;
            int tail = blockOf[at(e.internal(net.edges[i].from))];
            int head = blockOf[at(e.internal(net.edges[i].to))];
            while (tail != head) {
                if (depth[at(tail)] > 0 && depth[at(tail)] >= depth[at(head)]) {
                    crossing(parentBridge[at(tail)], CutTerm{i, -1});
                    tail = parent[at(tail)];
                } else if (depth[at(head)] > 0) {
                    crossing(parentBridge[at(head)], CutTerm{i, 1});
                    head = parent[at(head)];
                } else if (depth[at(tail)] > 0) {
                    crossing(parentBridge[at(tail)], CutTerm{i, -1});
                    tail = parent[at(tail)];
                } else {
                    break; // both at a root (of different trees) or in no tree
                }
            }
        }
    };
    e.cutStart.assign(m + 1, 0);
    walkPaths([&](std::size_t bridge, CutTerm) { ++e.cutStart[bridge + 1]; });
    for (std::size_t i = 1; i <= m; ++i)
        e.cutStart[i] += e.cutStart[i - 1];
    e.cutTerms.resize(e.cutStart[m]);
    std::vector<std::size_t> next(e.cutStart.begin(), e.cutStart.end() - 1);
    walkPaths([&](std::size_t bridge, CutTerm term) { e.cutTerms[next[bridge]++] = term; });
}

} // namespace

Elimination eliminate(const FlowNetwork& net, const Renumbering* order) {
    Elimination e;
    const std::size_t m = net.edges.size();
    e.internalNodes = net.nodeCount + 1;
    e.measured.resize(m);
    e.exact.resize(m);
    e.crossing.assign(m, false);
    e.observable.assign(m, false);
    e.cutSign.assign(m, 0);
    e.loopBlock.assign(m, -1);
    for (std::size_t i = 0; i < m; ++i) {
        e.measured[i] = net.edges[i].measured.has_value();
        e.exact[i] = e.measured[i] && net.edges[i].sigma == 0;
    }
    buildReducedSystem(net, e, order);
    classifyUnmeasured(net, e, order);
    return e;
}

} // namespace shuiheng::balance
