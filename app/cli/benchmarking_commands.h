#pragma once
// The indicator and benchmarking commands of shuiheng-cli (docs/indicators.md,
// docs/benchmarking.md): indicators, benchmark, rank, quotas; and what they share.

#include "indicators/indicator.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace shuiheng::cli {

void addIndicatorsCommand(CLI::App& app, int& status);
void addBenchmarkCommand(CLI::App& app, int& status);
void addRankCommand(CLI::App& app, int& status);
void addQuotasCommand(CLI::App& app, int& status);

/// "96.20 ± 0.40 %" for rates, "234.6 ± 2.6" otherwise, "—" without a value.
std::string valueWithSigma(const indicators::Indicator& indicator);
/// The indicators as readable tables, one per scope, then the boundary and the closure check.
void printIndicatorTable(const indicators::IndicatorReport& report, std::ostream& out);

/// Where the shipped reference data live (data/quotas, data/rules): $SHUIHENG_DATA_DIR, else
/// share/shuiheng next to the program's bin/, else the first data/ found going up from the
/// program (a build inside the source tree).
std::filesystem::path shippedDataDir();
/// The bureau's own quota tables: --library, else $SHUIHENG_QUOTA_LIBRARY, else
/// $XDG_DATA_HOME/shuiheng/quotas (~/.local/share/shuiheng/quotas).
std::filesystem::path userQuotaDir(const std::string& option);

} // namespace shuiheng::cli
