#include "indicators/used_share.h"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <map>

namespace shuiheng::indicators::detail {

bool isWaterUsing(const Node& node) {
    return node.kind == NodeKind::Unit && node.category != "treatment";
}

struct UsedShares::Impl {
    const PlantGraph* graph = nullptr;
    std::vector<int> index;           // per plant node: its treatment index, or −1
    std::vector<NodeIndex> treatment; // per treatment index: the plant node
    std::vector<bool> empty;          // nothing flows in: s_T = 0, fixed
    Eigen::VectorXd s;
    Eigen::SparseLU<Eigen::SparseMatrix<double>> transposed; // factorisation of Kᵀ
    bool factorised = false;
    std::vector<std::set<std::size_t>> upstream; // per treatment index: inflows s_T depends on
};

UsedShares::UsedShares(const PlantGraph& graph, const std::vector<double>& x)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.graph = &graph;
    const Plant& plant = graph.plant();
    m.index.assign(plant.nodes.size(), -1);
    for (NodeIndex n = 0; n < plant.nodes.size(); ++n)
        if (plant.nodes[n].kind == NodeKind::Unit && !isWaterUsing(plant.nodes[n])) {
            m.index[n] = static_cast<int>(m.treatment.size());
            m.treatment.push_back(n);
        }
    const auto count = static_cast<Eigen::Index>(m.treatment.size());
    m.s = Eigen::VectorXd::Zero(count);
    m.empty.assign(m.treatment.size(), false);
    m.upstream.assign(m.treatment.size(), {});
    if (count == 0)
        return;

    std::vector<Eigen::Triplet<double>> triplets;
    Eigen::VectorXd used = Eigen::VectorXd::Zero(count);
    for (std::size_t t = 0; t < m.treatment.size(); ++t) {
        const NodeIndex node = m.treatment[t];
        double in = 0;
        std::map<int, double> fromTreatment;
        for (StreamIndex e : graph.inStreams(node)) {
            const NodeIndex from = graph.fromNode(e);
            if (from == node)
                continue; // its own circulation carries its own mixture
            in += x[e];
            m.upstream[t].insert(e);
            if (isWaterUsing(plant.nodes[from]))
                used[static_cast<Eigen::Index>(t)] += x[e];
            else if (m.index[from] >= 0)
                fromTreatment[m.index[from]] += x[e];
        }
        const auto row = static_cast<Eigen::Index>(t);
        if (in <= 0) {
            m.empty[t] = true;
            used[row] = 0;
            triplets.emplace_back(row, row, 1.0);
            continue;
        }
        triplets.emplace_back(row, row, in);
        for (const auto& [col, f] : fromTreatment)
            triplets.emplace_back(row, col, -f);
    }
    Eigen::SparseMatrix<double> k(count, count);
    k.setFromTriplets(triplets.begin(), triplets.end());
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
    lu.compute(k);
    if (lu.info() != Eigen::Success)
        return; // a singular system (no meaningful flows): shares stay 0
    m.s = lu.solve(used);
    Eigen::SparseMatrix<double> kt = k.transpose();
    m.transposed.compute(kt);
    m.factorised = m.transposed.info() == Eigen::Success;

    // What each share depends on: its inflows and, transitively, those of upstream treatment units.
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::size_t t = 0; t < m.treatment.size(); ++t)
            for (StreamIndex e : graph.inStreams(m.treatment[t])) {
                const int from = m.index[graph.fromNode(e)];
                if (from < 0 || static_cast<std::size_t>(from) == t)
                    continue;
                for (std::size_t u : m.upstream[static_cast<std::size_t>(from)])
                    changed |= m.upstream[t].insert(u).second;
            }
    }
}

UsedShares::~UsedShares() = default;

bool UsedShares::isTreatment(NodeIndex node) const {
    return impl_->index[node] >= 0;
}

double UsedShares::share(NodeIndex treatment) const {
    const int t = impl_->index[treatment];
    return t < 0 ? 0.0 : impl_->s[t];
}

Form UsedShares::weighted(const std::vector<std::pair<NodeIndex, Form>>& weights) const {
    const Impl& m = *impl_;
    Form out;
    if (weights.empty())
        return out;
    Eigen::VectorXd w = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(m.treatment.size()));
    for (const auto& [node, weight] : weights) {
        const int t = m.index[node];
        out += weight * m.s[t];
        out.streams.insert(m.upstream[static_cast<std::size_t>(t)].begin(),
                           m.upstream[static_cast<std::size_t>(t)].end());
        w[t] += weight.value;
    }
    if (!m.factorised)
        return out;
    const Eigen::VectorXd lambda = m.transposed.solve(w);
    const Plant& plant = m.graph->plant();
    for (std::size_t t = 0; t < m.treatment.size(); ++t) {
        const double l = lambda[static_cast<Eigen::Index>(t)];
        if (l == 0 || m.empty[t])
            continue;
        const NodeIndex node = m.treatment[t];
        const double st = m.s[static_cast<Eigen::Index>(t)];
        for (StreamIndex e : m.graph->inStreams(node)) {
            const NodeIndex from = m.graph->fromNode(e);
            if (from == node)
                continue;
            double d = -st;
            if (isWaterUsing(plant.nodes[from]))
                d += 1;
            else if (m.index[from] >= 0)
                d += m.s[m.index[from]];
            out.gradient[e] += l * d;
        }
    }
    return out;
}

} // namespace shuiheng::indicators::detail
