#pragma once
// A plain DENSE implementation of the reconciliation mathematics, kept in the tests as the
// independent reference for the sparse engine (core/balance/). It follows the textbook route
// step by step — projection of the unmeasured flows (Crowe et al. 1983), rank-revealing removal
// of dependent balances, weighted least squares on what is left (Narasimhan & Jordache 2000,
// ch. 3 and 7) — with Eigen dense decompositions only, and computes nothing on the graph except
// what the tests need to interpret the engine's combinatorial outputs (contradicting node sets,
// loop blocks). It is meant for networks up to a few hundred edges.

#include "balance/gross_errors.h"
#include "balance/reconciliation.h"

#include <cstddef>
#include <vector>

namespace shuiheng::balance::test {

struct DenseResult : ReconciliationResult {
    int rankB = 0; ///< rank of the unmeasured-flow incidence B
    /// Per edge: σ_i² (Σ Gᵀ V⁻¹ G Σ)_ii / σ_i², the share of a measurement's variance that the
    /// balances remove (0 for non-redundant, → 1 for a measurement the others fix). NaN-free;
    /// 0 for edges that are not measured with σ > 0.
    std::vector<double> redundancyShare;
    /// Per edge: the standard deviation before reconciliation — σ_i of a measurement, and for an
    /// observable unmeasured flow that of the same combination of raw measurements that gives û
    /// (‖row of B⁺ A_r Σ^{1/2}‖); 0 otherwise. The natural scale of rounding errors in a variance.
    std::vector<double> priorSigma;
    /// Per edge: for an unmeasured edge in a loop of unmeasured edges, the cyclomatic number of its
    /// 2-edge-connected block (environment counted as a vertex); 1 for a circulation loop; 0 else.
    std::vector<int> loopBlockCyclomatic;
    /// Per edge: id of that loop block (−1 if none). Circulation loops form their own block.
    std::vector<int> loopBlock;
    /// Per edge: for an unobservable edge, the chords of a spanning tree of its loop block (the
    /// fewest edges whose measurement makes the block observable); empty for any other edge.
    std::vector<std::vector<std::size_t>> toObserve;
};

/// Reconciles `network` at significance level `alpha` with dense linear algebra. Accurate for
/// σ ratios up to about 10⁸ within a network (errors grow like ratio · ε beyond).
DenseResult denseReconcile(const FlowNetwork& network, double alpha = 0.05);

/// Every single gross-error hypothesis with its GLR statistic (N&J ch. 7), for the balances as
/// they stand: a bias δ in a redundant measurement i with σ > 0 (residual shift δ g_i; only
/// when y_i − δ̂ ≥ 0, a true flow below 0 being no explanation), and a leak ℓ ≥ 0 at each group
/// of nodes merged by unmeasured flows that keeps a balance (shift ℓ P e_k; only ℓ̂ > 0).
/// Statistic (fᵀV⁻¹r)² / (fᵀV⁻¹f), estimate fᵀV⁻¹r / fᵀV⁻¹f. Leak nodes sorted ascending.
std::vector<GrossError> denseHypotheses(const FlowNetwork& network);

/// Largest |cosine| (in the V⁻¹ metric of the reduced balances) between the GLR signature of a
/// bias in measurement `edge` and the signature of every other single hypothesis: a bias in any
/// other measurement with σ > 0, or a leak at any balanced node. 1 means the bias cannot be told
/// apart from some other hypothesis; a value well below 1 means it is identifiable. Returns 1 for
/// an edge that is not a redundant measurement with σ > 0.
double maxSignatureCosine(const FlowNetwork& network, std::size_t edge);

/// The edges still unobservable after measuring `extra` (any σ > 0), by denseReconcile.
std::vector<std::size_t> stillUnobservable(const FlowNetwork& network, const std::vector<std::size_t>& extra);

} // namespace shuiheng::balance::test
