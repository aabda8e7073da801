#include "benchmarking/quotas/quota_units.h"

#include <array>

namespace shuiheng::benchmarking {
namespace {

struct Amount {
    std::string_view name;
    Dimension dimension;
    double scale; ///< in the dimension's base: t, MW·h, m, m², kL, 10⁴ CNY, person·d
};

constexpr std::array<Amount, 24> amounts{{
    {"t", Dimension::Mass, 1},         {"kt", Dimension::Mass, 1000},
    {"kg", Dimension::Mass, 1e-3},     {"MW·h", Dimension::Energy, 1},
    {"MWh", Dimension::Energy, 1},     {"MW.h", Dimension::Energy, 1},
    {"GW·h", Dimension::Energy, 1000}, {"GWh", Dimension::Energy, 1000},
    {"kW·h", Dimension::Energy, 1e-3}, {"kWh", Dimension::Energy, 1e-3},
    {"m", Dimension::Length, 1},       {"100 m", Dimension::Length, 100},
    {"100m", Dimension::Length, 100},  {"km", Dimension::Length, 1000},
    {"m2", Dimension::Area, 1},        {"100 m2", Dimension::Area, 100},
    {"kL", Dimension::Volume, 1},      {"hL", Dimension::Volume, 0.1},
    {"m3", Dimension::Volume, 1},      {"10^4 CNY", Dimension::Money, 1},
    {"万元", Dimension::Money, 1},     {"person·d", Dimension::PersonDay, 1},
    {"人·d", Dimension::PersonDay, 1}, {"person.d", Dimension::PersonDay, 1},
}};

constexpr std::array<std::pair<std::string_view, double>, 2> volumes{{{"m3", 1.0}, {"L", 1e-3}}};

} // namespace

std::optional<QuotaUnit> parseQuotaUnit(std::string_view text) {
    QuotaUnit unit;
    unit.text = std::string(text);
    if (text == "1" || text == "%") {
        unit.ratio = true;
        unit.scale = text == "%" ? 0.01 : 1.0;
        return unit;
    }
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    std::string_view numerator = text.substr(0, slash);
    std::string_view denominator = text.substr(slash + 1);
    if (denominator.size() >= 2 && denominator.front() == '(' && denominator.back() == ')')
        denominator = denominator.substr(1, denominator.size() - 2);
    double volume = 0;
    for (const auto& [name, factor] : volumes)
        if (name == numerator)
            volume = factor;
    if (volume == 0)
        return std::nullopt;
    for (const Amount& a : amounts)
        if (a.name == denominator) {
            unit.dimension = a.dimension;
            unit.scale = volume / a.scale;
            return unit;
        }
    return std::nullopt;
}

std::optional<double> convert(double value, const QuotaUnit& from, const QuotaUnit& to) {
    if (from.ratio != to.ratio || (!from.ratio && from.dimension != to.dimension))
        return std::nullopt;
    return value * from.scale / to.scale;
}

std::vector<std::string> knownQuotaUnits() {
    std::vector<std::string> out{"1", "%"};
    for (const Amount& a : amounts) {
        const bool simple = a.name.find_first_of(" ·.^") == std::string_view::npos && a.name != "万元";
        out.push_back(simple ? "m3/" + std::string(a.name) : "m3/(" + std::string(a.name) + ")");
    }
    out.push_back("L/(person·d)");
    return out;
}

std::string_view toString(Dimension dimension) {
    switch (dimension) {
    case Dimension::Ratio:
        return "ratio";
    case Dimension::Mass:
        return "mass";
    case Dimension::Energy:
        return "energy";
    case Dimension::Length:
        return "length";
    case Dimension::Area:
        return "area";
    case Dimension::Volume:
        return "volume";
    case Dimension::Money:
        return "money";
    case Dimension::PersonDay:
        return "person-days";
    }
    return "?";
}

} // namespace shuiheng::benchmarking
