#include "dense_reference.h"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <map>
#include <numeric>

namespace shuiheng::balance::test {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Rank decisions. B, G and A have entries of order 1 (incidence columns, orthonormal
// projections of them); their smallest non-zero singular values are of order 1/n, so a fixed
// threshold far below that and far above rounding separates zero from non-zero safely.
constexpr double rankTolerance = 1e-9;
// A balance of exact flows "vanishes" when it is below this share of the flows involved.
constexpr double contradictionTolerance = 1e-9;

/// A full SVD that also accepts empty matrices (Eigen's decompositions want rows and columns).
struct Svd {
    MatrixXd U; ///< rows × rows
    MatrixXd V; ///< cols × cols
    VectorXd s; ///< min(rows, cols) singular values, descending
    int rank = 0;
};

Svd fullSvd(const MatrixXd& M, double tolerance) {
    Svd svd;
    if (M.rows() == 0 || M.cols() == 0) {
        svd.U = MatrixXd::Identity(M.rows(), M.rows());
        svd.V = MatrixXd::Identity(M.cols(), M.cols());
        svd.s.resize(0);
        return svd;
    }
    // Jacobi is the most accurate; divide and conquer keeps plants of a thousand streams quick.
    if (std::min(M.rows(), M.cols()) <= 100) {
        Eigen::JacobiSVD<MatrixXd> jacobi(M, Eigen::ComputeFullU | Eigen::ComputeFullV);
        svd.U = jacobi.matrixU();
        svd.V = jacobi.matrixV();
        svd.s = jacobi.singularValues();
    } else {
        Eigen::BDCSVD<MatrixXd> bdc(M, Eigen::ComputeFullU | Eigen::ComputeFullV);
        svd.U = bdc.matrixU();
        svd.V = bdc.matrixV();
        svd.s = bdc.singularValues();
    }
    for (Eigen::Index k = 0; k < svd.s.size(); ++k)
        if (svd.s(k) > tolerance)
            ++svd.rank;
    return svd;
}

/// Node-by-edge incidence of the listed edges: +1 in the row of the node an edge flows into,
/// −1 in the row of the node it leaves. The environment has no row; a circulation loop
/// (from == to) cancels and leaves a zero column.
MatrixXd incidence(const FlowNetwork& network, const std::vector<std::size_t>& edges) {
    MatrixXd M = MatrixXd::Zero(network.nodeCount, static_cast<Eigen::Index>(edges.size()));
    for (std::size_t c = 0; c < edges.size(); ++c) {
        const NetworkEdge& e = network.edges[edges[c]];
        if (e.from == e.to)
            continue;
        if (e.to != environment)
            M(e.to, static_cast<Eigen::Index>(c)) += 1.0;
        if (e.from != environment)
            M(e.from, static_cast<Eigen::Index>(c)) -= 1.0;
    }
    return M;
}

struct UnionFind {
    explicit UnionFind(int n)
        : parent(static_cast<std::size_t>(n)) {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int a) {
        while (parent[a] != a)
            a = parent[a] = parent[parent[a]];
        return a;
    }
    bool unite(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        parent[b] = a;
        return true;
    }
    std::vector<int> parent;
};

/// Vertex of the graph algorithms: nodes 0..n−1, the environment is n.
int vertex(const FlowNetwork& network, int node) {
    return node == environment ? network.nodeCount : node;
}

/// Everything the projection gives, shared by the reconciliation and the signature analysis.
struct Projection {
    std::vector<std::size_t> r; ///< measured with σ > 0
    std::vector<std::size_t> f; ///< measured with σ = 0 (known exactly)
    std::vector<std::size_t> u; ///< unmeasured
    MatrixXd Ar, Af, B;
    VectorXd yr, sr, yf;
    Svd svdB;
    MatrixXd P; ///< orthonormal basis of the left null space of B, as rows: P B = 0
    MatrixXd G; ///< P A_r: balances with the unmeasured flows projected out
    VectorXd b; ///< −P A_f y_f: the exact flows moved to the right-hand side
    Svd svdG;
    MatrixXd Gred;            ///< independent rows of G: U_dᵀ G (d × m_r, full row rank)
    VectorXd bred;            ///< U_dᵀ b
    double inconsistency = 0; ///< ‖U_⊥ᵀ b‖: the part of b no choice of x_r can meet
};

Projection project(const FlowNetwork& network) {
    Projection p;
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        const NetworkEdge& e = network.edges[k];
        if (!e.measured)
            p.u.push_back(k);
        else if (e.sigma > 0)
            p.r.push_back(k);
        else
            p.f.push_back(k);
    }
    // Constraints A x + B u = 0 with A = [A_r A_f] (one row per balanced node).
    p.Ar = incidence(network, p.r);
    p.Af = incidence(network, p.f);
    p.B = incidence(network, p.u);
    p.yr.resize(static_cast<Eigen::Index>(p.r.size()));
    p.sr.resize(p.yr.size());
    for (std::size_t c = 0; c < p.r.size(); ++c) {
        p.yr(static_cast<Eigen::Index>(c)) = *network.edges[p.r[c]].measured;
        p.sr(static_cast<Eigen::Index>(c)) = network.edges[p.r[c]].sigma;
    }
    p.yf.resize(static_cast<Eigen::Index>(p.f.size()));
    for (std::size_t c = 0; c < p.f.size(); ++c)
        p.yf(static_cast<Eigen::Index>(c)) = *network.edges[p.f[c]].measured;

    // Crowe projection: B = U S Vᵀ; the columns of U beyond rank(B) span the left null space,
    // P = U_⊥ᵀ, so P B = 0 and P A x = 0 holds exactly for the x that admit some u.
    p.svdB = fullSvd(p.B, rankTolerance);
    const Eigen::Index n = network.nodeCount;
    const Eigen::Index k = p.svdB.rank;
    p.P = p.svdB.U.rightCols(n - k).transpose();

    // Reduced constraints G x_r = b with G = P A_r and b = −P A_f y_f.
    p.G = p.P * p.Ar;
    p.b = -(p.P * (p.Af * p.yf));

    // Dependent rows of G: G = U_G S Vᵀ; the first d = rank(G) rows of U_Gᵀ G are independent,
    // the others are (numerically) zero and leave only the condition U_⊥ᵀ b = 0.
    p.svdG = fullSvd(p.G, rankTolerance);
    const Eigen::Index d = p.svdG.rank;
    p.Gred = p.svdG.U.leftCols(d).transpose() * p.G;
    p.bred = p.svdG.U.leftCols(d).transpose() * p.b;
    if (p.G.rows() > d)
        p.inconsistency = (p.svdG.U.rightCols(p.G.rows() - d).transpose() * p.b).norm();
    return p;
}

/// Contradictions, node by node: the balances left after every unmeasured and every σ > 0
/// flow has been allowed to adjust are those of the connected components (over those flows)
/// that do not reach the environment — the left null space of G is spanned by their indicator
/// vectors. Such a component's balance holds only if its exact (σ = 0) boundary flows add up.
std::vector<Contradiction> contradictions(const FlowNetwork& network) {
    UnionFind components(network.nodeCount + 1);
    for (const NetworkEdge& e : network.edges)
        if (!e.measured || e.sigma > 0)
            components.unite(vertex(network, e.from), vertex(network, e.to));
    const int env = components.find(network.nodeCount);
    std::map<int, Contradiction> byRoot;
    std::map<int, double> magnitude;
    for (int node = 0; node < network.nodeCount; ++node)
        if (components.find(node) != env)
            byRoot[components.find(node)].nodes.push_back(node);
    for (const NetworkEdge& e : network.edges) {
        if (!e.measured || e.sigma > 0)
            continue;
        const int into = components.find(vertex(network, e.to));
        const int outOf = components.find(vertex(network, e.from));
        if (into == outOf)
            continue; // inside one component: cancels in its balance
        if (into != env) {
            byRoot[into].imbalance += *e.measured;
            magnitude[into] += std::abs(*e.measured);
        }
        if (outOf != env) {
            byRoot[outOf].imbalance -= *e.measured;
            magnitude[outOf] += std::abs(*e.measured);
        }
    }
    std::vector<Contradiction> result;
    for (auto& [root, c] : byRoot)
        if (std::abs(c.imbalance) > contradictionTolerance * magnitude[root])
            result.push_back(c);
    std::sort(result.begin(), result.end(),
              [](const Contradiction& a, const Contradiction& b) { return a.nodes < b.nodes; });
    return result;
}

/// Loop blocks of the unmeasured edges: 2-edge-connected components of the graph of unmeasured
/// edges with the environment as a vertex (a path of unmeasured flows from the environment back
/// to it is a loop too). An edge lies in a loop iff it is not a bridge; circulation loops are
/// blocks of their own. Fills loopBlock, loopBlockCyclomatic and, for every edge of a block,
/// toObserve = the chords of a spanning tree of the block.
void loopBlocks(const FlowNetwork& network, DenseResult& result) {
    const std::size_t m = network.edges.size();
    result.loopBlock.assign(m, -1);
    result.loopBlockCyclomatic.assign(m, 0);
    result.toObserve.assign(m, {});
    std::vector<std::size_t> unmeasured;
    for (std::size_t k = 0; k < m; ++k)
        if (!network.edges[k].measured && network.edges[k].from != network.edges[k].to)
            unmeasured.push_back(k);
    // Bridges the plain way: an edge is a bridge iff its ends fall apart without it.
    std::vector<bool> bridge(m, false);
    for (std::size_t k : unmeasured) {
        UnionFind uf(network.nodeCount + 1);
        for (std::size_t j : unmeasured)
            if (j != k)
                uf.unite(vertex(network, network.edges[j].from), vertex(network, network.edges[j].to));
        const NetworkEdge& e = network.edges[k];
        bridge[k] = uf.find(vertex(network, e.from)) != uf.find(vertex(network, e.to));
    }
    UnionFind blocks(network.nodeCount + 1);
    for (std::size_t k : unmeasured)
        if (!bridge[k])
            blocks.unite(vertex(network, network.edges[k].from), vertex(network, network.edges[k].to));
    std::map<int, std::vector<std::size_t>> edgesOf;
    for (std::size_t k : unmeasured)
        if (!bridge[k])
            edgesOf[blocks.find(vertex(network, network.edges[k].from))].push_back(k);
    int id = 0;
    for (auto& [root, edges] : edgesOf) {
        // Spanning tree in edge order; the chords are the edges that close a cycle.
        UnionFind tree(network.nodeCount + 1);
        std::vector<std::size_t> chords;
        for (std::size_t k : edges)
            if (!tree.unite(vertex(network, network.edges[k].from), vertex(network, network.edges[k].to)))
                chords.push_back(k);
        for (std::size_t k : edges) {
            result.loopBlock[k] = id;
            result.loopBlockCyclomatic[k] = static_cast<int>(chords.size());
            result.toObserve[k] = chords;
        }
        ++id;
    }
    for (std::size_t k = 0; k < m; ++k)
        if (!network.edges[k].measured && network.edges[k].from == network.edges[k].to) {
            result.loopBlock[k] = id++;
            result.loopBlockCyclomatic[k] = 1;
            result.toObserve[k] = {k};
        }
}

} // namespace

