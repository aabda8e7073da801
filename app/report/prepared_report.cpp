#include "report/prepared_report.h"

namespace shuiheng::report {

std::optional<PreparedReport> prepareReport(const std::string& path, const std::string& lang,
                                            const std::string& templateDir, const ResultOptions& options,
                                            std::string& error) {
    std::string warning;
    auto source = loadReportSource(path, warning);
    if (!source) {
        error = warning;
        return std::nullopt;
    }
    auto texts = loadReportTexts(lang, templateDir, error);
    if (!texts)
        return std::nullopt;
    PreparedReport prepared{std::move(*source), {}, std::move(*texts), std::move(warning)};
    prepared.results = computeResults(prepared.source.plant, options);
    if (!prepared.results.balance.reconciliation.failure.empty()) {
        error =
            path + ": the balance could not be computed: " + prepared.results.balance.reconciliation.failure;
        return std::nullopt;
    }
    return prepared;
}

} // namespace shuiheng::report
