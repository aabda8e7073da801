#pragma once
// The `indicators --json` document (shared/contract.md, docs/indicators.md) written and read
// back: rankings and benchmarks take precomputed indicator documents as input.

#include "indicators/indicator.h"

#include <optional>
#include <string>
#include <string_view>

namespace shuiheng::indicators {

inline constexpr std::string_view indicatorsFormat = "shuiheng-indicators";

/// The document, two-space indented, ending in a newline. Never holds NaN or inf (null instead).
std::string toJson(const IndicatorReport& report);

/// Reads a document written by toJson (or any JSON with an "indicators" array of the contract's
/// shape). nullopt with `error` set when it is not one.
std::optional<IndicatorReport> parseIndicatorsJson(std::string_view text, std::string* error);

} // namespace shuiheng::indicators