DenseResult denseReconcile(const FlowNetwork& network, double alpha) {
    const std::size_t edgeCount = network.edges.size();
    DenseResult result;
    result.edges.resize(edgeCount);
    result.redundancyShare.assign(edgeCount, 0.0);
    result.priorSigma.assign(edgeCount, 0.0);
    for (std::size_t k = 0; k < edgeCount; ++k)
        if (network.edges[k].measured)
            result.priorSigma[k] = network.edges[k].sigma;
    result.global.alpha = alpha;

    const Projection p = project(network);
    result.rankB = p.svdB.rank;
    const Eigen::Index mr = static_cast<Eigen::Index>(p.r.size());
    const Eigen::Index d = p.svdG.rank;

    // Weighted least squares (N&J eq. 3.7–3.9) with Σ = diag(σ²):
    //   r = G y − b,  V = G Σ Gᵀ,  x̂ = y − Σ Gᵀ V⁻¹ r,  Cov(x̂) = Σ − Σ Gᵀ V⁻¹ G Σ,
    // computed in the scaled variables w = Σ^{−1/2}(x − y), which keeps the extreme-σ cases
    // finite and the variances free of cancellation: with Gs = G Σ^{1/2} = W S Zᵀ (rank d),
    //   V = W S² Wᵀ,  rᵀ V⁻¹ r = ‖S⁻¹ Wᵀ r‖²,  w = −Z_d S⁻¹ Wᵀ r  (so x̂ = y + Σ^{1/2} w),
    //   Σ^{1/2} Gᵀ V⁻¹ G Σ^{1/2} = Z_d Z_dᵀ,  Cov(x̂) = Σ^{1/2} Z_⊥ Z_⊥ᵀ Σ^{1/2}.
    const VectorXd residual = p.Gred * p.yr - p.bred;
    const MatrixXd Gs = p.Gred * p.sr.asDiagonal();
    const Svd svdS = fullSvd(Gs, 0.0);
    VectorXd t = VectorXd::Zero(d); // S⁻¹ Wᵀ r
    if (d > 0) {
        const VectorXd wr = svdS.U.transpose() * residual;
        for (Eigen::Index i = 0; i < d; ++i)
            t(i) = svdS.s(i) > 0 ? wr(i) / svdS.s(i) : 0.0;
    }
    const MatrixXd Zd = svdS.V.leftCols(d);
    const MatrixXd Zperp = svdS.V.rightCols(mr - d);
    // Whitened balance signatures h_i = V^{−1/2} g_i = S⁻¹ Wᵀ g_i (column i of H). They give the
    // measurement test without σ_i: z_i = σ_i² g_iᵀ V⁻¹ r / (σ_i² √(g_iᵀ V⁻¹ g_i)) = h_iᵀ t / ‖h_i‖,
    // which stays accurate when a measurement's share of the adjustment is tiny (Z_d row i ≈ 0).
    MatrixXd H = MatrixXd::Zero(d, mr);
    if (d > 0) {
        H = svdS.U.transpose() * p.Gred;
        for (Eigen::Index i = 0; i < d; ++i)
            H.row(i) = svdS.s(i) > 0 ? MatrixXd(H.row(i) / svdS.s(i)) : MatrixXd::Zero(1, mr);
    }
    const VectorXd w = -(Zd * t);
    const VectorXd xr = p.yr + p.sr.cwiseProduct(w);

    result.global.dof = static_cast<int>(d);
    result.global.statistic = t.squaredNorm();
    if (d > 0) {
        boost::math::chi_squared chi2(static_cast<double>(d));
        result.global.critical = boost::math::quantile(chi2, 1.0 - alpha);
        result.global.passed = result.global.statistic <= result.global.critical;
    }

    // Measured with σ > 0: redundant iff its column of G is non-zero.
    for (Eigen::Index c = 0; c < mr; ++c) {
        EdgeEstimate& est = result.edges[p.r[static_cast<std::size_t>(c)]];
        const double sigma = p.sr(c);
        if (p.G.col(c).norm() <= rankTolerance) {
            est.status = FlowStatus::Nonredundant;
            est.value = p.yr(c);
            est.sigma = sigma;
            continue;
        }
        est.status = FlowStatus::Redundant;
        est.value = xr(c);
        est.sigma = sigma * Zperp.row(c).norm(); // √Cov(x̂)_ii
        // Measurement test: z_i = (y_i − x̂_i) / √(Σ Gᵀ V⁻¹ G Σ)_ii = h_iᵀ t / ‖h_i‖; the share
        // of the variance the balances remove is σ_i² ‖h_i‖² (= ‖Z_d row i‖²).
        const double norm = H.col(c).norm();
        result.redundancyShare[p.r[static_cast<std::size_t>(c)]] = std::min(1.0, sigma * sigma * norm * norm);
        est.z = norm > 0 ? H.col(c).dot(t) / norm : 0.0;
        ++result.redundantCount;
    }
    // Known exactly: value as given, no uncertainty; redundant when a balance involves it.
    const MatrixXd PAf = p.P * p.Af;
    for (std::size_t c = 0; c < p.f.size(); ++c) {
        EdgeEstimate& est = result.edges[p.f[c]];
        const auto col = static_cast<Eigen::Index>(c);
        est.status = PAf.col(col).norm() > rankTolerance ? FlowStatus::Redundant : FlowStatus::Nonredundant;
        est.value = p.yf(col);
        est.sigma = 0.0;
    }

    // Šidák-corrected threshold over the m redundant measurements with σ > 0:
    // β = 1 − (1 − α)^{1/m}, criticalZ = Φ⁻¹(1 − β/2).
    if (result.redundantCount > 0) {
        const double beta = -std::expm1(std::log1p(-alpha) / result.redundantCount);
        result.criticalZ = boost::math::quantile(boost::math::normal(), 1.0 - beta / 2.0);
    }

    // Unmeasured: B = U S Vᵀ; the columns of V beyond rank(B) span the null space of B (the
    // circulations of unmeasured flows). u_j is determined iff row j of that basis is zero.
    // Then û = −B⁺ A x̂ (any solution has the same observable components) and its covariance is
    // B⁺ A Cov(x̂) Aᵀ B⁺ᵀ = L Lᵀ with L = B⁺ A_r Σ^{1/2} Z_⊥ (the exact flows add no variance).
    const Eigen::Index nu = static_cast<Eigen::Index>(p.u.size());
    if (nu > 0) {
        const Eigen::Index k = p.svdB.rank;
        const MatrixXd nullB = p.svdB.V.rightCols(nu - k);
        MatrixXd Bplus = MatrixXd::Zero(nu, network.nodeCount);
        for (Eigen::Index i = 0; i < k; ++i)
            Bplus += p.svdB.V.col(i) * (p.svdB.U.col(i).transpose() / p.svdB.s(i));
        const VectorXd uhat = -(Bplus * (p.Ar * xr + p.Af * p.yf));
        const MatrixXd prior = Bplus * p.Ar * p.sr.asDiagonal();
        const MatrixXd L = prior * Zperp;
        for (Eigen::Index j = 0; j < nu; ++j) {
            EdgeEstimate& est = result.edges[p.u[static_cast<std::size_t>(j)]];
            if (nullB.row(j).norm() > rankTolerance) {
                est.status = FlowStatus::Unobservable;
                continue;
            }
            est.status = FlowStatus::Observable;
            est.value = uhat(j);
            est.sigma = L.row(j).norm();
            result.priorSigma[p.u[static_cast<std::size_t>(j)]] = prior.row(j).norm();
        }
    }

    loopBlocks(network, result);
    result.contradictions = contradictions(network);
    return result;
}

