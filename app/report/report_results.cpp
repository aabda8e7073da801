#include "report/report_results.h"

#include "balance/verdict.h"
#include "indicators/plant_indicators.h"

namespace shuiheng::report {

std::optional<double> ReportResults::reconciled(std::size_t stream) const {
    const auto& edges = balance.reconciliation.edges;
    return stream < edges.size() ? edges[stream].value : std::nullopt;
}

const campaign::DerivedFlow* ReportResults::derivedFlow(const std::string& stream) const {
    for (const campaign::DerivedFlow& f : flows.flows)
        if (f.stream == stream)
            return &f;
    return nullptr;
}

ReportResults computeResults(const Plant& plant, const ResultOptions& options) {
    ReportResults results;
    if (!plant.meters.empty()) {
        results.flows = campaign::deriveFlows(plant);
        results.measured = campaign::withDerivedMeasurements(plant, results.flows);
    } else
        results.measured = plant;
    balance::PlantBalanceOptions balanceOptions;
    balanceOptions.reconciliation.alpha = options.alpha;
    results.balance = balance::balancePlant(plant, balanceOptions);
    results.verdict = balance::verdictSentences(results.measured, results.balance);
    indicators::IndicatorOptions indicatorOptions;
    indicatorOptions.reconciliation.alpha = options.alpha;
    results.indicators = indicators::computeIndicators(plant, indicatorOptions);
    if (!options.quotaDir.empty()) {
        const benchmarking::QuotaLibrary library =
            benchmarking::loadQuotaLibrary(options.quotaDir, options.userQuotaDir);
        results.libraryErrors = library.errors;
        results.benchmark = benchmarking::benchmark(results.indicators, library);
    }
    return results;
}

} // namespace shuiheng::report
