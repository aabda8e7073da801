#pragma once
// Serial elimination without refactorising (docs/balance.md). Accepting a hypothesis — a bias in
// meter i (its signature g_i in the reduced balances) or a leak at balance p (signature e_p) —
// and reconciling again is the same as projecting its signature out of the reduced system. With
// F the signatures accepted so far, Z = V⁻¹, U = Z F and M = Fᵀ Z F (Sherman–Morrison–Woodbury):
//     λ' = λ − U M⁻¹ Fᵀλ,   Z' = Z − U M⁻¹ Uᵀ,   χ²' = χ² − (Fᵀλ)ᵀ M⁻¹ (Fᵀλ),   dof' = dof − k,
// so each accepted hypothesis costs one solve with the existing factor, and the GLR statistics
// of every remaining hypothesis follow from the entries of Z already on the factor's pattern.
// Internal to core/balance: eliminateGrossErrors uses it to choose, and reconciles once at the end.

#include "balance/gross_errors.h"
#include "balance/reconciler.h"
#include "balance/union_find.h"

#include <Eigen/Dense>
#include <optional>
#include <vector>

namespace shuiheng::balance::detail {

class SerialUpdates {
public:
    /// `base` has run on `net` (the network before any hypothesis was accepted); both must
    /// outlive this object.
    SerialUpdates(const FlowNetwork& net, const Reconciler& base, const ReconciliationOptions& options);

    /// Projects the hypothesis's signature out (it must have come from strongest(), or from the
    /// reconciliation of the base network).
    void accept(const GrossError& error);

    /// The global test with the accepted hypotheses removed.
    bool passes() const;

    struct Next {
        std::optional<GrossError> error; ///< the strongest hypothesis left; none when nothing is left
        /// The strongest is a leak where a balance only exact flows carry closes the group: adding
        /// it does not change the number of balances as the update assumes. Reconcile in full.
        bool needsFullReconciliation = false;
    };
    /// The strongest remaining hypothesis, chosen exactly as on a full reconciliation (ties,
    /// equivalent meters, non-negative true flows, positive leaks).
    Next strongest(bool considerLeaks) const;

private:
    const FlowNetwork& net_;
    const Reconciler& base_;
    const Elimination& e_;
    ReconciliationOptions options_;
    using Signature = std::vector<std::pair<int, double>>; ///< a vector over the rows: (row, value)
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    std::vector<Signature> signatures_; ///< F by columns
    RowMajor u_;                        ///< U = Z F, row-major: one row is read per signature entry
    Eigen::MatrixXd mInverse_;          ///< (Fᵀ Z F)⁻¹
    Eigen::VectorXd lambda_;            ///< λ'
    double statistic_ = 0;              ///< χ²'
    std::vector<int> reducedOfRow_;     ///< per row: its reduced node
    std::vector<bool> rowInEnvClass_;   ///< per row: its class of balances holds the environment
    /// Reduced nodes joined by the accepted hypotheses (a dropped meter joins its ends, a leak
    /// joins its balance to the environment). Mutable: finding compresses paths.
    mutable UnionFind merged_;
    std::vector<bool> dropped_; ///< per edge: a meter already accepted as biased
    /// The meters that can be tested (a z in the base reconciliation), with what each step needs of
    /// them at hand: every step looks at all of them, and finding their rows anew each time (through
    /// the elimination's node and row tables) cost more than the statistics themselves.
    struct Meter {
        std::size_t edge;
        int head, tail; ///< the rows of its signature, −1 for none (meterSignature)
        double measured;
        double quadratic; ///< gᵀZg before any update, looked up on the factor once
    };
    std::vector<Meter> meters_;
    /// Z_pp per row before any update.
    std::vector<double> rowQuadratic_;
    mutable std::pair<Eigen::VectorXd, Eigen::VectorXd> scratch_; ///< for projectedQuadratic(Meter)

    Signature meterSignature(std::size_t edge) const;
    /// fᵀ Z f from the entries on the factor's pattern.
    double quadratic(const Signature& f) const;
    /// fᵀ Z' f = fᵀ Z f − (Uᵀf)ᵀ M⁻¹ (Uᵀf), given fᵀ Z f; 0 when f is (up to rounding) projected out.
    double projectedQuadratic(const Signature& f, double fZf) const;
    double dotLambda(const Signature& f) const; ///< fᵀ λ'
    /// projectedQuadratic and dotLambda of a meter's signature, without building it.
    double projectedQuadratic(const Meter& meter) const;
    double dotLambda(const Meter& meter) const;
    std::vector<int> nodesOfGroup(int reduced) const;
};

} // namespace shuiheng::balance::detail
