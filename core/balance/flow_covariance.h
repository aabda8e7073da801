#pragma once
// Linear functions of the reconciled flows with their uncertainty: the value of Σ c_k x_k and
// its variance through the FULL covariance of the reconciled flows (correlations included),
// each by one sparse solve — never a dense covariance matrix. What indicators (ratios,
// linearised) and the meter advice are built on.

#include "balance/reconciliation.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace shuiheng::balance {

namespace detail {
class Reconciler;
}

/// Σ coefficient · flow over edges of the network.
using LinearCombination = std::vector<std::pair<std::size_t, double>>;

class FlowCovariance {
public:
    /// Reconciles the network (which must outlive this object); failure() says when that was
    /// impossible.
    FlowCovariance(const FlowNetwork& network, const ReconciliationOptions& options = {});
    ~FlowCovariance();
    FlowCovariance(FlowCovariance&&) noexcept;
    FlowCovariance& operator=(FlowCovariance&&) noexcept;

    const ReconciliationResult& result() const;
    const std::string& failure() const;

    /// Σ c_k x̂_k; nullopt when any edge with a non-zero coefficient is unobservable.
    std::optional<double> value(const LinearCombination& c) const;
    /// var(Σ c_k x̂_k); nullopt likewise.
    std::optional<double> variance(const LinearCombination& c) const;
    /// cov(Σ a_k x̂_k, Σ b_k x̂_k); nullopt likewise.
    std::optional<double> covariance(const LinearCombination& a, const LinearCombination& b) const;

    /// The combination rewritten over measured edges only (an observable unmeasured edge becomes
    /// the signed measured cut that determines it); nullopt when an edge is unobservable.
    std::optional<LinearCombination> overMeasured(const LinearCombination& c) const;
    /// Cov(x̂)·c over all edges for a combination of measured edges (one solve).
    std::vector<double> covarianceTimes(const LinearCombination& measuredOnly) const;

    /// The reconciliation with its factor, for the updates of serial elimination (core/balance only).
    const detail::Reconciler& reconciler() const { return *reconciler_; }

private:
    ReconciliationOptions options_;
    const FlowNetwork* network_;
    std::unique_ptr<detail::Reconciler> reconciler_;
};

} // namespace shuiheng::balance
