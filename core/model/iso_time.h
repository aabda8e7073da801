#pragma once
// ISO 8601 date-times as field readings carry them: 2026-06-01T08:00:00+08:00 (or Z, optional
// fraction of a second). An offset is required: a time without one is ambiguous across devices.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shuiheng {

/// Seconds since 1970-01-01T00:00:00Z (fraction kept), or nullopt when the text is not such a time.
std::optional<double> parseIsoTime(std::string_view text);

} // namespace shuiheng
