#pragma once
// The quota library (docs/benchmarking.md, "The library"): the tables shipped in data/quotas and
// a bureau's own imports in a directory of its own, one file per version:
//
//   <library>/<table id>/v1.json, v2.json, ...
//
// The newest version of an id is the table in force; an imported table with the id of a shipped
// one takes its place (said so in `quotas list`). Tables are never merged: a version holds exactly
// the rows of the file it was imported from, and importing over an existing id needs `replace`.

#include "benchmarking/quotas/quota_table.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng::benchmarking {

struct QuotaLibrary {
    std::vector<QuotaTable> inForce;  ///< per id: the newest import, else the shipped table; by id
    std::vector<QuotaTable> versions; ///< everything read: shipped (version 0) and every import
    std::vector<std::string> errors;  ///< files that could not be read, each with its problems

    /// The table in force with that id, or the given version (0: shipped); nullptr when none.
    const QuotaTable* find(std::string_view id, std::optional<int> version = std::nullopt) const;
    /// A row by "TABLE/ROW" in the tables in force.
    const QuotaRow* findRow(std::string_view tableSlashRow, const QuotaTable** table = nullptr) const;
};

/// Reads every table of both directories (either may be missing).
QuotaLibrary loadQuotaLibrary(const std::filesystem::path& shippedDir, const std::filesystem::path& userDir);

struct ImportResult {
    std::optional<QuotaTable> table; ///< as stored, when the import was done
    std::filesystem::path written;   ///< the new version's file
    std::vector<std::string> errors; ///< why it was refused (the table's problems, or the id exists)
    std::string replaced;            ///< what it replaces: "shipped table", "version 2", or empty
};

/// Validates the file (JSON, or CSV with `csvMeta` giving the table's own fields) and stores it as
/// the next version of its id. Refused, with the reason, when the table has errors or when its id
/// exists (shipped or imported) and `replace` is false. `now` is the ISO time recorded.
ImportResult importQuotaTable(const std::filesystem::path& file, const std::filesystem::path& userDir,
                              const QuotaLibrary& library, bool replace, const std::string& now,
                              const std::optional<QuotaTable>& csvMeta = std::nullopt);

} // namespace shuiheng::benchmarking
