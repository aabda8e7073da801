#pragma once
// Versioned entities: each change writes a new row (the old one is marked superseded, never
// rewritten) and one audit row per changed field; a deletion writes a version marked deleted.

#include "store/database.h"
#include "store/records.h"

#include <QString>
#include <QVariantList>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace shuiheng::store {

/// A table of versioned entities: its key column and data columns (in the order of the values).
struct EntityTable {
    const char* entityType;
    const char* table;
    const char* key;
    std::vector<const char*> fields;
};

const EntityTable& projectTable();
const EntityTable& nodeTable();
const EntityTable& streamTable();
const EntityTable& meterTable();
const EntityTable& campaignTable();
const EntityTable& productionTable();
const EntityTable& readingTable();

/// The table of an entity type ("node"), or nullptr.
const EntityTable* entityTable(std::string_view entityType);
const std::vector<const EntityTable*>& entityTables();

/// One version of an entity.
struct Version {
    int version = 0;
    bool deleted = false;
    QVariantList values; ///< in the order of EntityTable::fields
};

/// Starts a change (one row of change_set) inside the caller's transaction; returns its id.
Result<QString> recordChange(Database& db, const Actor& actor, const std::string& action,
                             const std::string& reason, const std::string& detail);

/// The current version of every entity of the table (deleted ones included), by key.
Result<std::map<QString, Version>> currentVersions(Database& db, const EntityTable& table);

/// The current version of one entity, or nullopt.
Result<std::optional<Version>> currentVersion(Database& db, const EntityTable& table, const QString& key);

/// Writes `values` as the entity's new version when they differ from `current` (nullptr: a new
/// entity, or one to bring back after deletion: looked up unless `lookUp` is false because the
/// caller knows the key is new). True when something was written.
Result<bool> putVersion(Database& db, const EntityTable& table, const QString& changeId, const QString& key,
                        const QVariantList& values, const Version* current, bool lookUp = true);

/// Marks the entity deleted (a new version with the same values and deleted = 1).
Status markDeleted(Database& db, const EntityTable& table, const QString& changeId, const QString& key,
                   const Version& current);

/// Every version and every audited change of the entity, oldest first.
Result<std::vector<HistoryEntry>> entityHistory(Database& db, const EntityTable& table, const QString& key);

/// True when two stored values are the same (null, number or text).
bool sameValue(const QVariant& a, const QVariant& b);

/// A stored value as audit text; nullopt for null.
std::optional<std::string> auditText(const QVariant& value);

QString qs(const std::string& text);
std::string ss(const QVariant& value);

} // namespace shuiheng::store
