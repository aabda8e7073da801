#pragma once
// Computing the indicators of a plant (docs/indicators.md): reconcile (campaign readings first,
// as `balance` does), then every indicator as a function of the reconciled flows, its σ through
// balance::FlowCovariance, and the closure check on the raw measurements.

#include "indicators/indicator.h"
#include "model/plant.h"

namespace shuiheng::indicators {

/// The plant must be valid (validatePlant without errors).
IndicatorReport computeIndicators(const Plant& plant, const IndicatorOptions& options = {});

/// The unit of intake per product unit for a production unit: "m3/t", "m3/(MW·h)", "m3/(100 m)".
std::string perProductUnit(const std::string& productUnit);

/// Whether higher values are better for this indicator key (rates), lower (intakes, losses), or
/// neither is known (nullopt): what rankings sort by and quotas compare with.
std::optional<bool> higherIsBetter(std::string_view key);

} // namespace shuiheng::indicators
