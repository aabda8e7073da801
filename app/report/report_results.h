#pragma once
// Every number a report, a spreadsheet or a package shows, computed once by core/ (never here):
// the flows from the readings, the reconciled balance with its tests and gross errors, the verdict in
// words, the indicators with their uncertainty and the benchmark against the quota library.

#include "balance/plant_balance.h"
#include "benchmarking/grades/benchmark.h"
#include "benchmarking/quotas/quota_library.h"
#include "campaign/flows.h"
#include "indicators/indicator.h"
#include "model/plant.h"
#include "model/plant_graph.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng::report {

struct ReportResults {
    campaign::FlowDerivation flows; ///< empty without meters
    Plant measured;                 ///< the plant with every metered stream's measurement from its readings
    balance::PlantBalance balance;  ///< edges = the plant's streams, same order
    std::vector<std::string> verdict;
    indicators::IndicatorReport indicators;
    benchmarking::BenchmarkReport benchmark;
    std::vector<std::string> libraryErrors; ///< quota files that could not be read

    /// The reconciled value of stream k (nullopt when unobservable).
    std::optional<double> reconciled(std::size_t stream) const;
    /// The derived flow of a stream, or nullptr when no meter measures it.
    const campaign::DerivedFlow* derivedFlow(const std::string& stream) const;
};

struct ResultOptions {
    double alpha = 0.05;
    std::string quotaDir; ///< shipped quota tables (data/quotas); empty: no benchmark
    std::string userQuotaDir;
};

/// The plant must be valid.
ReportResults computeResults(const Plant& plant, const ResultOptions& options = {});

} // namespace shuiheng::report
