#include "balance/serial_updates.h"

#include "balance/statistics.h"

#include <algorithm>
#include <cmath>

namespace shuiheng::balance::detail {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

/// Below this share of its variance before any update, a signature counts as projected out: the
/// hypothesis is no longer testable (a meter whose ends the dropped meters joined, a balance
/// merged with the environment). Exactly zero in exact arithmetic; rounding leaves ~1e-16.
constexpr double projectedOut = 1e-9;

} // namespace

SerialUpdates::SerialUpdates(const FlowNetwork& net, const Reconciler& base,
                             const ReconciliationOptions& options)
    : net_(net)
    , base_(base)
    , e_(base.elimination())
    , options_(options)
    , lambda_(base.multipliers())
    , statistic_(base.result().global.statistic)
    , merged_(e_.reducedCount)
    , dropped_(net.edges.size(), false) {
    reducedOfRow_.assign(at(e_.rowCount), -1);
    for (int r = 0; r < e_.reducedCount; ++r)
        if (e_.row[at(r)] >= 0)
            reducedOfRow_[at(e_.row[at(r)])] = r;
    rowInEnvClass_.assign(at(e_.rowCount), true);
    for (const auto& group : e_.droppedGroups)
        for (int r : group)
            if (e_.row[at(r)] >= 0)
                rowInEnvClass_[at(e_.row[at(r)])] = false;
    u_.resize(e_.rowCount, 0);
    const ReconciliationResult& before = base_.result();
    for (std::size_t i = 0; i < net.edges.size(); ++i)
        if (before.edges[i].z && net.edges[i].measured) {
            const auto [head, tail] = base_.rowsOfEdge(i);
            meters_.push_back({i, head, tail, *net.edges[i].measured, quadratic(meterSignature(i))});
        }
    rowQuadratic_.resize(at(e_.rowCount));
    for (int p = 0; p < e_.rowCount; ++p)
        rowQuadratic_[at(p)] = base_.inverseAt(p, p);
}

SerialUpdates::Signature SerialUpdates::meterSignature(std::size_t edge) const {
    const auto [head, tail] = base_.rowsOfEdge(edge);
    Signature f;
    if (head >= 0)
        f.push_back({head, 1.0});
    if (tail >= 0)
        f.push_back({tail, -1.0});
    return f;
}

double SerialUpdates::dotLambda(const Signature& f) const {
    double sum = 0;
    for (const auto& [row, value] : f)
        sum += value * lambda_[row];
    return sum;
}

double SerialUpdates::dotLambda(const Meter& m) const {
    return (m.head >= 0 ? lambda_[m.head] : 0.0) - (m.tail >= 0 ? lambda_[m.tail] : 0.0);
}

double SerialUpdates::projectedQuadratic(const Meter& m) const {
    const Eigen::Index k = u_.cols();
    if (k == 0)
        return m.quadratic;
    // Uᵀ g into buffers kept between calls: every step calls this for every meter.
    Eigen::VectorXd& w = scratch_.first;
    w.setZero(k);
    if (m.head >= 0)
        w += u_.row(m.head).transpose();
    if (m.tail >= 0)
        w -= u_.row(m.tail).transpose();
    scratch_.second.noalias() = mInverse_ * w;
    const double projected = m.quadratic - w.dot(scratch_.second);
    return projected > projectedOut * m.quadratic ? projected : 0.0;
}

double SerialUpdates::quadratic(const Signature& f) const {
    double fZf = 0;
    for (std::size_t a = 0; a < f.size(); ++a) {
        fZf += f[a].second * f[a].second * base_.inverseAt(f[a].first, f[a].first);
        for (std::size_t b = 0; b < a; ++b)
            fZf += 2 * f[a].second * f[b].second * base_.inverseAt(f[a].first, f[b].first);
    }
    return fZf;
}

double SerialUpdates::projectedQuadratic(const Signature& f, double fZf) const {
    const Eigen::Index k = u_.cols();
    if (k == 0)
        return fZf;
    Eigen::VectorXd w = Eigen::VectorXd::Zero(k); // Uᵀ f
    for (const auto& [row, value] : f)
        w += value * u_.row(row).transpose();
    const double projected = fZf - w.dot(mInverse_ * w);
    return projected > projectedOut * fZf ? projected : 0.0;
}

