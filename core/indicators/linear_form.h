#pragma once
// Internal to core/indicators: an indicator as a value and its gradient with respect to the
// reconciled flows, so that its variance is gᵀ Cov(x̂) g through balance::FlowCovariance (the
// full covariance, one sparse solve). Sums are exact; ratios and the treatment units' used
// shares are linearised at the reconciled flows (first-order propagation, GUM 5.1).

#include "text/message.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace shuiheng::indicators::detail {

struct Form {
    double value = 0;
    std::map<std::size_t, double> gradient; ///< ∂value/∂x_edge
    std::set<std::size_t> streams;          ///< every edge that entered (even with a zero derivative)
    text::Message undefined;                ///< non-empty: the value has no meaning (e.g. "intake is 0")

    /// Σ coefficient·x over edges, at the reconciled flows x.
    static Form sum(const std::vector<std::size_t>& edges, const std::vector<double>& x,
                    double coefficient = 1);

    Form& operator+=(const Form& other);
    Form& operator-=(const Form& other);
    Form& operator*=(double factor);
};

Form operator+(Form a, const Form& b);
Form operator-(Form a, const Form& b);
Form operator*(Form a, double factor);

/// a / b with gradient ∇a / b − (a / b²) ∇b; undefined (naming `denominator`, a quantity.* code)
/// when b is 0.
Form ratio(const Form& a, const Form& b, const text::Code& denominator);

} // namespace shuiheng::indicators::detail
