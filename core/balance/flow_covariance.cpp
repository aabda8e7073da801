#include "balance/flow_covariance.h"

#include "balance/reconciler.h"

#include <algorithm>
#include <map>

namespace shuiheng::balance {

FlowCovariance::FlowCovariance(const FlowNetwork& network, const ReconciliationOptions& options)
    : options_(options)
    , network_(&network)
    , reconciler_(std::make_unique<detail::Reconciler>(network, options_)) {
    try {
        reconciler_->run();
    } catch (const std::exception& error) {
        detail::recordFailure(reconciler_->result(), error);
    }
}

FlowCovariance::~FlowCovariance() = default;
FlowCovariance::FlowCovariance(FlowCovariance&&) noexcept = default;
FlowCovariance& FlowCovariance::operator=(FlowCovariance&&) noexcept = default;

const ReconciliationResult& FlowCovariance::result() const {
    return reconciler_->result();
}
const std::string& FlowCovariance::failure() const {
    return reconciler_->result().failure;
}

std::optional<LinearCombination> FlowCovariance::overMeasured(const LinearCombination& c) const {
    const detail::Reconciler& r = *reconciler_;
    const Elimination& e = r.elimination(); // local numbering
    std::map<std::size_t, double> merged;
    for (const auto& [edge, coefficient] : c) {
        if (coefficient == 0)
            continue;
        const std::size_t local = r.localEdge(edge);
        if (e.measured[local]) {
            merged[edge] += coefficient;
        } else if (e.observable[local]) {
            for (const CutTerm& t : e.cut(local))
                merged[r.originalEdge(t.edge)] += coefficient * e.cutSign[local] * t.sign;
        } else {
            return std::nullopt;
        }
    }
    LinearCombination out;
    for (const auto& [edge, coefficient] : merged)
        if (coefficient != 0)
            out.push_back({edge, coefficient});
    return out;
}

std::vector<double> FlowCovariance::covarianceTimes(const LinearCombination& measuredOnly) const {
    if (!failure().empty())
        return std::vector<double>(network_->edges.size(), 0.0);
    const Eigen::VectorXd v = reconciler_->covarianceTimes(measuredOnly);
    return {v.data(), v.data() + v.size()};
}

std::optional<double> FlowCovariance::value(const LinearCombination& c) const {
    if (!failure().empty())
        return std::nullopt;
    double sum = 0;
    for (const auto& [edge, coefficient] : c) {
        if (coefficient == 0)
            continue;
        const auto& v = result().edges[edge].value;
        if (!v)
            return std::nullopt;
        sum += coefficient * *v;
    }
    return sum;
}

std::optional<double> FlowCovariance::covariance(const LinearCombination& a,
                                                 const LinearCombination& b) const {
    if (!failure().empty())
        return std::nullopt;
    const auto am = overMeasured(a);
    const auto bm = overMeasured(b);
    if (!am || !bm)
        return std::nullopt;
    const std::vector<double> cb = covarianceTimes(*bm);
    double sum = 0;
    for (const auto& [edge, coefficient] : *am)
        sum += coefficient * cb[edge];
    return sum;
}

std::optional<double> FlowCovariance::variance(const LinearCombination& c) const {
    const auto v = covariance(c, c);
    if (!v)
        return std::nullopt;
    return std::max(*v, 0.0);
}

} // namespace shuiheng::balance
