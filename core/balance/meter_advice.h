#pragma once
// Which meter next: for the technician still on site, the meters worth reading again or adding,
// ranked by what they would buy — first flows that cannot be determined at all and would be,
// then the reduction of the uncertainty of a target (the site intake) — computed from the
// reconciled covariance by the rank-one update of one more independent measurement:
//     var(t | new reading of x_j) = var(t) − cov(t, x̂_j)² / (var(x̂_j) + σ_new²).

#include "balance/reconciliation.h"

#include <optional>
#include <vector>

namespace shuiheng::balance {

struct MeterAdvice {
    enum class Action { Reread, AddMeter };
    std::size_t edge = 0;
    Action action = Action::Reread;
    int resolves = 0; ///< unobservable flows that this one measurement would make observable
    std::optional<double> targetSigmaAfter; ///< σ of the target after it; absent if unknown
    double varianceReduction = 0;           ///< var(target) before − after
};

struct MeterAdviceResult {
    std::optional<double> targetValue; ///< the target (sum of the target edges) now
    std::optional<double> targetSigma; ///< and its σ; absent when a target edge is unobservable
    std::vector<MeterAdvice> ranked;   ///< best first
};

struct MeterAdviceOptions {
    double newMeterRelativeSigma = 0.02; ///< σ assumed for a meter added on an unmeasured flow
    std::size_t limit = 10;              ///< how many suggestions at most
};

/// Ranks re-reading each measured edge (σ > 0; a second reading as good as the first) and
/// adding a meter on each unmeasured edge, for the target Σ target edges.
MeterAdviceResult adviseMeters(const FlowNetwork& network, const std::vector<std::size_t>& targetEdges,
                               const ReconciliationOptions& options = {},
                               const MeterAdviceOptions& advice = {});

class FlowCovariance;
/// The same on a network already reconciled (`flows` of `network`), without factorising again.
MeterAdviceResult adviseMeters(const FlowCovariance& flows, const FlowNetwork& network,
                               const std::vector<std::size_t>& targetEdges,
                               const MeterAdviceOptions& advice = {});

} // namespace shuiheng::balance
