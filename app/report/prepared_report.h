#pragma once
// Everything a document of a test is made from, read and computed in one step: the source (plant
// file or project), its results from core/, and the templates and words of one language. What the CLI
// commands and the app's report page share.

#include "report/report_results.h"
#include "report/report_source.h"
#include "report/report_strings.h"

#include <optional>
#include <string>

namespace shuiheng::report {

struct PreparedReport {
    ReportSource source;
    ReportResults results;
    ReportTexts texts;
    std::string warning; ///< something read but ignored (a report extension field of the wrong type)
};

/// nullopt with `error` (naming the file) when the source or the templates cannot be read or the
/// balance cannot be computed.
std::optional<PreparedReport> prepareReport(const std::string& path, const std::string& lang,
                                            const std::string& templateDir, const ResultOptions& options,
                                            std::string& error);

} // namespace shuiheng::report
