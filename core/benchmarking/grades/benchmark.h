#pragma once
// Benchmarking an enterprise's indicators against the quota library (docs/benchmarking.md):
// its unit-product intake (inside the quota boundary) against the applicable quota rows, and its
// rates against the water-saving-enterprise thresholds of its industry. Each level says whether the
// value meets it and, because the value is uncertain, the probability that the true value does
// (normal with the indicator's σ).

#include "benchmarking/quotas/quota_library.h"
#include "indicators/indicator.h"
#include "text/message.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::benchmarking {

struct LevelResult {
    std::string key;
    std::string name;
    double limit = 0;                  ///< the level's value after adjustments, in the row's unit
    std::optional<bool> met;           ///< the value meets it (absent without a value)
    std::optional<double> probability; ///< P(true value meets it); 0 or 1 when σ is 0
};

struct Comparison {
    std::string table;
    int tableVersion = 0;
    std::string row;
    std::string product;
    std::string indicator;       ///< the indicator key used (quotaUnitProductIntake for quotas)
    std::optional<double> value; ///< in the row's unit
    std::optional<double> sigma;
    std::string unit; ///< the row's unit
    bool higherIsBetter = false;
    std::vector<LevelResult> levels;
    std::optional<std::string> grade; ///< key of the most demanding level met; absent if none or unknown
    std::string reason;               ///< why there is no comparison (indicator missing, units differ)
    std::vector<std::string> notes;   ///< adjustments applied, the boundary, the conversion
    Provenance source;
    std::string verification;
    text::Message reasonMessage;             ///< `reason` as a message (docs/messages.md)
    std::vector<text::Message> noteMessages; ///< `notes` as messages, one for one
};

struct BenchmarkReport {
    std::vector<Comparison> quotas;
    std::vector<Comparison> thresholds;
    /// Every applicable water-saving-enterprise threshold met: true, false, or absent when one
    /// cannot be judged or none applies.
    std::optional<bool> waterSavingEnterprise;
    std::vector<std::string> notes;          ///< how rows were chosen, ambiguities, missing settings
    std::vector<text::Message> noteMessages; ///< `notes` as messages, one for one
};

/// One row against the indicator of the report it names (site scope).
Comparison compare(const indicators::IndicatorReport& report, const QuotaTable& table, const QuotaRow& row);

/// Every applicable row: the quota row the plant names ("benchmark": {"quota": "TABLE/ROW"}), or
/// the quota rows of its industry (one per table; several in one table is an ambiguity reported),
/// and the thresholds of its industry; national tables and those of its region.
BenchmarkReport benchmark(const indicators::IndicatorReport& report, const QuotaLibrary& library);

/// P(true value meets the limit) for a normal value: Φ((limit − v)/σ) when lower is better.
double probabilityMeets(double value, double sigma, double limit, bool higherIsBetter);

} // namespace shuiheng::benchmarking
