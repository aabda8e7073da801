#pragma once
// Plausibility of a reading as it is entered: warnings with a reason to record, never a block.
// Used by the store, the CLI and the app alike.

#include "model/plant.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::campaign {

enum class ReadingWarning {
    BelowPrevious,   ///< lower than the previous reading: rollover or error?
    OutsideExpected, ///< the implied flow (or the value) is outside the expected range
    TimeOutOfOrder,  ///< earlier than the meter's latest reading
    Duplicate,       ///< the same meter and time already has a reading
    NotFinite,       ///< not a number
};

struct ReadingCheck {
    ReadingWarning warning;
    std::string message; ///< plain words, naming the meter, the values and the times
};

/// Expected flow range of a meter's stream, from design data or history, in the plant flow unit.
struct ExpectedRange {
    double low = 0;
    double high = 0;
};

/// Checks `candidate` against the meter's earlier readings (`history`, any order).
/// The candidate's time must be an ISO 8601 time with offset (parseIsoTime): when it is not, only
/// NotFinite can be found; refusing such a time is the caller's part. History readings of another
/// meter (a non-empty `meter` that is not this meter's id), with an unreadable time or a value that
/// is not finite are ignored. Warnings come in the order of the enum.
std::vector<ReadingCheck> checkReading(const Meter& meter, const std::vector<Reading>& history,
                                       const Reading& candidate, const std::string& plantFlowUnit,
                                       const std::optional<ExpectedRange>& expected = std::nullopt);

/// An expected range from the meter's own history: the median of its flows (interval flows of a
/// totalizer, readings of a flowrate meter; as deriveFlows computes them) times 1 ∓ `spread`.
/// nullopt when the history gives fewer than two flows or the units are unknown.
std::optional<ExpectedRange> expectedRangeFromHistory(const Meter& meter, const std::vector<Reading>& history,
                                                      const std::string& plantFlowUnit, double spread = 0.5);

} // namespace shuiheng::campaign
