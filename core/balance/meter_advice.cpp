#include "balance/meter_advice.h"

#include "balance/flow_covariance.h"

#include <algorithm>
#include <cmath>

namespace shuiheng::balance {
namespace {

double dot(const LinearCombination& c, const std::vector<double>& v) {
    double sum = 0;
    for (const auto& [edge, coefficient] : c)
        sum += coefficient * v[edge];
    return sum;
}

} // namespace

MeterAdviceResult adviseMeters(const FlowNetwork& network, const std::vector<std::size_t>& targetEdges,
                               const ReconciliationOptions& options, const MeterAdviceOptions& advice) {
    return adviseMeters(FlowCovariance(network, options), network, targetEdges, advice);
}

MeterAdviceResult adviseMeters(const FlowCovariance& flows, const FlowNetwork& network,
                               const std::vector<std::size_t>& targetEdges,
                               const MeterAdviceOptions& advice) {
    MeterAdviceResult out;
    if (!flows.failure().empty())
        return out; // nothing sensible to advise on a balance that cannot be computed
    const ReconciliationResult& result = flows.result();

    // The target over measured edges, and Cov(x̂)·target by one solve.
    LinearCombination targetSum;
    for (std::size_t k : targetEdges)
        targetSum.push_back({k, 1.0});
    const std::optional<LinearCombination> target = flows.overMeasured(targetSum);
    std::vector<double> covarianceWithTarget;
    double targetVariance = 0;
    if (target) {
        covarianceWithTarget = flows.covarianceTimes(*target);
        targetVariance = std::max(dot(*target, covarianceWithTarget), 0.0);
        out.targetValue = flows.value(targetSum);
        out.targetSigma = std::sqrt(targetVariance);
    }

    // How many unobservable flows each loop block holds; one chord left means one meter resolves it.
    std::vector<int> blockSize(result.loopBlocks.size(), 0);
    for (const EdgeEstimate& e : result.edges)
        if (e.loopBlock >= 0)
            ++blockSize[static_cast<std::size_t>(e.loopBlock)];

    for (std::size_t j = 0; j < network.edges.size(); ++j) {
        const EdgeEstimate& est = result.edges[j];
        MeterAdvice a;
        a.edge = j;
        a.action = network.edges[j].measured ? MeterAdvice::Action::Reread : MeterAdvice::Action::AddMeter;
        if (network.edges[j].measured && network.edges[j].sigma <= 0)
            continue; // known exactly: nothing to gain
        if (est.status == FlowStatus::Unobservable) {
            const auto block = static_cast<std::size_t>(est.loopBlock);
            if (result.loopBlocks[block].size() == 1)
                a.resolves = blockSize[block];
        } else if (target && est.value && est.sigma) {
            const auto c = flows.overMeasured({{j, 1.0}});
            const double noise = network.edges[j].measured
                                     ? network.edges[j].sigma
                                     : std::max(advice.newMeterRelativeSigma * std::abs(*est.value), 1e-12);
            const double covariance = dot(*c, covarianceWithTarget);
            const double denominator = *est.sigma * *est.sigma + noise * noise;
            a.varianceReduction = denominator > 0 ? covariance * covariance / denominator : 0.0;
        }
        if (target && est.status != FlowStatus::Unobservable)
            a.targetSigmaAfter = std::sqrt(std::max(targetVariance - a.varianceReduction, 0.0));
        if (a.resolves == 0 && a.varianceReduction <= 1e-12 * std::max(targetVariance, 1e-300))
            continue; // buys nothing
        out.ranked.push_back(a);
    }
    std::stable_sort(out.ranked.begin(), out.ranked.end(), [](const MeterAdvice& x, const MeterAdvice& y) {
        if (x.resolves != y.resolves)
            return x.resolves > y.resolves;
        return x.varianceReduction > y.varianceReduction;
    });
    if (out.ranked.size() > advice.limit)
        out.ranked.resize(advice.limit);
    return out;
}

} // namespace shuiheng::balance
