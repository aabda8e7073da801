#pragma once
// The balance's result in plain words, for the technician: does it close, and if not, which
// meter or leak most likely explains it.

#include "balance/plant_balance.h"

#include <string>
#include <vector>

namespace shuiheng::balance {

/// One sentence for the whole balance, then one per gross error found.
std::vector<std::string> verdictSentences(const Plant& plant, const PlantBalance& balance);

} // namespace shuiheng::balance
