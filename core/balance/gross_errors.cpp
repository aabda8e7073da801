#include "balance/gross_errors.h"

#include <cmath>

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

} // namespace

SerialElimination eliminateGrossErrors(const FlowNetwork& network, const ReconciliationOptions& options,
                                       int maxErrors, bool considerLeaks,
                                       const ReconciliationResult* initial) {
    SerialElimination out;
    FlowNetwork working = network;
    out.final = initial ? *initial : reconcile(working, options);
    while (out.final.failure.empty() && !out.final.global.passed &&
           static_cast<int>(out.found.size()) < maxErrors) {
        const Candidate next = strongestHypothesis(working, out.final, considerLeaks);
        if (!next.found)
            break;
        if (next.error.kind == GrossError::Kind::MeterBias)
            working.edges[next.error.edge].measured.reset();
        else
            working.edges.push_back({next.error.nodes.front(), environment, std::nullopt, 0.0});
        out.found.push_back(next.error);
        out.final = reconcile(working, options);
    }
    // Leak edges added while searching are not the caller's: report on the original edges only.
    out.final.edges.resize(network.edges.size());
    out.passed = out.final.failure.empty() && out.final.global.passed;
    return out;
}

} // namespace shuiheng::balance
