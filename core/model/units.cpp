#include "model/units.h"

#include <array>
#include <utility>

namespace shuiheng {
namespace {

using Factor = std::pair<std::string_view, double>;

constexpr std::array<Factor, 6> volumeUnits{{
    {"m3", 1.0},
    {"L", 1e-3},
    {"l", 1e-3},
    {"t", 1.0},
    {"kL", 1.0},
    {"ML", 1000.0},
}};

constexpr std::array<Factor, 6> periods{{
    {"s", 1.0 / 3600.0},
    {"min", 1.0 / 60.0},
    {"h", 1.0},
    {"d", 24.0},
    {"month", 730.0},
    {"a", 8760.0},
}};

template <std::size_t N>
std::optional<double> find(const std::array<Factor, N>& table, std::string_view key) {
    for (const auto& [name, factor] : table)
        if (name == key)
            return factor;
    return std::nullopt;
}

} // namespace

std::optional<double> volumeUnitInCubicMetres(std::string_view unit) {
    return find(volumeUnits, unit);
}

std::optional<double> periodInHours(std::string_view per) {
    return find(periods, per);
}

std::optional<double> flowUnitInCubicMetresPerHour(std::string_view unit) {
    const auto slash = unit.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto volume = volumeUnitInCubicMetres(unit.substr(0, slash));
    const auto period = periodInHours(unit.substr(slash + 1));
    if (!volume || !period)
        return std::nullopt;
    return *volume / *period;
}

std::vector<std::string_view> knownVolumeUnits() {
    std::vector<std::string_view> names;
    for (const auto& [name, factor] : volumeUnits)
        names.push_back(name);
    return names;
}

std::vector<std::string_view> knownFlowUnits() {
    std::vector<std::string_view> names;
    for (std::string_view flow :
         {"m3/h", "m3/d", "m3/s", "m3/min", "m3/a", "L/s", "L/min", "L/h", "t/h", "t/d"})
        names.push_back(flow);
    return names;
}

} // namespace shuiheng
