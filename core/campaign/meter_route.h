#pragma once
// The meters of a reading round in the order they are walked, and where each one is: shared by the
// test-window plan, the reading entry, the history and the meters' label sheet.

#include <string>
#include <vector>

namespace shuiheng {

struct Plant;
struct Meter;

/// The meters in service (not removed), in the order of `route` (meter ids; unknown or removed ones
/// left out), then those the route does not name, in the plant's order.
std::vector<const Meter*> routeOrder(const Plant& plant, const std::vector<std::string>& route);

/// Where the meter is, for a technician: its stream and the names of the nodes it joins,
/// "S3 · 循环冷却系统 → 蒸发风吹" (the ids when a node has no name).
std::string meterLocationText(const Plant& plant, const Meter& meter);

} // namespace shuiheng
