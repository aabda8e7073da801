#pragma once
// Statistical data reconciliation of a flow network (shared/domain.md §6; docs/balance.md):
// weighted least squares subject to every node balance, unmeasured flows eliminated on the
// graph, with classification, uncertainty and the standard tests.

#include "balance/flow_network.h"
#include "balance/optional_number.h"
#include "text/message.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace shuiheng::balance {

enum class FlowStatus {
    Redundant,    ///< measured, and the balances also determine it: it can be checked
    Nonredundant, ///< measured, but nothing else determines it: kept as measured, unchecked
    Observable,   ///< unmeasured, determined by the balances
    Unobservable, ///< unmeasured, not determined (a loop of unmeasured flows, or a lone circulation)
};

/// 32 bytes, aligned to 32: a 100,000-stream result is written in the caller's order, out of the
/// order it is computed in, and each estimate then costs one cache line to wait for, not two.
struct alignas(32) EdgeEstimate {
    FlowStatus status = FlowStatus::Unobservable;
    /// For an unobservable flow: its loop block, an index into ReconciliationResult::loopBlocks.
    int loopBlock = -1;
    OptionalNumber value; ///< reconciled (measured) or estimated (observable) flow
    OptionalNumber sigma; ///< its standard uncertainty
    /// Measurement test (redundant measurements with sigma > 0): (measured − reconciled) over the
    /// standard deviation of that adjustment. Positive: the meter reads higher than the balance.
    OptionalNumber z;
};
static_assert(sizeof(EdgeEstimate) == 32);

struct ReconciliationOptions {
    double alpha = 0.05;      ///< significance level of the tests
    bool nonNegative = false; ///< hold measured flows that would reconcile below 0 at 0 (active set)
};

/// A balance whose flows are all known exactly (sigma 0) but do not add up.
struct Contradiction {
    std::vector<int> nodes; ///< the nodes whose combined balance fails
    double imbalance = 0;   ///< Σin − Σout of the exact flows
};

/// One independent balance left after elimination: a node, or nodes merged by unmeasured flows.
struct BalanceTest {
    std::vector<int> nodes;   ///< the network nodes whose summed balance this is
    double residual = 0;      ///< Σin − Σout of the measurements over that balance
    double sigma = 0;         ///< standard deviation of the residual
    double z = 0;             ///< nodal test: residual / sigma
    double leak = 0;          ///< GLR estimate of a leak (flow lost) at these nodes
    double leakStatistic = 0; ///< GLR statistic of that leak (χ² with 1 dof)
};

struct GlobalTest {
    double statistic = 0; ///< rᵀ V⁻¹ r of the reduced balance residuals
    int dof = 0;          ///< independent balances left after eliminating unmeasured flows
    double critical = 0;  ///< χ² quantile at 1 − alpha
    double alpha = 0.05;
    bool passed = true;
};

struct ReconciliationResult {
    std::vector<EdgeEstimate> edges;   ///< one per network edge, same order
    std::vector<BalanceTest> balances; ///< one per independent reduced balance
    GlobalTest global;
    double criticalZ = 0;   ///< Šidák-corrected two-sided threshold for |z|
    int redundantCount = 0; ///< redundant measurements with sigma > 0 (the Šidák family)
    std::vector<Contradiction> contradictions;
    std::vector<std::size_t> heldAtZero; ///< edges the non-negativity option held at 0
    /// Per block of unmeasured loops: the streams whose measurement makes the whole block
    /// observable — the fewest possible (the chords of a spanning tree of the block). Stored once
    /// per block: a block of thousands of flows must not repeat its list thousands of times.
    std::vector<std::vector<std::size_t>> loopBlocks;
    /// The loopBlocks entry of an unobservable edge; empty for any other edge.
    std::span<const std::size_t> toObserve(std::size_t edge) const {
        const int block = edges[edge].loopBlock;
        return block < 0 ? std::span<const std::size_t>()
                         : std::span<const std::size_t>(loopBlocks[static_cast<std::size_t>(block)]);
    }
    /// Estimated relative rounding error of the reconciled values and σ (about 1e-16 on a well
    /// conditioned plant; it grows with the spread of σ around a balance).
    double roundingError = 0;
    std::string failure; ///< non-empty when the numbers could not be computed (then nothing else is set)
    text::Message failureMessage; ///< the same as a message (docs/messages.md): `failure` is its English
};

ReconciliationResult reconcile(const FlowNetwork& network, const ReconciliationOptions& options = {});

} // namespace shuiheng::balance
