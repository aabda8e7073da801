#include "balance/reconciliation.h"

#include "balance/reconciler.h"

#include <algorithm>
#include <stdexcept>

namespace shuiheng::balance {
namespace {

ReconciliationResult runOnce(const FlowNetwork& network, const ReconciliationOptions& options) {
    detail::Reconciler reconciler(network, options);
    reconciler.run();
    return std::move(reconciler.result());
}

/// One reconciliation; with the non-negativity option, measured flows that come out negative
/// are held at zero (as exact measurements of 0) and the reconciliation repeated.
ReconciliationResult reconcileWithActiveSet(const FlowNetwork& network,
                                            const ReconciliationOptions& options) {
    ReconciliationResult result = runOnce(network, options);
    if (!options.nonNegative)
        return result;
    FlowNetwork held = network;
    std::vector<std::size_t> atZero;
    for (std::size_t round = 0; round < network.edges.size(); ++round) {
        bool changed = false;
        for (std::size_t i = 0; i < held.edges.size(); ++i) {
            const auto& v = result.edges[i].value;
            if (held.edges[i].measured && held.edges[i].sigma > 0 && v && *v < 0) {
                held.edges[i].measured = 0.0;
                held.edges[i].sigma = 0;
                atZero.push_back(i);
                changed = true;
            }
        }
        if (!changed)
            break;
        result = runOnce(held, options);
    }
    // Report against the original measurements: held edges keep their measured value as read.
    std::sort(atZero.begin(), atZero.end());
    result.heldAtZero = atZero;
    return result;
}

} // namespace

ReconciliationResult reconcile(const FlowNetwork& network, const ReconciliationOptions& options) {
    try {
        return reconcileWithActiveSet(network, options);
    } catch (const std::exception& error) {
        ReconciliationResult failed;
        detail::recordFailure(failed, error);
        failed.edges.resize(network.edges.size());
        return failed;
    }
}

} // namespace shuiheng::balance
