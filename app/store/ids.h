#pragma once
// Row ids and times as the store writes them: ids are UUIDs (version 7: time-ordered, so new rows go
// to the end of an index), times are ISO 8601 text in UTC with a fixed width so that text order is
// time order, plus the offset of the device where it matters.

#include <optional>
#include <string>
#include <string_view>

namespace shuiheng::store {

/// A new UUID (RFC 9562 version 7), lower-case text with hyphens; monotonic within the process.
std::string newId();

/// True for the text of a UUID of any version.
bool looksLikeId(std::string_view text);

/// "2026-06-01T00:00:00.000Z" for seconds since 1970 (UTC, millisecond precision).
std::string utcText(double epochSeconds);

/// The UTC text of an ISO time with offset ("2026-06-01T08:00:00+08:00"), or nullopt if it is none.
std::optional<std::string> utcTextOf(std::string_view isoTime);

/// Now, as UTC text, and the device's current offset from UTC in minutes.
struct Now {
    std::string utc;
    int offsetMinutes = 0;
};
Now now();

/// Now in the device's local time with its offset: "2026-06-01T08:00:00+08:00".
std::string localNowText();

} // namespace shuiheng::store
