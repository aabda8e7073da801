#include "balance/elimination.h"

#include "balance/renumbering.h"
#include "balance/union_find.h"

#include <algorithm>
#include <cstdint>
#include <span>

namespace shuiheng::balance {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

/// An unmeasured edge between two different vertices (internal nodes, or blocks): `a` is the
/// vertex of its `from` end, `b` of its `to` end.
struct Link {
    int a;
    int b;
    std::uint32_t edge;
};

/// Undirected adjacency in two flat arrays (compressed rows): on a plant of 100,000 streams a
/// vector per node scatters the graph over the heap, and the searches wait on the cache.
class Adjacency {
public:
    struct Entry {
        int other;
        std::uint32_t edge : 31;
        std::uint32_t forward : 1; ///< `other` is the link's `b`, its `to` end
    };

    Adjacency(int n, std::span<const Link> links)
        : start_(at(n) + 1, 0)
        , entries_(2 * links.size()) {
        for (const Link& link : links) {
            ++start_[at(link.a) + 1];
            ++start_[at(link.b) + 1];
        }
        for (std::size_t v = 1; v < start_.size(); ++v)
            start_[v] += start_[v - 1];
        std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
        for (const Link& link : links) {
            entries_[next[at(link.a)]++] = {link.b, link.edge, 1};
            entries_[next[at(link.b)]++] = {link.a, link.edge, 0};
        }
    }
    std::span<const Entry> of(int v) const {
        return {entries_.data() + start_[at(v)], start_[at(v) + 1] - start_[at(v)]};
    }

private:
    std::vector<std::uint32_t> start_;
    std::vector<Entry> entries_;
};

/// Bridges of the multigraph of unmeasured edges (self-loops excluded) on n vertices, as a flag
/// per edge of the m; an iterative Tarjan low-link search that tells parallel edges apart by their ids.
std::vector<bool> findBridges(int n, std::size_t m, std::span<const Link> links) {
    const Adjacency adjacent(n, links);
    std::vector<bool> bridge(m, false);
    std::vector<int> order(at(n), -1), low(at(n), 0);
    constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    struct Frame {
        int node;
        std::uint32_t viaEdge;
        std::uint32_t next;
    };
    std::vector<Frame> stack;
    int counter = 0;
    for (int start = 0; start < n; ++start) {
        if (order[at(start)] >= 0 || adjacent.of(start).empty())
            continue;
        stack.assign(1, {start, none, 0});
        order[at(start)] = low[at(start)] = counter++;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (const auto around = adjacent.of(f.node); f.next < around.size()) {
                const Adjacency::Entry link = around[f.next++];
                if (link.edge == f.viaEdge)
                    continue;
                if (order[at(link.other)] < 0) {
                    order[at(link.other)] = low[at(link.other)] = counter++;
                    stack.push_back({link.other, link.edge, 0});
                } else {
                    low[at(f.node)] = std::min(low[at(f.node)], order[at(link.other)]);
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

/// Renumbers the rows, numbered so far in the caller's order (Elimination::rowsInCallerOrder keeps
/// that order), in the order the nodes reach them. At 147,000 streams the rows in the caller's order
/// put the per-row values of consecutive edges anywhere in arrays of 200 KB each; in this order the
/// reconciliation takes about 6 % less time.
void numberRowsLocally(Elimination& e) {
    std::vector<int>& local = e.rowsInCallerOrder; // per row in the caller's order: its local row
    local.assign(at(e.rowCount), -1);
    int next = 0;
    for (int v = 0; v < e.internalNodes; ++v)
        if (const int r = e.row[at(e.reducedNode[at(v)])]; r >= 0 && local[at(r)] < 0)
            local[at(r)] = next++;
    for (int& r : e.row)
        if (r >= 0)
            r = local[at(r)];
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
    // e.rows holds the reduced nodes of the edges' ends until the rows are numbered.
    UnionFind tied(e.reducedCount);
    for (std::size_t i = 0; i < m; ++i) {
        const int a = e.reducedNode[at(e.internal(net.edges[i].from))];
        const int b = e.reducedNode[at(e.internal(net.edges[i].to))];
        e.rows[i] = {b, a};
        e.crossing[i] = e.measured[i] && a != b;
        if (e.crossing[i] && !e.exact[i])
            tied.unite(a, b);
    }
    int classCount = 0;
    const std::vector<int> cls = tied.labels(classCount);
    const int envClass = cls[at(e.environmentReduced)];
    // The members of each class, ascending, in one array (counted, then placed).
    std::vector<int> memberStart(at(classCount) + 1, 0), members(at(e.reducedCount));
    for (int r = 0; r < e.reducedCount; ++r)
        ++memberStart[at(cls[at(r)]) + 1];
    for (std::size_t c = 1; c < memberStart.size(); ++c)
        memberStart[c] += memberStart[c - 1];
    {
        std::vector<int> next(memberStart.begin(), memberStart.end() - 1);
        for (int r = 0; r < e.reducedCount; ++r)
            members[at(next[at(cls[at(r)])]++)] = r;
    }
    e.row.assign(at(e.reducedCount), -1);
    e.rowCount = 0;
    for (int c = 0; c < classCount; ++c) {
        const std::span<const int> group(members.data() + memberStart[at(c)],
                                         at(memberStart[at(c) + 1] - memberStart[at(c)]));
        for (std::size_t k = 0; k < group.size(); ++k) {
            const int r = group[k];
            if (r == e.environmentReduced || (c != envClass && k == 0))
                continue;
            e.row[at(r)] = e.rowCount++;
        }
        if (c != envClass)
            e.droppedGroups.emplace_back(group.begin(), group.end());
    }
    numberRowsLocally(e);
    for (EdgeRows& ends : e.rows)
        ends = {e.row[at(ends.head)], e.row[at(ends.tail)]};
}

/// Observability of unmeasured flows: bridges are determined by the cut they bridge; the other
/// unmeasured flows lie on loops, and measuring the chords of each loop block determines it.
void classifyUnmeasured(const FlowNetwork& net, Elimination& e, const Renumbering* order) {
    const std::size_t m = net.edges.size();
    const int n = e.internalNodes;
    // In the caller's edge order: the spanning forest of the loop blocks (their chords) and the
    // numbering of the blocks are chosen in it. So this pass reads the caller's network front to
    // back (reading the local one in that order would wait on memory at every edge).
    const FlowNetwork& given = order ? *order->given : net;
    auto internalNode = [&](int node) { // local internal number of a node of `given`
        const int v = e.internal(node);
        return order ? order->localNode[at(v)] : v;
    };
    std::vector<Link> unmeasured; // reserved at its size: no copies and fresh pages as it grows
    unmeasured.reserve(m - static_cast<std::size_t>(std::count(e.measured.begin(), e.measured.end(), true)));
    for (std::size_t k = 0; k < m; ++k) {
        const NetworkEdge& edge = given.edges[k];
        if (edge.measured)
            continue;
        const std::uint32_t i = order ? order->localEdge[k] : static_cast<std::uint32_t>(k);
        if (edge.from == edge.to) {
            e.loopBlock[i] = static_cast<int>(e.loopBlocks.size());
            e.loopBlocks.push_back({i}); // a lone circulation: only its own meter tells it
        } else {
            unmeasured.push_back({internalNode(edge.from), internalNode(edge.to), i});
        }
    }
    // Which edges are bridges, and the tree they form, do not depend on the order the edges are
    // taken in: both are built from the same edges in the local order, in which their ends lie near.
    std::vector<Link> local;
    local.reserve(unmeasured.size());
    for (std::size_t i = 0; i < m; ++i)
        if (!e.measured[i] && net.edges[i].from != net.edges[i].to)
            local.push_back(
                {e.internal(net.edges[i].from), e.internal(net.edges[i].to), static_cast<std::uint32_t>(i)});
    const std::vector<bool> bridge = findBridges(n, m, local);

    // Blocks: nodes joined by non-bridge unmeasured edges; chords from a spanning forest.
    UnionFind block(n);
    std::vector<Link> loopEdges;
    loopEdges.reserve(unmeasured.size());
    std::vector<std::uint32_t> chords; // loop edges that close a cycle of the spanning forest
    for (const Link& link : unmeasured) {
        if (bridge[link.edge])
            continue;
        loopEdges.push_back(link);
        if (!block.unite(link.a, link.b))
            chords.push_back(link.edge);
    }
    std::vector<int> blockIndex(at(n), -1); // block root → index into loopBlocks
    for (const Link& link : loopEdges) {
        int& index = blockIndex[at(block.find(link.a))];
        if (index < 0) {
            index = static_cast<int>(e.loopBlocks.size());
            e.loopBlocks.emplace_back();
        }
        e.loopBlock[link.edge] = index;
    }
    for (std::uint32_t i : chords)
        e.loopBlocks[static_cast<std::size_t>(e.loopBlock[i])].push_back(i);

    // The bridge tree: blocks joined by bridges, rooted at the environment's block where there is
    // one (so the cut-off side of a bridge never holds the environment), else at the first block met.
    std::vector<int> blockOf(at(n));
    for (int v = 0; v < n; ++v)
        blockOf[at(v)] = block.find(v);
    std::vector<Link> bridges;
    bridges.reserve(local.size());
    for (const Link& link : local)
        if (bridge[link.edge])
            bridges.push_back({blockOf[at(link.a)], blockOf[at(link.b)], link.edge});
    const Adjacency tree(n, bridges);
    constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    std::vector<int> parent(at(n), -1), depth(at(n), -1); // depth −1: a block no bridge touches
    std::vector<std::uint32_t> parentBridge(at(n), none);
    std::vector<int> stack;
    auto growTree = [&](int root) {
        depth[at(root)] = 0;
        stack.assign(1, root);
        while (!stack.empty()) {
            const int b = stack.back();
            stack.pop_back();
            for (const Adjacency::Entry link : tree.of(b)) {
                if (depth[at(link.other)] >= 0)
                    continue;
                depth[at(link.other)] = depth[at(b)] + 1;
                parent[at(link.other)] = b;
                parentBridge[at(link.other)] = link.edge;
                stack.push_back(link.other);
                e.observable[link.edge] = true;
                // Into the cut-off side (the new block's subtree): u + inflow = 0; out of it: u = inflow.
                e.cutSign[link.edge] = link.forward ? -1 : 1;
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
            const auto edge = static_cast<std::uint32_t>(i);
            int tail = blockOf[at(e.internal(net.edges[i].from))];
            int head = blockOf[at(e.internal(net.edges[i].to))];
            while (tail != head) {
                if (depth[at(tail)] > 0 && depth[at(tail)] >= depth[at(head)]) {
                    crossing(parentBridge[at(tail)], CutTerm{edge, -1});
                    tail = parent[at(tail)];
                } else if (depth[at(head)] > 0) {
                    crossing(parentBridge[at(head)], CutTerm{edge, 1});
                    head = parent[at(head)];
                } else if (depth[at(tail)] > 0) {
                    crossing(parentBridge[at(tail)], CutTerm{edge, -1});
                    tail = parent[at(tail)];
                } else {
                    break; // both at a root (of different trees) or in no tree
                }
            }
        }
    };
    e.cutStart.assign(m + 1, 0);
    walkPaths([&](std::uint32_t bridge, CutTerm) { ++e.cutStart[bridge + 1]; });
    for (std::size_t i = 1; i <= m; ++i)
        e.cutStart[i] += e.cutStart[i - 1];
    e.cutTerms.resize(e.cutStart[m]);
    std::vector<std::uint32_t> next(e.cutStart.begin(), e.cutStart.end() - 1);
    walkPaths([&](std::uint32_t bridge, CutTerm term) { e.cutTerms[next[bridge]++] = term; });
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
    e.rows.resize(m);
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
