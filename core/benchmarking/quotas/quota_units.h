#pragma once
// Units of quota and threshold values, explicit and checked (docs/benchmarking.md, "Units").
// A quota is a volume of water per amount of product: "m3/t", "m3/(MW·h)", "m3/(100 m)",
// "m3/kL", "m3/(10^4 CNY)", "L/(person·d)"; a threshold of a rate is "1" (a fraction) or "%".
// Two units compare when their product amounts have the same dimension (t and kt, MW·h and
// kW·h); anything else is refused by name rather than guessed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::benchmarking {

enum class Dimension { Ratio, Mass, Energy, Length, Area, Volume, Money, PersonDay };

struct QuotaUnit {
    std::string text;   ///< as written
    bool ratio = false; ///< "1" or "%"
    double scale = 1;   ///< one of this unit in the base unit of its dimension (m³ per base amount)
    Dimension dimension = Dimension::Ratio;
};

/// The unit, or nullopt when it is not one Shuiheng knows.
std::optional<QuotaUnit> parseQuotaUnit(std::string_view text);

/// The value `value` in unit `from` expressed in unit `to`; nullopt when they do not compare.
std::optional<double> convert(double value, const QuotaUnit& from, const QuotaUnit& to);

/// The units parseQuotaUnit knows, for messages ("m3/t, m3/kt, ...").
std::vector<std::string> knownQuotaUnits();

std::string_view toString(Dimension dimension);

} // namespace shuiheng::benchmarking
