#pragma once
// The standard tables of a test as a spreadsheet (libxlsxwriter), for people who go on working in
// Excel or WPS: readings, flows, the balance table of every level, indicators and the benchmark.
// Header rows bold on a tint and frozen, units in the headers, numbers as numbers with a number
// format (flows 0.00, rates 0.00 %), columns wide enough to read. Headers in the report's language.

#include "report/report_results.h"
#include "report/report_source.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace shuiheng::report {

/// Writes the workbook atomically (a temporary file renamed over `path`); empty on success, else why.
/// `words`: report.<lang>.json.
std::string exportXlsx(const std::string& path, const ReportSource& source, const ReportResults& results,
                       const nlohmann::json& words);

} // namespace shuiheng::report
