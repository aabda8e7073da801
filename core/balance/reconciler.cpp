#include "balance/reconciler.h"

#include "balance/huge_pages.h"
#include "balance/statistics.h"
#include "text/catalogue.h"
#include "text/message_codes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace shuiheng::balance::detail {
namespace {

std::size_t at(int i) {
    return static_cast<std::size_t>(i);
}

/// Above this many reduced balances touched, an unmeasured flow's variance comes from one
/// solve instead of entries put on the factor's pattern (which would grow as their square).
constexpr std::size_t maxPatternSupport = 48;

} // namespace

ReconciliationFailure::ReconciliationFailure(text::Message message)
    : std::runtime_error(text::english(message))
    , message_(std::move(message)) {}

void recordFailure(ReconciliationResult& result, const std::exception& error) {
    result.failure = error.what();
    const auto* failure = dynamic_cast<const ReconciliationFailure*>(&error);
    result.failureMessage = failure ? failure->message() : text::verbatimMessage(result.failure);
}

void Reconciler::run() {
    reserveWithHugePages(estimates_, net_.edges.size()); // read out of order by deliverResults()
    estimates_.resize(net_.edges.size());
    result_.loopBlocks = std::move(e_.loopBlocks);
    try {
        estimate();
    } catch (...) {
        deliverResults(); // what was set, in the caller's numbering all the same
        throw;
    }
    deliverResults();
}

void Reconciler::deliverResults() {
    for (auto& block : result_.loopBlocks)
        for (std::size_t& edge : block)
            edge = originalEdge(edge);
    // The estimates: read out of order, writes in order: ask for the estimate needed a few hundred bytes
    // ahead.
    constexpr std::size_t ahead = 32;
    const std::size_t m = estimates_.size();
    const std::uint32_t* local = order_.localEdge.data();
    result_.edges.reserve(m);
    for (std::size_t k = 0; k < m; ++k) {
        if (k + ahead < m)
            __builtin_prefetch(&estimates_[local[k + ahead]]);
        result_.edges.push_back(estimates_[local[k]]);
    }
    estimates_ = {};
}

const std::vector<std::pair<int, double>>& Reconciler::cutRowVector(std::span<const CutTerm> cut) {
    std::vector<std::pair<int, double>>& w = rowVector_;
    w.clear();
    for (const CutTerm& t : cut) {
        if (!e_.crossing[t.edge] || e_.exact[t.edge])
            continue;
        const double s2 = variance(t.edge);
        const EdgeRows r = e_.rows[t.edge];
        if (r.head >= 0)
            w.push_back({r.head, t.sign * s2});
        if (r.tail >= 0)
            w.push_back({r.tail, -t.sign * s2});
    }
    std::sort(w.begin(), w.end());
    // Merge the entries of a row, in place: the first of each row collects the others.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (kept > 0 && w[kept - 1].first == w[k].first)
            w[kept - 1].second += w[k].second;
        else
            w[kept++] = w[k];
    }
    w.resize(kept);
    return w;
}

std::vector<int> Reconciler::nodesOf(const std::vector<bool>& reducedNodes) const {
    std::vector<int> nodes;
    for (int v = 0; v < net_.nodeCount; ++v)
        if (reducedNodes[at(e_.reducedNode[at(order_.localNode[at(v)])])])
            nodes.push_back(v);
    return nodes;
}

void Reconciler::estimate() {
    checkExactBalances();
    assemble();
    if (e_.rowCount > 0) {
        if (text::Message error = inverse_.compute(scaledV_); !error.empty())
            throw ReconciliationFailure(std::move(error));
        solveMultipliers();
    }
    estimateMeasured();
    estimateUnmeasured();
    testBalances();
    globalTest();
    estimateRoundingError();
}

void Reconciler::estimateRoundingError() {
    // Forming V = GΣGᵀ makes a pivot of the (unit-diagonal) factor as small as the spread of σ²
    // around a balance allows; rounding in V then reaches the results amplified by 1/pivot, and a
    // reconciled variance σ² − var(adjustment) by a further σ²/var(x̂). Both are known here.
    if (e_.rowCount == 0)
        return;
    const double epsilon = std::numeric_limits<double>::epsilon();
    const double pivot = inverse_.smallestPivot();
    result_.roundingError = epsilon / pivot * std::max(worstShrink_, 1.0);
    if (result_.roundingError > maxRoundingError)
        throw ReconciliationFailure(
            text::Message(text::code::sigmaSpread, {text::number("error", result_.roundingError, ".1g")}));
}

