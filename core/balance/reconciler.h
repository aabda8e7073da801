#pragma once
// The reconciliation of one flow network, step by step (docs/balance.md). Internal to
// core/balance: reconcile() drives it, and the meter advice asks it for covariances.
//
// It works on the network renumbered for the cache (renumbering.h); everything it offers takes and
// gives the caller's edge and node numbers, except elimination(), which is in the local numbering
// (localEdge / originalEdge translate).

#include "balance/elimination.h"
#include "balance/reconciliation.h"
#include "balance/renumbering.h"
#include "balance/selected_inverse.h"

#include <Eigen/SparseCore>
#include <stdexcept>
#include <utility>
#include <vector>

namespace shuiheng::balance::detail {

/// What the reconciliation throws when its numbers cannot be computed: why, as a message (its
/// English is what()).
class ReconciliationFailure : public std::runtime_error {
public:
    explicit ReconciliationFailure(text::Message message);
    const text::Message& message() const { return message_; }

private:
    text::Message message_;
};

/// Sets `result`'s failure and failureMessage from an exception caught around a reconciliation
/// (another exception than ReconciliationFailure is said as its text).
void recordFailure(ReconciliationResult& result, const std::exception& error);

/// Above this estimated relative error the results are refused rather than reported.
inline constexpr double maxRoundingError = 1e-3;

class Reconciler {
public:
    Reconciler(const FlowNetwork& net, const ReconciliationOptions& options)
        : order_(renumberForLocality(net))
        , net_(order_.network)
        , options_(options)
        , e_(eliminate(net_, &order_)) {}

    /// Eliminates, factorises and computes every estimate and test; throws on a numerical failure.
    /// The result is in the caller's numbering either way.
    void run();
    ReconciliationResult& result() { return result_; }
    const ReconciliationResult& result() const { return result_; }
    /// In the local numbering.
    const Elimination& elimination() const { return e_; }
    std::size_t localEdge(std::size_t edge) const { return order_.localEdge[edge]; }
    std::size_t originalEdge(std::size_t local) const { return order_.originalEdge[local]; }
    /// The reduced node of a node of the caller's network (or the environment).
    int reducedNodeOf(int node) const {
        return e_.reducedNode[static_cast<std::size_t>(
            order_.localNode[static_cast<std::size_t>(node == environment ? net_.nodeCount : node)])];
    }

    /// Cov(x̂)·c for a combination c of measured edges (edge, coefficient), as a vector over all
    /// edges (0 for unmeasured ones): Σc − ΣGᵀV⁻¹GΣc, one solve. After run().
    Eigen::VectorXd covarianceTimes(const std::vector<std::pair<std::size_t, double>>& c) const;

    // What serial elimination updates instead of refactorising (serial_updates.h). After run().
    /// λ = V⁻¹ r over the reduced balances.
    const Eigen::VectorXd& multipliers() const { return lambda_; }
    /// (V⁻¹)_pq for a pair on the factor's pattern (p = q, or the two rows of an uncertain edge).
    double inverseAt(int p, int q) const { return vInverse(p, q); }
    /// V⁻¹ w by one solve with the factorisation.
    Eigen::VectorXd solveV(const Eigen::VectorXd& w) const {
        return scale_.cwiseProduct(inverse_.solve(scale_.cwiseProduct(w)));
    }
    /// The reduced rows an edge's measurement enters: (+1 at head, −1 at tail), −1 for no row.
    std::pair<int, int> rowsOfEdge(std::size_t edge) const {
        const EdgeRows rows = e_.rows[localEdge(edge)];
        return {rows.head, rows.tail};
    }

private:
    Renumbering order_;
    const FlowNetwork& net_; ///< the local network, order_.network
    const ReconciliationOptions& options_;
    Elimination e_;
    ReconciliationResult result_; ///< its edges in the caller's order, filled by deliverResults()
    /// Per local edge its estimate. Written in the order computed and delivered in the caller's order
    /// at the end: at 100,000 streams, writing each where the caller wants it as soon as it is
    /// computed made the estimate passes wait on memory at every edge (they took 2.5 times as long),
    /// and a pass that does nothing but gather keeps many more reads in flight.
    std::vector<EdgeEstimate> estimates_;
    std::vector<double> reconciled_; ///< per local edge: the reconciled value of a measured one
    std::vector<std::pair<int, double>> rowVector_; ///< cutRowVector's result (one buffer for all cuts)
    Eigen::SparseMatrix<double> scaledV_;           // S V S with S = diag(V)^(-1/2)
    Eigen::VectorXd scale_;                         // S
    Eigen::VectorXd residual_;                      // r: reduced balance residuals of the raw measurements
    Eigen::VectorXd lambda_;                        // V⁻¹ r
    SelectedInverse inverse_;

