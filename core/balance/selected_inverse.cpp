#include "balance/selected_inverse.h"

#include "text/message_codes.h"

#include <algorithm>
#include <cmath>

namespace shuiheng::balance {

text::Message SelectedInverse::compute(const Eigen::SparseMatrix<double>& matrix) {
    factor_ = std::make_shared<Factor>();
    factor_->compute(matrix);
    if (factor_->info() != Eigen::Success)
        return text::Message(text::code::notFactorised);
    const Eigen::VectorXd& d = factor_->vectorD();
    for (Eigen::Index j = 0; j < d.size(); ++j)
        if (!(d[j] > 0) || !std::isfinite(d[j]))
            return text::Message(text::code::notPositiveDefinite);

    // Eigen factorises P M Pᵀ = L D Lᵀ with L stored strictly lower, rows sorted in each column.
    const auto& L = factor_->matrixL().nestedExpression();
    const int n = static_cast<int>(L.cols());
    perm_.assign(static_cast<std::size_t>(n), 0);
    const auto& indices = factor_->permutationP().indices();
    for (int i = 0; i < n; ++i)
        perm_[static_cast<std::size_t>(i)] = indices[i];

    // Takahashi's equations, last column first:
    //   Z_ij = −Σ_{k∈S_j} L_kj Z_ik  (i ∈ S_j),   Z_jj = 1/D_j − Σ_{k∈S_j} L_kj Z_kj,
    // where S_j is the pattern of column j of L below the diagonal. S_j is a clique of the
    // filled graph, so every Z_ik needed is already on the pattern.
    diag_.resize(n);
    offDiag_.assign(static_cast<std::size_t>(L.nonZeros()), 0.0);
    const int* colStart = L.outerIndexPtr();
    const int* rows = L.innerIndexPtr();
    const double* values = L.valuePtr();
    std::vector<double> column;
    for (int j = n - 1; j >= 0; --j) {
        const int begin = colStart[j];
        const int end = colStart[j + 1];
        column.assign(static_cast<std::size_t>(end - begin), 0.0);
        for (int a = begin; a < end; ++a) {
            const int i = rows[a];
            double sum = 0;
            for (int b = begin; b < end; ++b) {
                const int k = rows[b];
                const double zik = (i == k) ? diag_[i] : *permutedAt(std::max(i, k), std::min(i, k));
                sum += values[b] * zik;
            }
            column[static_cast<std::size_t>(a - begin)] = -sum;
        }
        double diagonal = 1.0 / d[j];
        for (int a = begin; a < end; ++a) {
            offDiag_[static_cast<std::size_t>(a)] = column[static_cast<std::size_t>(a - begin)];
            diagonal -= values[a] * column[static_cast<std::size_t>(a - begin)];
        }
        diag_[j] = diagonal;
    }
    originalDiag_.resize(n);
    for (int i = 0; i < n; ++i)
        originalDiag_[i] = diag_[perm_[static_cast<std::size_t>(i)]];
    return {};
}

std::optional<double> SelectedInverse::permutedAt(int r, int c) const {
    // r > c: look r up in column c of L.
    const auto& L = factor_->matrixL().nestedExpression();
    const int* rows = L.innerIndexPtr();
    const int* first = rows + L.outerIndexPtr()[c];
    const int* last = rows + L.outerIndexPtr()[c + 1];
    const int* hit = std::lower_bound(first, last, r);
    if (hit == last || *hit != r)
        return std::nullopt;
    return offDiag_[static_cast<std::size_t>(hit - rows)];
}

std::optional<double> SelectedInverse::at(int i, int j) const {
    if (i == j)
        return originalDiag_[i];
    const int pi = perm_[static_cast<std::size_t>(i)];
    const int pj = perm_[static_cast<std::size_t>(j)];
    return permutedAt(std::max(pi, pj), std::min(pi, pj));
}

Eigen::VectorXd SelectedInverse::solve(const Eigen::VectorXd& b) const {
    return factor_->solve(b);
}

} // namespace shuiheng::balance