void Reconciler::checkExactBalances() {
    std::vector<double> net(at(e_.reducedCount), 0.0), size(at(e_.reducedCount), 0.0);
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        if (!e_.crossing[i] || !e_.exact[i])
            continue;
        const int head = e_.reducedNode[at(e_.internal(net_.edges[i].to))];
        const int tail = e_.reducedNode[at(e_.internal(net_.edges[i].from))];
        net[at(head)] += measured(i);
        net[at(tail)] -= measured(i);
        size[at(head)] += std::abs(measured(i));
        size[at(tail)] += std::abs(measured(i));
    }
    for (const auto& group : e_.droppedGroups) {
        double sum = 0, scale = 0;
        for (int r : group) {
            sum += net[at(r)];
            scale += size[at(r)];
        }
        if (std::abs(sum) <= 1e-9 * scale)
            continue;
        Contradiction c;
        c.imbalance = sum;
        std::vector<bool> members(at(e_.reducedCount), false);
        for (int r : group)
            members[at(r)] = true;
        c.nodes = nodesOf(members);
        result_.contradictions.push_back(std::move(c));
    }
}

void Reconciler::assemble() {
    const int rows = e_.rowCount;
    residual_ = Eigen::VectorXd::Zero(rows);
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(net_.edges.size() + at(rows)); // at most one per edge, the diagonal, and room (untouched
                                                   // unless needed) for the pattern entries of the cuts
    Eigen::VectorXd diagonal = Eigen::VectorXd::Zero(rows);
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        if (!e_.crossing[i])
            continue;
        const EdgeRows r = e_.rows[i];
        if (r.head >= 0)
            residual_[r.head] += measured(i);
        if (r.tail >= 0)
            residual_[r.tail] -= measured(i);
        if (e_.exact[i])
            continue;
        const double s2 = variance(i);
        if (r.head >= 0)
            diagonal[r.head] += s2;
        if (r.tail >= 0)
            diagonal[r.tail] += s2;
        if (r.head >= 0 && r.tail >= 0 && r.head != r.tail)
            entries.push_back({std::max(r.head, r.tail), std::min(r.head, r.tail), -s2});
    }
    scale_ = diagonal.cwiseSqrt().cwiseInverse();
    for (auto& t : entries)
        t = {t.row(), t.col(), t.value() * scale_[t.row()] * scale_[t.col()]};
    for (int p = 0; p < rows; ++p)
        entries.push_back({p, p, 1.0});
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        if (!e_.observable[i])
            continue;
        const auto& w = cutRowVector(e_.cut(i));
        if (w.size() > maxPatternSupport)
            continue;
        for (std::size_t a = 0; a < w.size(); ++a)
            for (std::size_t b = 0; b < a; ++b)
                entries.push_back({std::max(w[a].first, w[b].first), std::min(w[a].first, w[b].first), 0.0});
    }
    scaledV_.resize(rows, rows);
    scaledV_.setFromTriplets(entries.begin(), entries.end());
}

void Reconciler::estimateMeasured() {
    reconciled_.resize(net_.edges.size());
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        prefetchRows(i + prefetchDistance);
        if (!e_.measured[i])
            continue;
        EdgeEstimate& out = estimateOf(i);
        reconciled_[i] = measured(i);
        out.value = measured(i);
        out.sigma = net_.edges[i].sigma;
        if (!e_.crossing[i]) {
            out.status = FlowStatus::Nonredundant;
            continue;
        }
        out.status = FlowStatus::Redundant;
        if (e_.exact[i])
            continue;
        ++result_.redundantCount;
        const EdgeRows r = e_.rows[i];
        // Adjustment a = σ² gᵀλ; its variance σ⁴ gᵀ V⁻¹ g.
        double gl = 0, gZg = 0;
        if (r.head >= 0) {
            gl += lambda_[r.head];
            gZg += vInverse(r.head, r.head);
        }
        if (r.tail >= 0) {
            gl -= lambda_[r.tail];
            gZg += vInverse(r.tail, r.tail);
        }
        if (r.head >= 0 && r.tail >= 0)
            gZg -= 2 * vInverse(r.head, r.tail);
        const double s2 = variance(i);
        const double adjustment = s2 * gl;
        const double adjustmentVariance = std::clamp(s2 * s2 * gZg, 0.0, s2);
        reconciled_[i] = measured(i) - adjustment;
        out.value = reconciled_[i];
        out.sigma = std::sqrt(s2 - adjustmentVariance);
        // z = gᵀλ / √(gᵀV⁻¹g): σ cancels, so no threshold is needed for tiny adjustment shares.
        if (gZg > 0)
            out.z = gl / std::sqrt(gZg);
        // How much the balances shrink this variance: rounding in σ² − var(adjustment) grows by as much.
        // A flow the exact (σ = 0) flows determine has no variance left to be relative to: left out.
        if (s2 - adjustmentVariance > 1e-9 * s2)
            worstShrink_ = std::max(worstShrink_, s2 / (s2 - adjustmentVariance));
    }
}