std::vector<GrossError> denseHypotheses(const FlowNetwork& network) {
    const Projection p = project(network);
    const Eigen::Index d = p.svdG.rank;
    std::vector<GrossError> hypotheses;
    if (d == 0)
        return hypotheses;
    // Whitening by V^{−1/2} = S⁻¹ Wᵀ with Gs = G Σ^{1/2} = W S Zᵀ: t = V^{−1/2} r, h = V^{−1/2} f,
    // then fᵀV⁻¹r = hᵀt and fᵀV⁻¹f = ‖h‖².
    const MatrixXd Gs = p.Gred * p.sr.asDiagonal();
    const Svd svdS = fullSvd(Gs, 0.0);
    const MatrixXd whiten = svdS.s.head(d).cwiseInverse().asDiagonal() * svdS.U.transpose();
    const VectorXd t = whiten * (p.Gred * p.yr - p.bred);
    auto glr = [&](const VectorXd& f, double* estimate) {
        const VectorXd h = whiten * f;
        const double hh = h.squaredNorm();
        if (!(hh > 0))
            return -1.0;
        *estimate = h.dot(t) / hh;
        return h.dot(t) * h.dot(t) / hh;
    };
    for (Eigen::Index c = 0; c < p.Gred.cols(); ++c) {
        if (p.G.col(c).norm() <= rankTolerance)
            continue;
        double bias = 0;
        const double statistic = glr(p.Gred.col(c), &bias);
        const std::size_t edge = p.r[static_cast<std::size_t>(c)];
        if (statistic < 0 || *network.edges[edge].measured - bias < 0)
            continue;
        GrossError g;
        g.kind = GrossError::Kind::MeterBias;
        g.edge = edge;
        g.estimate = bias;
        g.statistic = statistic;
        hypotheses.push_back(g);
    }
    // Leaks: one per group of nodes merged by unmeasured flows, the environment's group excepted.
    UnionFind groups(network.nodeCount + 1);
    for (const NetworkEdge& e : network.edges)
        if (!e.measured)
            groups.unite(vertex(network, e.from), vertex(network, e.to));
    std::map<int, std::vector<int>> members;
    for (int node = 0; node < network.nodeCount; ++node)
        if (groups.find(node) != groups.find(network.nodeCount))
            members[groups.find(node)].push_back(node);
    const MatrixXd reduce = p.svdG.U.leftCols(d).transpose() * p.P; // column k: U_dᵀ P e_k
    for (const auto& [root, nodes] : members) {
        const VectorXd f = reduce.col(nodes.front());
        if (f.norm() <= rankTolerance)
            continue;
        double leak = 0;
        const double statistic = glr(f, &leak);
        if (statistic < 0 || !(leak > 0))
            continue;
        GrossError g;
        g.kind = GrossError::Kind::Leak;
        g.nodes = nodes;
        g.estimate = leak;
        g.statistic = statistic;
        hypotheses.push_back(g);
    }
    return hypotheses;
}

