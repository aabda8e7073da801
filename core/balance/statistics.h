#pragma once
// The distribution quantiles the tests need (Boost.Math behind the header).

namespace shuiheng::balance {

/// χ² quantile: the value a χ²(dof) variable stays below with probability p.
double chiSquaredQuantile(double p, int dof);

/// Two-sided critical value for the largest of m standard normal statistics at overall level
/// alpha, by the Šidák correction: Φ⁻¹(1 − β/2) with β = 1 − (1 − alpha)^(1/m).
double sidakCriticalZ(double alpha, int m);

/// Probability that a standard normal variable stays below x.
double normalCdf(double x);

} // namespace shuiheng::balance
