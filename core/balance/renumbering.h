#pragma once
// A flow network renumbered for the cache: nodes in breadth-first order over the plant graph and
// each edge placed when its first end is reached, so that streams meeting at a unit get near
// numbers. On a plant of 100,000 streams listed in no useful order, the engine's per-edge passes
// (elimination, cut building, the estimates) otherwise wait on memory at nearly every step: in
// this order the reconciliation runs about twice as fast, and its time grows with the plant's size
// as the work does. The reconciler works in the local numbering and maps its results back; every
// choice that shows in the results (docs/balance.md) is still made in the caller's order.

#include "balance/flow_network.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shuiheng::balance {

struct Renumbering {
    /// Per node of the caller's network, with the environment last (the elimination's internal
    /// numbering): its local number; the environment stays last. And back.
    std::vector<int> localNode, originalNode;
    /// Per edge of the caller's network: its local index. And back. (32 bits: see CutTerm.)
    std::vector<std::uint32_t> localEdge, originalEdge;
    FlowNetwork network; ///< the caller's network in the local numbering
    /// The caller's network itself (not owned; read only by eliminate(), while the caller's network
    /// is there): passes that must go in the caller's order read it front to back instead of
    /// reading `network` out of order.
    const FlowNetwork* given = nullptr;
};

/// The breadth-first renumbering of `network` (searches start at the lowest unreached node, in the
/// caller's order; the environment, which touches everything, is not searched through).
Renumbering renumberForLocality(const FlowNetwork& network);

} // namespace shuiheng::balance