double maxSignatureCosine(const FlowNetwork& network, std::size_t edge) {
    const Projection p = project(network);
    const auto it = std::find(p.r.begin(), p.r.end(), edge);
    const Eigen::Index d = p.svdG.rank;
    if (it == p.r.end() || d == 0)
        return 1.0;
    const auto col = static_cast<Eigen::Index>(it - p.r.begin());
    if (p.G.col(col).norm() <= rankTolerance)
        return 1.0;
    // GLR signatures in the reduced balance space: a bias δ in measurement i shifts the
    // residual by δ G_i; a leak λ at node k by −λ U_dᵀ P e_k. Whitened by V^{−1/2} = S⁻¹ Wᵀ.
    const MatrixXd Gs = p.Gred * p.sr.asDiagonal();
    const Svd svdS = fullSvd(Gs, 0.0);
    const MatrixXd whiten = svdS.s.head(d).cwiseInverse().asDiagonal() * svdS.U.transpose();
    auto unit = [&](const VectorXd& f) -> VectorXd {
        const VectorXd g = whiten * f;
        const double norm = g.norm();
        return norm > 0 ? VectorXd(g / norm) : VectorXd(VectorXd::Zero(d));
    };
    const VectorXd mine = unit(p.Gred.col(col));
    double worst = 0;
    for (Eigen::Index c = 0; c < p.Gred.cols(); ++c)
        if (c != col && p.G.col(c).norm() > rankTolerance)
            worst = std::max(worst, std::abs(mine.dot(unit(p.Gred.col(c)))));
    const MatrixXd leaks = p.svdG.U.leftCols(d).transpose() * p.P; // column k: leak at node k
    for (Eigen::Index k = 0; k < leaks.cols(); ++k)
        if (leaks.col(k).norm() > rankTolerance)
            worst = std::max(worst, std::abs(mine.dot(unit(leaks.col(k)))));
    return worst;
}

std::vector<std::size_t> stillUnobservable(const FlowNetwork& network,
                                           const std::vector<std::size_t>& extra) {
    FlowNetwork measured = network;
    for (std::size_t k : extra) {
        measured.edges.at(k).measured = 1.0;
        measured.edges.at(k).sigma = 1.0;
    }
    const DenseResult after = denseReconcile(measured);
    std::vector<std::size_t> result;
    for (std::size_t k = 0; k < network.edges.size(); ++k)
        if (after.edges[k].status == FlowStatus::Unobservable)
            result.push_back(k);
    return result;
}

} // namespace shuiheng::balance::test
