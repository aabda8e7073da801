#pragma once
// Gross-error identification by serial elimination with GLR statistics: while the global test
// fails, take the hypothesis — a bias in one measurement, or a leak at one node — with the
// largest GLR statistic, remove its effect (drop the measurement / add an unmeasured leak to
// the environment) and reconcile again.

#include "balance/reconciliation.h"

namespace shuiheng::balance {

class FlowCovariance;

struct GrossError {
    enum class Kind { MeterBias, Leak };
    Kind kind = Kind::MeterBias;
    std::size_t edge = 0;   ///< MeterBias: the measured edge
    std::vector<int> nodes; ///< Leak: the node, or the nodes merged by unmeasured flows around it
    double estimate = 0;    ///< MeterBias: measured − true (positive reads high); Leak: flow lost (≥ 0)
    double statistic = 0;   ///< the GLR statistic when it was chosen (χ² with 1 dof)
    /// Other measurements whose bias explains the data exactly as well (same GLR statistic: their
    /// signatures in the balances are parallel). The balances cannot tell them apart.
    std::vector<std::size_t> equivalentEdges;
};

struct SerialElimination {
    std::vector<GrossError> found; ///< in the order found
    ReconciliationResult final;    ///< the reconciliation with every found error removed
    bool passed = true;            ///< the global test passes at the end
};

/// Leak hypotheses are tested at nodes whose balance survives elimination (not merged with the
/// environment) when `considerLeaks`. Stops after `maxErrors` or when nothing is left to test.
/// `initial`, when given, is reconcile(network, options) already computed: it is not redone;
/// `factorised`, when given, is the same network's FlowCovariance: its factor is reused.
///
/// The hypotheses after the first are chosen by updating the first reconciliation's factor
/// (Sherman–Morrison–Woodbury, serial_updates.h) rather than reconciling after each; the network
/// with all of them removed is reconciled once at the end (and after each further step, should
/// that final reconciliation still fail the test).
SerialElimination eliminateGrossErrors(const FlowNetwork& network, const ReconciliationOptions& options = {},
                                       int maxErrors = 10, bool considerLeaks = true,
                                       const ReconciliationResult* initial = nullptr,
                                       const FlowCovariance* factorised = nullptr);

} // namespace shuiheng::balance
