#pragma once
// Inside the project store: the mapping between the plant's structs and table rows, shared by the
// files that implement ProjectStore.

#include "store/database.h"
#include "store/project_store.h"
#include "store/versioned.h"

#include <QVariant>
#include <QVariantList>
#include <functional>
#include <optional>
#include <set>

namespace shuiheng::store::detail {

QVariant nullable(const std::optional<double>& value);
QVariant nullable(const std::optional<int>& value);
std::optional<double> optionalDouble(const QVariant& value);
std::optional<int> optionalInt(const QVariant& value);

QVariantList nodeValues(const Node& node, int ordinal);
Node nodeFrom(const QString& id, const QVariantList& values);
QVariantList streamValues(const Stream& stream, int ordinal);
Stream streamFrom(const QString& id, const QVariantList& values);
QVariantList meterValues(const Meter& meter, int ordinal);
Meter meterFrom(const QString& id, const QVariantList& values);
QVariantList campaignValues(const Campaign& campaign);
Campaign campaignFrom(const QString& id, const QVariantList& values);
QVariantList productionValues(const ProductionData& data);
ProductionData productionFrom(const QVariantList& values);

/// Index of a field in an entity table's values.
int fieldIndex(const EntityTable& table, const char* field);

/// Entities of a table that exist now (current version not deleted), in ordinal order when the table
/// has one.
Result<std::vector<std::pair<QString, Version>>> liveEntities(Database& db, const EntityTable& table);

/// The project's meters that exist now, by id; only those of `ids` when given.
Result<std::map<std::string, Meter>> liveMeters(Database& db, const std::set<std::string>* ids = nullptr);

/// NotFound ("unknown meter 'M9'") unless the meter exists now.
Status requireLiveMeter(Database& db, const std::string& id);

/// The id of the campaign to which readings at these UTC times go: the latest-created current
/// campaign whose window holds all of them; empty when none does.
Result<std::string> campaignHolding(Database& db, const std::vector<double>& epochSeconds);

/// How insertReadings treats what it is given.
struct InsertControl {
    bool dedupe = false;        ///< skip a reading identical (meter, time text, value) to one present
    bool assignByWindow = true; ///< a reading with no campaign goes to the latest whose window holds it
    /// Called once, when the first reading still without a campaign is written: its campaign id.
    std::function<Result<std::string>()> makeCampaign;
};

/// Adds readings inside the caller's transaction and change (see ProjectStore::addReadings).
Result<ImportReport> insertReadings(Database& db, const QString& changeId,
                                    const std::vector<NewReading>& entries, const ImportOptions& options,
                                    const InsertControl& control, const std::string& flowUnit,
                                    std::vector<std::vector<campaign::ReadingCheck>>* checks);

/// The SHA-256 of the bytes in hex: an attachment's key.
std::string sha256Hex(const QByteArray& bytes);
/// Stores bytes by hash inside the caller's change; returns the hash.
Result<std::string> storeAttachment(Database& db, const QString& changeId, const QByteArray& bytes,
                                    const std::string& mediaType);

/// Makes the project's plant name, flow unit, plant-level unknown fields, nodes and streams equal to
/// `plant`'s inside the caller's change (new versions where they differ, deletion marks for those
/// gone). Does not validate: the editor stores drafts through it too.
Status writePlantStructure(Database& db, const QString& changeId, const QString& projectId,
                           const Plant& plant, ImportReport& report);

/// The project's plant name, flow unit, plant-level unknown fields, nodes and streams (and meters).
Status readPlantStructure(Database& db, Plant& plant, bool withMeters = false);

/// The plant's flow unit from the current project row.
Result<std::string> flowUnit(Database& db);

} // namespace shuiheng::store::detail
