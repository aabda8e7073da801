#pragma once
// Readings as CSV, the way technicians keep them in spreadsheets (docs/store.md, "Readings CSV"):
// UTF-8 (a byte-order mark is fine), a header row, then one reading a row.
//
//   meter,time,value,technician,device,note
//   M1,2026-06-01T08:00:00+08:00,99873.5,王工,tablet-3,
//
// meter, time and value are required, the other columns optional and in any order; columns of other
// names are kept with the reading (as extra fields). Quoting as RFC 4180: "a, b" and "say ""hi""".

#include "model/plant.h"

#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::store {

inline constexpr std::string_view readingsCsvHeader = "meter,time,value,technician,device,note";

struct CsvReadings {
    std::vector<Reading> readings;
    std::vector<std::size_t> lines;  ///< the line each reading starts on
    std::vector<std::string> errors; ///< "line 4: ...", every problem at once; readings only when none
    std::vector<std::string> notes;  ///< e.g. columns kept as extra fields
};

/// Parses CSV text. `defaultOffset` ("+08:00"), when given, completes times written without an offset.
CsvReadings parseReadingsCsv(std::string_view text, std::string_view defaultOffset = {});

/// The readings as CSV with the documented columns (header first).
std::string readingsToCsv(const std::vector<Reading>& readings);

} // namespace shuiheng::store
