#include "balance/statistics.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace shuiheng::balance {

double chiSquaredQuantile(double p, int dof) {
    if (dof <= 0)
        return 0;
    return boost::math::quantile(boost::math::chi_squared(dof), p);
}

double sidakCriticalZ(double alpha, int m) {
    const int family = std::max(m, 1);
    // β = 1 − (1 − α)^(1/m), computed without cancellation for small α.
    const double beta = -std::expm1(std::log1p(-alpha) / family);
    return boost::math::quantile(boost::math::complement(boost::math::normal(), beta / 2));
}

double normalCdf(double x) {
    return boost::math::cdf(boost::math::normal(), x);
}

} // namespace shuiheng::balance
