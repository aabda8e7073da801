#pragma once
// The `balance --json` document of shared/contract.md (and our additions to it).

#include "balance/plant_balance.h"

#include <string>

namespace shuiheng::cli {

std::string balanceJson(const Plant& plant, const balance::PlantBalance& result);

/// The contract's status words: redundant, nonredundant, observable, unobservable.
std::string_view statusWord(balance::FlowStatus status);

} // namespace shuiheng::cli
