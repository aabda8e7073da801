#pragma once
// Where a meter is, as the pages show it (core/campaign/meter_route.h has the route order too).

#include <QString>

namespace shuiheng {
struct Plant;
struct Meter;
} // namespace shuiheng

/// "S3 · 循环冷却系统 → 蒸发风吹": its stream and the names of the nodes it joins.
QString meterLocation(const shuiheng::Plant& plant, const shuiheng::Meter& meter);
