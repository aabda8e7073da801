#pragma once
// When a meter counts as read in a planned round, and whether it was read late: one rule for the
// rounds page, the reading-rounds step and the reading entry. A reading belongs to the round whose
// time it lies within `tolerance` of (half the spacing of the rounds, at most 90 minutes); it is late
// when it was taken more than 30 minutes after the round's time. A round that is past with neither a
// reading nor a recorded skip is missed.

#include <optional>
#include <string>
#include <vector>

namespace rounds {

/// Readings taken more than this after the round's time are late (seconds).
inline constexpr double lateAfterSeconds = 30 * 60;

/// A meter's state in one round.
enum class Mark { Pending, OnTime, Late, Skipped, Missed };

/// Seconds since 1970 of an ISO time with offset; nullopt when it is none.
std::optional<double> epochSeconds(const std::string& isoTime);

/// How far from a round's time a reading still belongs to it: half the smallest spacing of the
/// rounds (sorted times, seconds), at most 90 minutes.
double tolerance(const std::vector<double>& roundTimes);

/// The index into `readingTimes` of the reading that belongs to the round at `round` (the nearest
/// within `tolerance`); nullopt when there is none.
std::optional<std::size_t> readingInRound(const std::vector<double>& readingTimes, double round,
                                          double tolerance);

/// The meter's mark in the round: read (on time or late), skipped, missed (past, neither) or pending.
Mark markOf(const std::vector<double>& readingTimes, double round, double tolerance, bool skipped,
            double now);

/// "pending", "on-time", "late", "skipped", "missed": for QML.
const char* toString(Mark mark);

} // namespace rounds