void Reconciler::estimateUnmeasured() {
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        if (e_.measured[i])
            continue;
        EdgeEstimate& out = estimateOf(i);
        if (!e_.observable[i]) {
            out.status = FlowStatus::Unobservable;
            out.loopBlock = e_.loopBlock[i];
            continue;
        }
        out.status = FlowStatus::Observable;
        double value = 0, variance = 0;
        for (const CutTerm& t : e_.cut(i)) {
            value += t.sign * reconciled_[t.edge];
            if (!e_.exact[t.edge])
                variance += net_.edges[t.edge].sigma * net_.edges[t.edge].sigma;
        }
        variance -= quadraticForm(cutRowVector(e_.cut(i)));
        out.value = e_.cutSign[i] * value;
        out.sigma = std::sqrt(std::max(variance, 0.0));
    }
}

double Reconciler::quadraticForm(const std::vector<std::pair<int, double>>& w) const {
    if (w.empty() || e_.rowCount == 0)
        return 0;
    if (w.size() <= maxPatternSupport) {
        double sum = 0;
        for (std::size_t a = 0; a < w.size(); ++a) {
            sum += w[a].second * w[a].second * vInverse(w[a].first, w[a].first);
            for (std::size_t b = 0; b < a; ++b)
                sum += 2 * w[a].second * w[b].second * vInverse(w[a].first, w[b].first);
        }
        return sum;
    }
    Eigen::VectorXd dense = Eigen::VectorXd::Zero(e_.rowCount);
    for (const auto& [row, value] : w)
        dense[row] = value * scale_[row];
    return dense.dot(inverse_.solve(dense));
}

void Reconciler::testBalances() {
    // The caller's node numbers of each row, ascending: counted, then placed in one array, so that
    // each balance's list is allocated once at its size.
    std::vector<int> rowOfNode(at(net_.nodeCount));
    std::vector<int> start(at(e_.rowCount) + 1, 0);
    for (int v = 0; v < net_.nodeCount; ++v) {
        rowOfNode[at(v)] = e_.row[at(e_.reducedNode[at(order_.localNode[at(v)])])];
        if (rowOfNode[at(v)] >= 0)
            ++start[at(rowOfNode[at(v)]) + 1];
    }
    for (std::size_t p = 1; p < start.size(); ++p)
        start[p] += start[p - 1];
    std::vector<int> nodes(at(start.back()));
    {
        std::vector<int> next(start.begin(), start.end() - 1);
        for (int v = 0; v < net_.nodeCount; ++v)
            if (const int row = rowOfNode[at(v)]; row >= 0)
                nodes[at(next[at(row)]++)] = v;
    }
    result_.balances.resize(at(e_.rowCount));
    for (std::size_t k = 0; k < result_.balances.size(); ++k) { // in the caller's order
        const int p = e_.rowsInCallerOrder[k];
        BalanceTest& b = result_.balances[k];
        b.nodes.assign(nodes.begin() + start[at(p)], nodes.begin() + start[at(p) + 1]);
        b.residual = residual_[p];
        b.sigma = 1.0 / scale_[p];
        b.z = b.residual / b.sigma;
        const double zpp = vInverse(p, p);
        b.leak = lambda_[p] / zpp;
        b.leakStatistic = lambda_[p] * lambda_[p] / zpp;
    }
}

void Reconciler::globalTest() {
    GlobalTest& g = result_.global;
    g.alpha = options_.alpha;
    g.dof = e_.rowCount;
    g.statistic = e_.rowCount > 0 ? residual_.dot(lambda_) : 0.0;
    g.critical = chiSquaredQuantile(1 - options_.alpha, g.dof);
    g.passed = g.dof == 0 || g.statistic <= g.critical;
    result_.criticalZ = sidakCriticalZ(options_.alpha, result_.redundantCount);
}

Eigen::VectorXd Reconciler::covarianceTimes(const std::vector<std::pair<std::size_t, double>>& c) const {
    // Over the caller's edges, like c.
    Eigen::VectorXd out = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(net_.edges.size()));
    Eigen::VectorXd w = Eigen::VectorXd::Zero(e_.rowCount);
    for (const auto& [original, coefficient] : c) {
        const std::size_t edge = localEdge(original);
        if (!e_.measured[edge] || e_.exact[edge])
            continue;
        const double s2c = variance(edge) * coefficient;
        out[static_cast<Eigen::Index>(original)] += s2c;
        if (!e_.crossing[edge])
            continue;
        const EdgeRows r = e_.rows[edge];
        if (r.head >= 0)
            w[r.head] += s2c;
        if (r.tail >= 0)
            w[r.tail] -= s2c;
    }
    if (e_.rowCount == 0)
        return out;
    const Eigen::VectorXd y = solveV(w); // V⁻¹ G Σ c
    for (std::size_t i = 0; i < net_.edges.size(); ++i) {
        if (!e_.crossing[i] || e_.exact[i])
            continue;
        const EdgeRows r = e_.rows[i];
        double g = 0;
        if (r.head >= 0)
            g += y[r.head];
        if (r.tail >= 0)
            g -= y[r.tail];
        out[static_cast<Eigen::Index>(originalEdge(i))] -= variance(i) * g;
    }
    return out;
}

} // namespace shuiheng::balance::detail
