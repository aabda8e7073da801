#pragma once
// Flow and volume units a plant file may use, as factors to m³/h and m³.
// Water is taken at 1 t/m³, as water-balance practice does for t/h readings.

#include <optional>
#include <string_view>
#include <vector>

namespace shuiheng {

/// How many m³/h one of `unit` is ("m3/h" → 1, "L/s" → 3.6, "m3/d" → 1/24); nullopt when unknown.
std::optional<double> flowUnitInCubicMetresPerHour(std::string_view unit);
/// How many m³ one of `unit` is ("m3" → 1, "L" → 0.001, "t" → 1); nullopt when unknown.
std::optional<double> volumeUnitInCubicMetres(std::string_view unit);
/// How many hours one `per` period is ("h" → 1, "d" → 24, "a" → 8760); nullopt when unknown.
std::optional<double> periodInHours(std::string_view per);

std::vector<std::string_view> knownFlowUnits();
std::vector<std::string_view> knownVolumeUnits();

} // namespace shuiheng
