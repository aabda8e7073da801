#pragma once
// Entries of the inverse of a sparse symmetric positive definite matrix without forming it:
// an LDLᵀ factorisation (Eigen SimplicialLDLT, AMD ordering) and then Takahashi's equations,
// which give every entry of the inverse on the sparsity pattern of the factor at about the cost
// of the factorisation. An entry the caller will need can be put on the pattern in advance by
// storing an explicit zero at it in the matrix.

#include "text/message.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng::balance {

class SelectedInverse {
public:
    /// Factorises `matrix` (symmetric; the lower triangle is read) and computes the selected
    /// inverse. Empty on success, else why it failed (not positive definite, not finite).
    text::Message compute(const Eigen::SparseMatrix<double>& matrix);

    /// (M⁻¹)_ij for a pair on the pattern (any stored entry of M, or fill of its factor).
    /// nullopt for a pair off the pattern.
    std::optional<double> at(int i, int j) const;

    /// Solves M x = b with the factorisation.
    Eigen::VectorXd solve(const Eigen::VectorXd& b) const;

    int size() const { return static_cast<int>(diag_.size()); }

    /// Asks the memory for what at(i, i) and at(i, j) read of row i (a hint; no effect on results).
    void prefetch(int i) const {
        __builtin_prefetch(&originalDiag_[i]);
        __builtin_prefetch(&perm_[static_cast<std::size_t>(i)]);
    }

    /// The smallest pivot D_j of the factorisation: against a unit diagonal, how close the matrix
    /// is to singular, and so how much rounding the results carry.
    double smallestPivot() const { return factor_->vectorD().minCoeff(); }

private:
    using Factor = Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>>;
    std::shared_ptr<Factor> factor_;
    std::vector<int> perm_;        // original index → permuted index
    Eigen::VectorXd diag_;         // diagonal of the inverse, permuted order
    Eigen::VectorXd originalDiag_; // the same in the matrix's order: one lookup where most are asked
    std::vector<double> offDiag_;  // inverse on the pattern of lower_, aligned with its values

    std::optional<double> permutedAt(int r, int c) const;
};

} // namespace shuiheng::balance
