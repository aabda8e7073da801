#pragma once
// Helpers shared by the balance property tests: comparing two reconciliations, checking
// invariants, printing and shrinking a network for a report.

#include "balance/reconciliation.h"
#include "dense_reference.h"

#include <functional>
#include <string>
#include <vector>

namespace shuiheng::balance::test {

/// Worst differences seen over many comparisons (relative, with the denominators of `compare`).
struct Deviation {
    double value = 0;
    double sigma = 0;
    double z = 0;
    double global = 0; ///< statistic, critical, criticalZ
    void merge(const Deviation& other);
};

/// Differences between the engine's result and the reference on one network, one line each;
/// empty when they agree to `tolerance`. Values are compared relative to max(|a|, |b|, 10⁻⁶ ·
/// the largest measured flow); variances (σ²) relative to max(a², b², σ_i²) with σ_i the edge's
/// own σ, or for an unmeasured edge the smallest σ > 0 of the network; z and the statistics relative to
/// max(1, |a|, |b|). When exact flows contradict each other, no solution exists and the compromise is a
/// convention: values and z of edges at contradicting nodes, and the statistic, are then not compared
/// (variances are). Contradictions are compared as sets.
std::vector<std::string> compare(const FlowNetwork& network, const ReconciliationResult& got,
                                 const ReconciliationResult& expected, double tolerance,
                                 Deviation* deviation = nullptr);

/// The same against the reference, with the floor of each variance its prior σ² (DenseResult::
/// priorSigma): a reported variance must be right to `tolerance` of the larger of itself and
/// the variance of the raw measurements it comes from (at least 10⁻⁶ σ_min²).
std::vector<std::string> compare(const FlowNetwork& network, const ReconciliationResult& got,
                                 const DenseResult& expected, double tolerance,
                                 Deviation* deviation = nullptr);

/// The engine's `toObserve` set of edge `k`.
std::vector<std::size_t> toObserveOf(const ReconciliationResult& result, std::size_t k);

/// Problems with `toObserve` sets (of the engine, or the reference's own): size against the
/// cyclomatic number of the loop block, membership in the block, and that measuring them (one
/// set per block, all blocks at once) leaves no edge of those blocks unobservable. Also: no set
/// on an observable or measured edge.
std::vector<std::string> checkToObserve(const FlowNetwork& network,
                                        const std::function<std::vector<std::size_t>(std::size_t)>& setOf,
                                        const DenseResult& expected);

/// Non-finite numbers anywhere in a result, one line each.
std::vector<std::string> nonFinite(const ReconciliationResult& result);

/// Largest relative imbalance of the reconciled flows: every node, and every group of nodes
/// joined by unobservable flows that does not reach the environment, must balance with the
/// flows that have a value. Relative to the sum of |flow| over the group's boundary.
double worstImbalance(const FlowNetwork& network, const ReconciliationResult& result);

/// The network scaled: every measured value and σ times `factor`.
FlowNetwork scaled(const FlowNetwork& network, double factor);

/// The network as C++ source (a FlowNetwork initializer), for reports.
std::string describe(const FlowNetwork& network);

/// A smaller network on which `fails` still holds: edges dropped one at a time, then nodes
/// left without edges removed, as long as the failure persists.
FlowNetwork shrink(FlowNetwork network, const std::function<bool(const FlowNetwork&)>& fails);

} // namespace shuiheng::balance::test
