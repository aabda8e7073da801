#include "balance/elimination.h"

#include "balance/union_find.h"

#include <algorithm>
#include <unordered_map>

namespace shuiheng::balance {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

/// Bridges of the multigraph of unmeasured edges (self-loops excluded), by an iterative
/// Tarjan low-link search that tells parallel edges apart by their ids.
std::vector<bool> findBridges(const FlowNetwork& net, const Elimination& e,
                              const std::vector<std::size_t>& edges) {
    const int n = e.internalNodes;
    std::vector<std::vector<std::pair<int, std::size_t>>> adjacent(at(n));
    for (std::size_t id : edges) {
        const int a = e.internal(net.edges[id].from);
        const int b = e.internal(net.edges[id].to);
        adjacent[at(a)].push_back({b, id});
        adjacent[at(b)].push_back({a, id});
    }
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
        if (order[at(start)] >= 0 || adjacent[at(start)].empty())
            continue;
        std::vector<Frame> stack{{start, none, 0}};
        order[at(start)] = low[at(start)] = counter++;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next < adjacent[at(f.node)].size()) {
                const auto [to, id] = adjacent[at(f.node)][f.next++];
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
void buildReducedSystem(const FlowNetwork& net, Elimination& e) {
    const std::size_t m = net.edges.size();
    UnionFind merged(e.internalNodes);
    for (std::size_t i = 0; i < m; ++i)
        if (!e.measured[i])
            merged.unite(e.internal(net.edges[i].from), e.internal(net.edges[i].to));
    e.reducedNode = merged.labels(e.reducedCount);
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
void classifyUnmeasured(const FlowNetwork& net, Elimination& e) {
    const std::size_t m = net.edges.size();
    std::vector<std::size_t> unmeasured;
    for (std::size_t i = 0; i < m; ++i) {
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

    // The bridge tree of each reduced node: blocks joined by bridges, rooted at the environment's
    // block where there is one, so the cut-off side of a bridge never holds the environment.
    std::vector<std::vector<std::pair<int, std::size_t>>> tree(at(e.internalNodes));
    for (std::size_t i : unmeasured) {
        if (!bridge[i])
            continue;
        const int a = block.find(e.internal(net.edges[i].from));
        const int b = block.find(e.internal(net.edges[i].to));
        tree[at(a)].push_back({b, i});
        tree[at(b)].push_back({a, i});
    }
    std::vector<std::vector<int>> nodesOfBlock(at(e.internalNodes));
    for (int v = 0; v < e.internalNodes; ++v)
        nodesOfBlock[at(block.find(v))].push_back(v);

    // Cut vector of a block's own nodes: Σ over its nodes of (measured in − measured out).
    std::vector<std::vector<std::size_t>> measuredAt(at(e.internalNodes));
    for (std::size_t i = 0; i < m; ++i)
        if (e.measured[i] && net.edges[i].from != net.edges[i].to) {
            measuredAt[at(e.internal(net.edges[i].from))].push_back(i);
            measuredAt[at(e.internal(net.edges[i].to))].push_back(i);
        }

    std::vector<bool> visited(at(e.internalNodes), false);
    std::vector<std::unordered_map<std::size_t, int>> cutOf(at(e.internalNodes));
    auto processTree = [&](int root) {
        // Iterative DFS for the order, then post-order accumulation of cut vectors.
        std::vector<std::pair<int, std::size_t>> order; // (block, bridge to parent)
        std::vector<std::pair<int, std::size_t>> stack{{root, static_cast<std::size_t>(-1)}};
        visited[at(root)] = true;
        while (!stack.empty()) {
            const auto current = stack.back();
            stack.pop_back();
            order.push_back(current);
            for (const auto& [next, via] : tree[at(current.first)])
                if (!visited[at(next)]) {
                    visited[at(next)] = true;
                    stack.push_back({next, via});
                }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const auto [b, via] = *it;
            auto& own = cutOf[at(b)];
            for (int v : nodesOfBlock[at(b)])
                for (std::size_t i : measuredAt[at(v)]) {
                    const int sign = e.internal(net.edges[i].to) == v ? 1 : -1;
                    if ((own[i] += sign) == 0)
                        own.erase(i);
                }
            if (via == static_cast<std::size_t>(-1))
                continue;
            auto& terms = e.cut[via];
            for (const auto& [edge, sign] : own)
                terms.push_back({edge, sign});
            std::sort(terms.begin(), terms.end(),
                      [](const CutTerm& x, const CutTerm& y) { return x.edge < y.edge; });
            e.observable[via] = true;
            // Into the cut-off side: u + inflow = 0; out of it: u = inflow.
            e.cutSign[via] = block.find(e.internal(net.edges[via].to)) == b ? -1 : 1;
            // Hand the subtree's cut to the parent (small into large).
            const int parent = block.find(e.internal(net.edges[via].from)) == b
                                   ? block.find(e.internal(net.edges[via].to))
                                   : block.find(e.internal(net.edges[via].from));
            auto& up = cutOf[at(parent)];
            if (up.size() < own.size())
                std::swap(up, own);
            for (const auto& [edge, sign] : own)
                if ((up[edge] += sign) == 0)
                    up.erase(edge);
            own.clear();
        }
    };
    const int envBlock = block.find(e.internalNodes - 1);
    processTree(envBlock);
    for (int v = 0; v < e.internalNodes; ++v) {
        const int b = block.find(v);
        if (!visited[at(b)] && !tree[at(b)].empty())
            processTree(b);
    }
}

} // namespace

Elimination eliminate(const FlowNetwork& net) {
    Elimination e;
    const std::size_t m = net.edges.size();
    e.internalNodes = net.nodeCount + 1;
    e.measured.resize(m);
    e.exact.resize(m);
    e.crossing.assign(m, false);
    e.observable.assign(m, false);
    e.cutSign.assign(m, 0);
    e.cut.assign(m, {});
    e.loopBlock.assign(m, -1);
    for (std::size_t i = 0; i < m; ++i) {
        e.measured[i] = net.edges[i].measured.has_value();
        e.exact[i] = e.measured[i] && net.edges[i].sigma == 0;
    }
    buildReducedSystem(net, e);
    classifyUnmeasured(net, e);
    return e;
}

} // namespace shuiheng::balance