    double measured(std::size_t i) const { return *net_.edges[i].measured; }
    double variance(std::size_t i) const { return net_.edges[i].sigma * net_.edges[i].sigma; }

    /// Asks ahead for what estimateMeasured reads of an edge's rows. The rows are numbered in the
    /// local order (Elimination::rowsInCallerOrder), so these lie near those of the edges before; the hint
    /// still covers the rows an edge shares with a far part of the plant.
    void prefetchRows(std::size_t local) const {
        if (local >= e_.rows.size() || e_.rowCount == 0)
            return;
        for (const int row : {e_.rows[local].head, e_.rows[local].tail})
            if (row >= 0) {
                __builtin_prefetch(&lambda_[row]);
                __builtin_prefetch(&scale_[row]);
                inverse_.prefetch(row);
            }
    }

    /// (V⁻¹)_pq from the selected inverse of the scaled matrix.
    double vInverse(int p, int q) const { return scale_[p] * scale_[q] * *inverse_.at(p, q); }

    /// The caller's numbers of the network nodes in a set of reduced nodes, ascending.
    std::vector<int> nodesOf(const std::vector<bool>& reducedNodes) const;

    /// Everything run() computes, in the local numbering.
    void estimate();

    /// A balance that only exact flows carry must close; report those that do not.
    void checkExactBalances();

    /// V = G Σ Gᵀ and r = G y (exact flows included in r), plus explicit zeros for the entries
    /// of V⁻¹ that the unmeasured flows' variances will ask for.
    void assemble();

    void solveMultipliers() { lambda_ = solveV(residual_); }

    void estimateMeasured();

    void estimateUnmeasured();

    /// wᵀ V⁻¹ w: from the selected inverse when w is small, else by one solve.
    double quadraticForm(const std::vector<std::pair<int, double>>& w) const;

    /// Nodal test and leak GLR per reduced balance: a leak ℓ at row p shifts r by ℓ e_p, so
    /// ℓ̂ = λ_p / (V⁻¹)_pp and its statistic is λ_p² / (V⁻¹)_pp.
    void testBalances();

    void globalTest();

    /// The estimate of a local edge, while they are computed (in the local order).
    EdgeEstimate& estimateOf(std::size_t local) { return estimates_[local]; }
    /// The rows' per-row values an edge needs are asked for this many edges ahead.
    static constexpr std::size_t prefetchDistance = 8;
    /// The loop blocks' edges into the caller's numbering, and the estimates into the caller's
    /// order in one pass (result_.edges).
    void deliverResults();

    /// w = Σ_i c_i σ_i² g_i over the uncertain crossing edges of a cut, as (row, value) pairs
    /// ascending by row, into rowVector_.
    const std::vector<std::pair<int, double>>& cutRowVector(std::span<const CutTerm> cut);

    /// Sets result.roundingError; throws when it makes the numbers meaningless.
    void estimateRoundingError();
    double worstShrink_ = 1; ///< max over measured flows of σ² / var(x̂)
};

} // namespace shuiheng::balance::detail
