#pragma once
// Water-use indicators (shared/domain.md §3; shared/contract.md, `shuiheng-cli indicators`;
// docs/indicators.md) of a plant, from its reconciled balance, each with the standard
// uncertainty propagated through the full covariance of the reconciled flows and the streams
// that entered it. Plain structs; computeIndicators (plant_indicators.h) fills them.

#include "balance/reconciliation.h"
#include "text/message.h"
#include "validation/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::indicators {

inline constexpr std::string_view siteScope = "site";

struct Indicator {
    std::string key;                  ///< e.g. "reuseRate" (the contract's site keys and ours)
    std::string scope;                ///< "site", or the id of a group or unit
    std::optional<double> value;      ///< absent when it cannot be known; see `reason`
    std::optional<double> sigma;      ///< standard uncertainty (absent with the value, or when not asked)
    std::string unit;                 ///< "m3/h" (the plant's flowUnit), "1" for rates, "m3/t", ...
    std::string reason;               ///< why the value is absent; empty otherwise
    std::string formula;              ///< how it is made, in words: "reused / totalUse"
    std::vector<std::string> streams; ///< ids of the streams that entered it, in file order
    std::vector<std::string> notes;   ///< anything a reader should know: the boundary, a share used
    /// `reason` and `notes` as messages (docs/messages.md); empty when read from a document
    /// that only holds the English (then text::orVerbatim).
    text::Message reasonMessage;
    std::vector<text::Message> noteMessages;
};

/// Which units count for the quota (the GB/T 18916 boundary): the plant file says which do not
/// (node field "quotaBoundary": false, inherited by a group's units).
struct QuotaBoundary {
    bool declared = false;               ///< some node says "quotaBoundary"
    std::vector<std::string> included;   ///< unit ids inside the boundary, file order
    std::vector<std::string> excluded;   ///< unit ids outside it, file order
    std::vector<std::string> excludedBy; ///< per excluded unit: the node that excluded it
};

/// The closure check of municipal practice (shared/domain.md §2), on the raw measurements:
/// in and out of the site or a group must agree within a relative tolerance (a setting, 10 % by
/// default); and the units' metered intakes from a source must agree with the source's own meter.
struct ClosureCheck {
    enum class Kind { Balance, SourceMeter };
    Kind kind = Kind::Balance;
    std::string scope;                ///< "site", a group id, or a source id (SourceMeter)
    std::optional<double> in;         ///< Balance: Σ measured inflows; SourceMeter: the source meter
    std::optional<double> out;        ///< Balance: Σ measured outflows; SourceMeter: Σ unit meters
    std::optional<double> difference; ///< (in − out) / in, signed
    double tolerance = 0.1;
    std::optional<bool> passed;       ///< |difference| ≤ tolerance; absent when it cannot be made
    std::optional<double> z;          ///< (in − out) over its standard deviation, beside it
    std::vector<std::string> missing; ///< unmeasured streams that prevent the check
    std::vector<std::string> streams; ///< the streams that entered it
};

/// What the plant file says about how to benchmark it (plant-file extension "benchmark").
struct BenchmarkSettings {
    std::string industry; ///< e.g. "steel": selects quota rows and thresholds
    std::string quota;    ///< "TABLE/ROW": the quota row that applies; empty: match by industry and product
    std::string region;   ///< province, for provincial tables and rule sets
    std::vector<std::string>
        conditions; ///< declared conditions quota adjustments ask for ("reclaimed-water")
};

struct IndicatorOptions {
    balance::ReconciliationOptions reconciliation;
    double closureTolerance = 0.10; ///< relative, for the closure check
    bool uncertainty = true;        ///< compute σ (one sparse solve per indicator)
    bool groups = true;             ///< indicators of every group
    bool units = true;              ///< indicators of every water-using unit
};

struct IndicatorReport {
    std::string plantName;
    std::string flowUnit;
    std::string product;     ///< production extension "product" (may be empty)
    std::string productUnit; ///< production "unit" ("t", "MW·h"); empty without production
    BenchmarkSettings benchmark;
    std::vector<Indicator> indicators; ///< site first (contract keys, then ours), then groups, then units
    QuotaBoundary boundary;
    std::vector<ClosureCheck> closure;
    balance::GlobalTest globalTest; ///< the reconciliation's χ² test, beside the closure check
    Diagnostics diagnostics;        ///< extension fields that could not be read, balance problems
    std::string failure;            ///< non-empty: nothing could be computed (the reason)
    text::Message failureMessage;   ///< the reason as a message, when it has one (`failure` is its English)

    /// The indicator with that key and scope, or nullptr.
    const Indicator* find(std::string_view key, std::string_view scope = siteScope) const;
};

std::string_view toString(ClosureCheck::Kind kind);

} // namespace shuiheng::indicators
