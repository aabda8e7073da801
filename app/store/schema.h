#pragma once
// The project file's schema and its migrations. The schema version lives in the store_meta table
// (not in a PRAGMA) so that it reads the same on PostgreSQL. Version 0 is the bare skeleton (just
// store_meta); every file, new or old, reaches the current version through the same ordered list of
// migrations, each in its own transaction, so a failure leaves the file at the last complete version.

#include "store/database.h"
#include "store/status.h"

#include <functional>
#include <string>
#include <vector>

namespace shuiheng::store {

inline constexpr int currentSchemaVersion = 3;
inline constexpr const char* projectFormat = "shuiheng-project";

struct Migration {
    int toVersion = 0;   ///< the version the file has after this step (the list is ordered by it)
    std::string summary; ///< what it changes, for messages
    /// The step itself; runs inside the step's transaction, with store_meta updated after it.
    std::function<Status(Database&)> apply;
};

/// The migrations of this build, from version 0 up to currentSchemaVersion.
const std::vector<Migration>& migrations();

/// Lays the version-0 skeleton in an empty database: store_meta with the format and version 0.
Status createSkeleton(Database& db);

/// The file's schema version; NotAProject when it has no store_meta of ours.
Result<int> readSchemaVersion(Database& db);

/// Brings the file from its version up to `target` with the steps of `list` (the real list, or a
/// test's); each step commits on its own. A version above `target` is left alone.
Status migrate(Database& db, const std::vector<Migration>& list, int target);

/// Statements of a migration, run in order ("{blob}" becomes the dialect's binary type).
Status runStatements(Database& db, const std::vector<const char*>& statements);

} // namespace shuiheng::store
