#pragma once
// Quota and threshold tables as data (docs/benchmarking.md, "Quota tables"): GB/T 18916 parts,
// provincial quotas (地方用水定额), water-saving-enterprise thresholds. Each row names its industry,
// product or process, indicator, unit, its levels from the least to the most demanding
// (通用值 → 先进值, or grades), and where the numbers come from with a verification status.
// Reading validates everything and names the row of every problem.

#include "benchmarking/quotas/quota_units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::benchmarking {

inline constexpr std::string_view quotaTableFormat = "shuiheng-quota-table";

/// One value of a row: "general" 通用值, "advanced" 先进值, "leading" 领跑值, "grade-1", ...
struct QuotaLevel {
    std::string key;  ///< stable, what rule sets refer to
    std::string name; ///< as the document says it: "先进值"
    double value = 0; ///< in the row's unit
};

/// A factor a row's levels are multiplied by under a declared condition
/// (e.g. GB/T 18916.1-2021: reclaimed water as the source, × 1.2 for recirculating cooling).
struct QuotaAdjustment {
    std::string when; ///< a condition the plant declares ("reclaimed-water")
    double factor = 1;
    std::string note;
};

struct Provenance {
    std::string document; ///< "GB/T 18916.2"
    std::string edition;  ///< "2022", or empty when not confirmed
    std::string table;    ///< table or clause in the document
    std::string via;      ///< where the number was actually read (a secondary source)
};

struct QuotaRow {
    std::string id;        ///< unique in its table; [A-Za-z0-9._-]
    std::string industry;  ///< "steel", "thermal-power", ...
    std::string product;   ///< product or process, in the document's words
    std::string indicator; ///< the indicator key compared: "unitProductIntake", "reuseRate", ...
    QuotaUnit unit;
    bool higherIsBetter = false;
    std::vector<QuotaLevel> levels; ///< least demanding first
    std::vector<QuotaAdjustment> adjustments;
    std::string conditions; ///< when the row applies, in words ("recirculating cooling, < 300 MW")
    Provenance source;
    std::string verification; ///< e.g. "secondary source, unverified"
};

struct QuotaTable {
    std::string id; ///< [A-Za-z0-9._-]; a bureau's import with the id of another table replaces it
    std::string title;
    std::string kind;      ///< "quota" or "threshold"
    std::string authority; ///< who issues it
    std::string region;    ///< "national" or a province ("青海")
    std::string edition;
    std::string note;
    std::vector<QuotaRow> rows;

    // Set by the library, not by the file's author.
    int version = 0;          ///< 0: shipped; 1, 2, ...: the bureau's imports of this id
    std::string importedAt;   ///< ISO time of the import
    std::string importedFrom; ///< the file it came from
    std::string path;         ///< where it was read

    const QuotaRow* findRow(std::string_view rowId) const;
};

struct QuotaTableResult {
    std::optional<QuotaTable> table; ///< absent when any error was found
    std::vector<std::string> errors; ///< each naming the row ("row 3 (steel-a): ...") or the field
};

/// Parses and validates a table in JSON (format above). Nothing is accepted with an error: a row
/// with a missing unit, a negative value or levels in an order that makes no sense (an advanced
/// value worse than the general one) refuses the whole table, naming the row.
QuotaTableResult parseQuotaTable(std::string_view json);

/// The same from CSV (a bureau's spreadsheet): a header line of
/// id,industry,product,indicator,unit,better,levels,source,edition,table,via,verification,conditions
/// where `levels` is "general=4.8;advanced=3.1" (key=value, least demanding first) and the
/// table's own fields come from `meta` (id, title, kind, authority, region, edition).
QuotaTableResult parseQuotaTableCsv(std::string_view csv, const QuotaTable& meta);

/// The table as JSON in the format parseQuotaTable reads (library fields included).
std::string toJson(const QuotaTable& table);

/// Whether an id is usable as a table or row id (and as a file name).
bool isValidQuotaId(std::string_view id);

} // namespace shuiheng::benchmarking
