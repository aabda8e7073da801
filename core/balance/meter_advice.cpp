#include "balance/meter_advice.h"

#include "balance/reconciler.h"

#include <algorithm>
#include <cmath>

namespace shuiheng::balance {
namespace {

using Combination = std::vector<std::pair<std::size_t, double>>;

/// The edge as a combination of measured edges: itself, or its cut; nullopt if unobservable.
std::optional<Combination> asMeasuredCombination(const detail::Reconciler& r, std::size_t edge) {
    const Elimination& e = r.elimination();
    if (e.measured[edge])
        return Combination{{edge, 1.0}};
    if (!e.observable[edge])
        return std::nullopt;
    Combination c;
    for (const CutTerm& t : e.cut[edge])
        c.push_back({t.edge, static_cast<double>(e.cutSign[edge] * t.sign)});
    return c;
}

double dot(const Combination& c, const Eigen::VectorXd& v) {
    double sum = 0;
    for (const auto& [edge, coefficient] : c)
        sum += coefficient * v[static_cast<Eigen::Index>(edge)];
    return sum;
}

} // namespace

MeterAdviceResult adviseMeters(const FlowNetwork& network, const std::vector<std::size_t>& targetEdges,
                               const ReconciliationOptions& options, const MeterAdviceOptions& advice) {
    MeterAdviceResult out;
    detail::Reconciler reconciler(network, options);
    try {
        reconciler.run();
    } catch (const std::exception&) {
        return out; // nothing sensible to advise on a balance that cannot be computed
    }
    const ReconciliationResult& result = reconciler.result();

    // The target as one combination of measured edges, and Cov(x̂)·target by one solve.
    std::optional<Combination> target = Combination{};
    double value = 0;
    for (std::size_t k : targetEdges) {
        const auto c = asMeasuredCombination(reconciler, k);
        if (!c || !result.edges[k].value) {
            target.reset();
            break;
        }
        value += *result.edges[k].value;
        target->insert(target->end(), c->begin(), c->end());
    }
    Eigen::VectorXd covarianceWithTarget;
    double targetVariance = 0;
    if (target) {
        covarianceWithTarget = reconciler.covarianceTimes(*target);
        targetVariance = std::max(dot(*target, covarianceWithTarget), 0.0);
        out.targetValue = value;
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
            const auto c = asMeasuredCombination(reconciler, j);
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
