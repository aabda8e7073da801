#include "balance/renumbering.h"

#include "balance/huge_pages.h"

#include <cstdint>

namespace shuiheng::balance {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

} // namespace

Renumbering renumberForLocality(const FlowNetwork& net) {
    const int n = net.nodeCount;
    const std::size_t m = net.edges.size();
    // Per node its edges and their other ends, in two flat arrays: the search then reads only these
    // and two small arrays of marks, never the edges themselves (each a cache miss at 100,000).
    struct Link {
        int other;          // the other end, or environment
        std::uint32_t edge; // 8 bytes a link: half the memory to wait for
    };
    // A circulation loop is linked once (at its node), an edge to or from the environment once (at
    // its unit), any other edge at both ends; edges with the environment at both ends not at all.
    std::vector<std::uint32_t> start(at(n) + 1, 0);
    std::vector<std::uint32_t> unlinked;
    for (std::size_t i = 0; i < m; ++i) {
        const NetworkEdge& e = net.edges[i];
        if (e.from != environment)
            ++start[at(e.from) + 1];
        if (e.to != environment && e.to != e.from)
            ++start[at(e.to) + 1];
        if (e.from == environment && e.to == environment)
            unlinked.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t v = 1; v < start.size(); ++v)
        start[v] += start[v - 1];
    std::vector<Link> links(start.back());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < m; ++i) {
            const NetworkEdge& e = net.edges[i];
            if (e.from != environment)
                links[next[at(e.from)]++] = {e.to, static_cast<std::uint32_t>(i)};
            if (e.to != environment && e.to != e.from)
                links[next[at(e.to)]++] = {e.from, static_cast<std::uint32_t>(i)};
        }
    }

    Renumbering r;
    r.given = &net;
    r.localNode.assign(at(n) + 1, -1);
    r.originalNode.reserve(at(n) + 1);
    r.originalEdge.reserve(m);
    auto reach = [&](int v) {
        r.localNode[at(v)] = static_cast<int>(r.originalNode.size());
        r.originalNode.push_back(v);
        // A search covers a few units at a time (a workshop), so the queue rarely holds nodes far
        // enough ahead to prefetch for: ask for the new node's place in `start` now.
        __builtin_prefetch(&start[at(v)]);
    };
    for (int first = 0; first < n; ++first) {
        if (r.localNode[at(first)] >= 0)
            continue;
        // originalNode doubles as the queue: the nodes reached in this search are its tail.
        std::size_t head = r.originalNode.size();
        reach(first);
        for (; head < r.originalNode.size(); ++head) {
            // The nodes queued next have their links somewhere in the array: ask for them early, or
            // the search waits for memory at every node.
            if (head + 16 < r.originalNode.size())
                __builtin_prefetch(&start[at(r.originalNode[head + 16])]);
            if (head + 8 < r.originalNode.size())
                __builtin_prefetch(links.data() + start[at(r.originalNode[head + 8])]);
            if (head + 2 < r.originalNode.size()) // in a workshop's short queue, the most there is
                __builtin_prefetch(links.data() + start[at(r.originalNode[head + 2])]);
            // An edge is placed when the first of its ends is searched: one whose other end was
            // searched before this node (a smaller local number) is placed already.
            const int v = r.originalNode[head];
            for (std::uint32_t k = start[at(v)]; k < start[at(v) + 1]; ++k) {
                const Link link = links[k];
                if (link.other == environment) {
                    r.originalEdge.push_back(link.edge);
                    continue;
                }
                const int other = r.localNode[at(link.other)];
                if (other >= 0 && static_cast<std::size_t>(other) < head)
                    continue;
                r.originalEdge.push_back(link.edge);
                if (other < 0)
                    reach(link.other);
            }
        }
    }
    r.localNode[at(n)] = n; // the environment stays last
    r.originalNode.push_back(n);
    r.originalEdge.insert(r.originalEdge.end(), unlinked.begin(), unlinked.end());

    r.localEdge.resize(m);
    r.network.nodeCount = n;
    reserveWithHugePages(r.network.edges, m); // gathered out of order
    for (std::size_t local = 0; local < m; ++local) {
        // The gather reads the caller's edges out of order: ask for them well ahead.
        if (local + 16 < m) { // both cache lines an edge may straddle
            const NetworkEdge* ahead = &net.edges[r.originalEdge[local + 16]];
            __builtin_prefetch(ahead);
            __builtin_prefetch(reinterpret_cast<const char*>(ahead) + sizeof(NetworkEdge) - 1);
        }
        const std::size_t i = r.originalEdge[local];
        r.localEdge[i] = static_cast<std::uint32_t>(local);
        NetworkEdge& e = r.network.edges.emplace_back(net.edges[i]);
        if (e.from != environment)
            e.from = r.localNode[at(e.from)];
        if (e.to != environment)
            e.to = r.localNode[at(e.to)];
    }
    return r;
}

} // namespace shuiheng::balance
