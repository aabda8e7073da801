#pragma once
// The structure of a flow network once unmeasured flows are eliminated on the graph:
// nodes joined by unmeasured flows merge into one "reduced node" (the environment's reduced
// node has no balance); each remaining independent reduced balance becomes one row of the
// reduced system. Also the unmeasured flows' observability: a flow is determined exactly when
// it is a bridge of the unmeasured subgraph, and then it equals the net measured flow across
// the cut it bridges.

#include "balance/flow_network.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace shuiheng::balance {

// Per-edge arrays hold 32-bit edge indices: at 100,000 streams the engine's time goes to waiting
// on memory, so the fewer bytes per edge the better (a network has far fewer than 2³² edges).
struct CutTerm {
    std::uint32_t edge; ///< a measured edge crossing the cut
    int sign;           ///< +1 into the cut-off side, −1 out of it
};

/// The reduced rows an edge's ends lie in (−1: the end's balance is not a row).
struct EdgeRows {
    int head; ///< the row of its `to` end: the edge enters it with +1
    int tail; ///< the row of its `from` end: −1
};

struct Elimination {
    int internalNodes = 0;        ///< network nodes plus one for the environment (the last)
    std::vector<int> reducedNode; ///< per internal node: its reduced node
    int reducedCount = 0;
    int environmentReduced = 0; ///< the reduced node holding the environment
    std::vector<int> row;       ///< per reduced node: its row in the reduced system, or −1
    int rowCount = 0;
    /// The rows in the caller's order, which is the order of the balances in the results (by class
    /// of tied balances, then by reduced node). The rows themselves are numbered as the local order
    /// of the nodes first reaches them, so that the per-row values an edge needs (λ, V⁻¹, the scale)
    /// lie near those of the edges before it.
    std::vector<int> rowsInCallerOrder;
    std::vector<std::vector<int>>
        droppedGroups; ///< reduced nodes whose summed balance only exact flows carry

    std::vector<bool> measured;   ///< per edge
    std::vector<bool> exact;      ///< per edge: measured with sigma 0
    std::vector<bool> crossing;   ///< per edge: measured and joining two different reduced nodes
    std::vector<bool> observable; ///< per unmeasured edge
    std::vector<EdgeRows> rows;   ///< per edge: rowOfEdgeEnd of its two ends
    /// Per observable unmeasured edge: its value is sign · Σ cut(i)[k].sign · x[cut(i)[k].edge].
    std::vector<int> cutSign;
    /// The terms of every cut in one array: edge i's are cutTerms[cutStart[i] .. cutStart[i + 1]).
    std::vector<std::uint32_t> cutStart;
    std::vector<CutTerm> cutTerms;
    std::span<const CutTerm> cut(std::size_t i) const {
        return {cutTerms.data() + cutStart[i], cutStart[i + 1] - cutStart[i]};
    }
    /// Per unobservable edge: its loop block (index into loopBlocks), else −1.
    std::vector<int> loopBlock;
    /// Per loop block: its chords, the fewest edges whose measurement makes it observable.
    std::vector<std::vector<std::size_t>> loopBlocks;

    int internal(int node) const { return node == environment ? internalNodes - 1 : node; }
    int rowOfEdgeEnd(int node) const {
        return row[static_cast<std::size_t>(reducedNode[static_cast<std::size_t>(internal(node))])];
    }
};

struct Renumbering;

/// `order`, when given, is the renumbering that produced `network` (renumbering.h): the choices
/// that show in the results — the numbering of reduced nodes and so of the rows and which balance
/// of a class is dropped, the spanning trees of loop blocks and their numbering, the roots of bridge
/// trees without the environment — are then made in the caller's order, so the results are those
/// of the caller's network. Its `given` must still be the caller's network.
Elimination eliminate(const FlowNetwork& network, const Renumbering* order = nullptr);

} // namespace shuiheng::balance
