#pragma once
// The data a report template is rendered with: every section's tables and sentences as JSON, the
// numbers already formatted (from ReportResults; nothing is computed here but sums for display and
// shares), and the words of the chosen language under "t".

#include "report/report_results.h"
#include "report/report_source.h"

#include <nlohmann/json.hpp>
#include <string>

namespace shuiheng::report {

/// `words`: report.<lang>.json. `date`: the report's date as printed.
nlohmann::json reportData(const ReportSource& source, const ReportResults& results,
                          const nlohmann::json& words, const std::string& date);

/// "12.43 ± 0.21" (flows) or "96.20 ± 0.40 %" (rates, unit "1"); "—" without a value.
std::string formatIndicator(const indicators::Indicator& indicator);

} // namespace shuiheng::report
