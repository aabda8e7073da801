#include "balance/gross_errors.h"

#include "balance/flow_covariance.h"
#include "balance/serial_updates.h"

#include <cmath>
#include <optional>

namespace shuiheng::balance {
namespace {

/// The strongest hypothesis of the current reconciliation, if any.
struct Candidate {
    GrossError error;
    bool found = false;
};

Candidate strongestHypothesis(const FlowNetwork& net, const ReconciliationResult& r, bool considerLeaks) {
    Candidate best;
    // Meter bias: the GLR statistic is z², the bias estimate a·σ²/var(a) = z·σ²/sd(a).
    for (std::size_t i = 0; i < net.edges.size(); ++i) {
        const EdgeEstimate& est = r.edges[i];
        if (!est.z || !net.edges[i].measured)
            continue;
        const double s2 = net.edges[i].sigma * net.edges[i].sigma;
        const double adjustmentSd = std::sqrt(std::max(s2 - *est.sigma * *est.sigma, 0.0));
        if (adjustmentSd <= 0)
            continue;
        const double bias = *est.z * s2 / adjustmentSd;
        if (*net.edges[i].measured - bias < 0)
            continue; // the true flow would be negative: not a plausible explanation
        const double statistic = *est.z * *est.z;
        if (!best.found || statistic > best.error.statistic) {
            best.found = true;
            best.error = {GrossError::Kind::MeterBias, i, {}, bias, statistic, {}};
        }
    }
    if (best.found) {
        // Ties are not rounding luck to hide: name every meter that explains the data as well.
        for (std::size_t i = 0; i < net.edges.size(); ++i) {
            const auto& z = r.edges[i].z;
            if (i != best.error.edge && z && net.edges[i].measured &&
                std::abs(*z * *z - best.error.statistic) <= 1e-6 * best.error.statistic)
                best.error.equivalentEdges.push_back(i);
        }
    }
    if (!considerLeaks)
        return best;
    // A leak loses water: only a positive estimate is a hypothesis. A leak that a single meter's
    // bias explains equally well (same signature) loses the tie: meters fail more often.
    for (const BalanceTest& b : r.balances) {
        if (b.leak <= 0)
            continue;
        if (!best.found || b.leakStatistic > best.error.statistic * (1 + 1e-9)) {
            best.found = true;
            best.error = {GrossError::Kind::Leak, 0, b.nodes, b.leak, b.leakStatistic, {}};
        }
    }
    return best;
}

/// Drops a found meter or adds a found leak (an unmeasured flow from its node to the environment).
void apply(FlowNetwork& working, const GrossError& error) {
    if (error.kind == GrossError::Kind::MeterBias)
        working.edges[error.edge].measured.reset();
    else
        working.edges.push_back({error.nodes.front(), environment, std::nullopt, 0.0});
}

/// Chooses hypotheses by updating `base` (serial_updates.h) until the global test passes, then
/// reconciles once. Leaves `out` as the full loop would have, or where the full loop must go on.
void chooseByUpdates(const FlowNetwork& network, const detail::Reconciler& base,
                     const ReconciliationOptions& options, int maxErrors, bool considerLeaks,
                     FlowNetwork& working, SerialElimination& out) {
    detail::SerialUpdates updates(network, base, options);
    Candidate first = strongestHypothesis(working, out.final, considerLeaks);
    if (!first.found)
        return;
    std::optional<GrossError> next = first.error;
    while (next) {
        apply(working, *next);
        updates.accept(*next);
        out.found.push_back(*next);
        if (static_cast<int>(out.found.size()) >= maxErrors || updates.passes())
            break;
        const detail::SerialUpdates::Next chosen = updates.strongest(considerLeaks);
        if (chosen.needsFullReconciliation)
            break;
        next = chosen.error;
    }
    out.final = reconcile(working, options);
}

} // namespace

SerialElimination eliminateGrossErrors(const FlowNetwork& network, const ReconciliationOptions& options,
                                       int maxErrors, bool considerLeaks, const ReconciliationResult* initial,
                                       const FlowCovariance* factorised) {
    SerialElimination out;
    FlowNetwork working = network;
    // Held-at-zero flows change the system from one step to the next: the non-negative option
    // reconciles in full after each step. Otherwise one factorisation serves the first
    // reconciliation and the choice of every hypothesis.
    const bool update = !options.nonNegative;
    std::optional<FlowCovariance> own;
    if (update && !factorised && !initial) {
        factorised = &own.emplace(network, options);
        if (factorised->failure().empty())
            initial = &factorised->result();
    }
    out.final = initial ? *initial : reconcile(working, options);
    const auto mustGoOn = [&] {
        return out.final.failure.empty() && !out.final.global.passed &&
               static_cast<int>(out.found.size()) < maxErrors;
    };
    if (update && mustGoOn()) {
        if (!factorised)
            factorised = &own.emplace(network, options);
        if (factorised->failure().empty())
            chooseByUpdates(network, factorised->reconciler(), options, maxErrors, considerLeaks, working,
                            out);
    }
    // What the updates could not settle (or the non-negative option): reconcile after each step.
    while (mustGoOn()) {
        const Candidate next = strongestHypothesis(working, out.final, considerLeaks);
        if (!next.found)
            break;
        apply(working, next.error);
        out.found.push_back(next.error);
        out.final = reconcile(working, options);
    }
    // Leak edges added while searching are not the caller's: report on the original edges only.
    out.final.edges.resize(network.edges.size());
    out.passed = out.final.failure.empty() && out.final.global.passed;
    return out;
}

} // namespace shuiheng::balance