void SerialUpdates::accept(const GrossError& error) {
    Signature f;
    if (error.kind == GrossError::Kind::MeterBias) {
        f = meterSignature(error.edge);
        dropped_[error.edge] = true;
        merged_.unite(base_.reducedNodeOf(net_.edges[error.edge].from),
                      base_.reducedNodeOf(net_.edges[error.edge].to));
    } else {
        const int reduced = base_.reducedNodeOf(error.nodes.front());
        f.push_back({e_.row[at(reduced)], 1.0});
        merged_.unite(reduced, e_.environmentReduced);
    }
    // U gains the column Z f (one solve), M its row and column; both are rebuilt from F, which
    // stays small (at most the errors asked for).
    Eigen::VectorXd dense = Eigen::VectorXd::Zero(e_.rowCount);
    for (const auto& [row, value] : f)
        dense[row] += value;
    const Eigen::VectorXd zf = base_.solveV(dense);
    signatures_.push_back(std::move(f));
    const Eigen::Index k = static_cast<Eigen::Index>(signatures_.size());
    u_.conservativeResize(Eigen::NoChange, k);
    u_.col(k - 1) = zf;
    Eigen::MatrixXd m(k, k); // Fᵀ U
    Eigen::VectorXd b(k);    // Fᵀ λ
    const Eigen::VectorXd& lambda = base_.multipliers();
    for (Eigen::Index j = 0; j < k; ++j) {
        const Signature& fj = signatures_[static_cast<std::size_t>(j)];
        b[j] = 0;
        m.row(j).setZero();
        for (const auto& [row, value] : fj) {
            b[j] += value * lambda[row];
            m.row(j) += value * u_.row(row);
        }
    }
    m = 0.5 * (m + m.transpose()); // symmetric up to rounding of the solves
    mInverse_ = m.ldlt().solve(Eigen::MatrixXd::Identity(k, k));
    const Eigen::VectorXd c = mInverse_ * b;
    lambda_ = lambda - u_ * c;
    statistic_ = base_.result().global.statistic - b.dot(c);
}

bool SerialUpdates::passes() const {
    const int dof = e_.rowCount - static_cast<int>(signatures_.size());
    return dof <= 0 || statistic_ <= chiSquaredQuantile(1 - options_.alpha, dof);
}

std::vector<int> SerialUpdates::nodesOfGroup(int reduced) const {
    const int root = merged_.find(reduced);
    std::vector<int> nodes;
    for (int v = 0; v < net_.nodeCount; ++v)
        if (merged_.find(base_.reducedNodeOf(v)) == root)
            nodes.push_back(v);
    return nodes;
}

SerialUpdates::Next SerialUpdates::strongest(bool considerLeaks) const {
    Next next;
    GrossError best;
    bool found = false;
    // Meter bias: statistic z², bias estimate gᵀλ' / gᵀZ'g (measured − true).
    std::vector<double> statistics(net_.edges.size(), -1.0);
    for (const Meter& m : meters_) {
        const std::size_t i = m.edge;
        if (dropped_[i])
            continue;
        const double gZg = projectedQuadratic(m);
        if (gZg <= 0)
            continue;
        const double gl = dotLambda(m);
        statistics[i] = gl * gl / gZg;
        const double bias = gl / gZg;
        if (m.measured - bias < 0)
            continue; // the true flow would be negative: not a plausible explanation
        if (!found || statistics[i] > best.statistic) {
            found = true;
            best = {GrossError::Kind::MeterBias, i, {}, bias, statistics[i], {}};
        }
    }
    if (found)
        for (std::size_t i = 0; i < net_.edges.size(); ++i)
            if (i != best.edge && statistics[i] >= 0 &&
                std::abs(statistics[i] - best.statistic) <= 1e-6 * best.statistic)
                best.equivalentEdges.push_back(i);
    int leakRow = -1;
    if (considerLeaks) {
        // A leak at balance p: statistic λ'_p² / Z'_pp, estimate λ'_p / Z'_pp, only when positive.
        // The balances of one merged group are one balance: tested once, at its first row.
        std::vector<bool> tested(at(e_.reducedCount), false);
        const int environmentGroup = merged_.find(e_.environmentReduced);
        // In the caller's order of the rows: of equal statistics, the first balance reported wins.
        for (const int p : e_.rowsInCallerOrder) {
            const int group = merged_.find(reducedOfRow_[at(p)]);
            if (group == environmentGroup || tested[at(group)])
                continue;
            tested[at(group)] = true;
            const double zpp = projectedQuadratic({{p, 1.0}}, rowQuadratic_[at(p)]);
            if (zpp <= 0)
                continue;
            const double leak = lambda_[p] / zpp;
            const double statistic = lambda_[p] * lambda_[p] / zpp;
            if (leak <= 0)
                continue;
            if (!found || statistic > best.statistic * (1 + 1e-9)) {
                found = true;
                best = {GrossError::Kind::Leak, 0, {}, leak, statistic, {}};
                leakRow = p;
            }
        }
    }
    if (leakRow >= 0) {
        best.nodes = nodesOfGroup(reducedOfRow_[at(leakRow)]);
        next.needsFullReconciliation = !rowInEnvClass_[at(leakRow)];
    }
    if (found)
        next.error = best;
    return next;
}

} // namespace shuiheng::balance::detail
