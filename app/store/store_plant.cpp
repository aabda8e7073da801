// The plant in the project store: importing a plant file's content, exporting it back losslessly.

#include "model/iso_time.h"
#include "store/extra_json.h"
#include "store/ids.h"
#include "store/store_internal.h"
#include "validation/validate_plant.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace shuiheng::store {

using namespace detail;

namespace {

/// Makes the table's live entities equal to `wanted` (key → values): new versions where they differ,
/// deletion marks for those not wanted.
Status syncEntities(Database& db, const EntityTable& table, const QString& changeId,
                    const std::vector<std::pair<QString, QVariantList>>& wanted, ImportReport& report) {
    auto current = currentVersions(db, table);
    if (!current)
        return current.status();
    std::set<QString> keys;
    for (const auto& [key, values] : wanted) {
        keys.insert(key);
        const auto it = current->find(key);
        auto written =
            putVersion(db, table, changeId, key, values, it == current->end() ? nullptr : &it->second, false);
        if (!written)
            return written.status();
        report.entitiesChanged += *written ? 1 : 0;
    }
    for (const auto& [key, version] : *current)
        if (!version.deleted && !keys.contains(key)) {
            if (Status s = markDeleted(db, table, changeId, key, version); !s)
                return s;
            ++report.entitiesDeleted;
        }
    return {};
}

std::string describeErrors(const Diagnostics& diagnostics) {
    std::string text;
    int shown = 0, errors = 0;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) {
            ++errors;
            if (shown++ < 10)
                text += "\n" + d.toString();
        }
    if (errors > shown)
        text += fmt::format("\n... and {} more", errors - shown);
    return text;
}

} // namespace

Status detail::writePlantStructure(Database& db, const QString& changeId, const QString& projectId,
                                   const Plant& plant, ImportReport& report) {
    // The plant-level fields.
    auto project = currentVersion(db, projectTable(), projectId);
    if (!project)
        return project.status();
    if (!*project)
        return Status(ErrorKind::Damaged, "the project has no project record");
    QVariantList projectValues = (*project)->values;
    projectValues[3] = qs(plant.name);
    projectValues[4] = qs(plant.flowUnit);
    projectValues[5] = qs(extrasToJson(plant.extra));
    auto written = putVersion(db, projectTable(), changeId, projectId, projectValues, &**project);
    if (!written)
        return written.status();
    report.entitiesChanged += *written ? 1 : 0;

    std::vector<std::pair<QString, QVariantList>> rows;
    for (std::size_t i = 0; i < plant.nodes.size(); ++i)
        rows.emplace_back(qs(plant.nodes[i].id), nodeValues(plant.nodes[i], static_cast<int>(i)));
    if (Status s = syncEntities(db, nodeTable(), changeId, rows, report); !s)
        return s;
    rows.clear();
    for (std::size_t i = 0; i < plant.streams.size(); ++i)
        rows.emplace_back(qs(plant.streams[i].id), streamValues(plant.streams[i], static_cast<int>(i)));
    return syncEntities(db, streamTable(), changeId, rows, report);
}

Status detail::readPlantStructure(Database& db, Plant& plant, bool withMeters) {
    auto q = db.select(QStringLiteral("SELECT plant_name, flow_unit, plant_extra FROM project WHERE "
                                      "superseded_by IS NULL"));
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::Damaged, "the project has no project record");
    plant.name = ss(q->value(0));
    plant.flowUnit = ss(q->value(1));
    plant.extra = extrasFromJson(ss(q->value(2)));
    q->finish();

    auto nodes = liveEntities(db, nodeTable());
    if (!nodes)
        return nodes.status();
    for (const auto& [key, version] : *nodes)
        plant.nodes.push_back(nodeFrom(key, version.values));
    auto streams = liveEntities(db, streamTable());
    if (!streams)
        return streams.status();
    for (const auto& [key, version] : *streams)
        plant.streams.push_back(streamFrom(key, version.values));
    if (!withMeters)
        return {};
    auto meters = liveEntities(db, meterTable());
    if (!meters)
        return meters.status();
    for (const auto& [key, version] : *meters)
        plant.meters.push_back(meterFrom(key, version.values));
    return {};
}

Result<ImportReport> ProjectStore::importPlant(const Plant& plant, const Actor& actor,
                                               const ImportOptions& options) {
    if (Status s = requireOpen(true); !s)
        return s;
    const Diagnostics diagnostics = validatePlant(plant);
    if (hasErrors(diagnostics))
        return Status(ErrorKind::InvalidInput, "the plant is not valid:" + describeErrors(diagnostics));

    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto change =
        recordChange(*db_, actor, "import plant", options.reason,
                     fmt::format("{}{} nodes, {} streams, {} meters, {} readings",
                                 options.source.empty() ? "" : options.source + ": ", plant.nodes.size(),
                                 plant.streams.size(), plant.meters.size(), plant.readings.size()));
    if (!change)
        return change.status();
    ImportReport report;

    auto id = projectId();
    if (!id)
        return id.status();
    if (Status s = writePlantStructure(*db_, *change, qs(*id), plant, report); !s)
        return s;
    if (!plant.meters.empty()) {
        std::vector<std::pair<QString, QVariantList>> rows;
        for (std::size_t i = 0; i < plant.meters.size(); ++i)
            rows.emplace_back(qs(plant.meters[i].id), meterValues(plant.meters[i], static_cast<int>(i)));
        if (Status s = syncEntities(*db_, meterTable(), *change, rows, report); !s)
            return s;
    }

    // Readings go to the campaign named, or one whose window holds them all, or a new one.
    std::string campaignId = options.campaign;
    auto ensureCampaign = [&](const std::string& start, const std::string& end) -> Status {
        if (!campaignId.empty())
            return {};
        Campaign c;
        c.name =
            options.source.empty() ? std::string("Imported campaign") : "Imported from " + options.source;
        c.windowStart = start;
        c.windowEnd = end;
        const std::string newCampaign = newId();
        auto put =
            putVersion(*db_, campaignTable(), *change, qs(newCampaign), campaignValues(c), nullptr, false);
        if (!put)
            return put.status();
        campaignId = newCampaign;
        return {};
    };
    if (!plant.readings.empty()) {
        std::vector<double> times;
        std::string first, last;
        double lo = 0, hi = 0;
        for (const Reading& r : plant.readings)
            if (const auto t = parseIsoTime(r.time)) {
                if (times.empty() || *t < lo) {
                    lo = *t;
                    first = r.time;
                }
                if (times.empty() || *t > hi) {
                    hi = *t;
                    last = r.time;
                }
                times.push_back(*t);
            }
        if (campaignId.empty()) {
            auto holding = campaignHolding(*db_, times);
            if (!holding)
                return holding.status();
            campaignId = *holding;
        }
        // Readings already present (a file imported again) are skipped, so a new campaign is made only
        // when something is left to go in it.
        std::vector<NewReading> entries;
        entries.reserve(plant.readings.size());
        for (const Reading& r : plant.readings) {
            NewReading e;
            e.reading = r;
            entries.push_back(std::move(e));
        }
        ImportOptions readingOptions = options;
        readingOptions.campaign = campaignId;
        InsertControl control;
        control.dedupe = true;
        control.assignByWindow = false;
        control.makeCampaign = [&]() -> Result<std::string> {
            if (Status s = ensureCampaign(first, last); !s)
                return s;
            return campaignId;
        };
        auto unit = flowUnit(*db_);
        if (!unit)
            return unit.status();
        auto added = insertReadings(*db_, *change, entries, readingOptions, control, *unit, nullptr);
        if (!added)
            return added.status();
        report.readingsAdded = added->readingsAdded;
        report.readingsSkipped = added->readingsSkipped;
        report.warningCount = added->warningCount;
        report.warnings = added->warnings;
        report.ids = added->ids;
    }

    if (plant.production) {
        if (campaignId.empty()) {
            auto all = liveEntities(*db_, campaignTable());
            if (!all)
                return all.status();
            if (!all->empty())
                campaignId = all->back().first.toStdString(); // the latest created
            else if (Status s = ensureCampaign("", ""); !s)
                return s;
        }
        auto current = currentVersion(*db_, productionTable(), qs(campaignId));
        if (!current)
            return current.status();
        ProductionData data =
            *current && !(*current)->deleted ? productionFrom((*current)->values) : ProductionData{};
        data.quantity = plant.production->quantity;
        data.unit = plant.production->unit;
        data.per = plant.production->per;
        data.extra = plant.production->extra;
        auto put = putVersion(*db_, productionTable(), *change, qs(campaignId), productionValues(data),
                              *current ? &**current : nullptr);
        if (!put)
            return put.status();
        report.entitiesChanged += *put ? 1 : 0;
    }
    report.campaign = campaignId;
    if (Status s = transaction.commit(); !s)
        return s;
    return report;
}

Result<Plant> ProjectStore::exportPlant(const std::string& campaignId) {
    if (Status s = requireOpen(false); !s)
        return s;
    Plant plant;
    if (Status s = readPlantStructure(*db_, plant, true); !s)
        return s;
    std::set<std::string> meterIds;
    for (const Meter& meter : plant.meters)
        meterIds.insert(meter.id);

    std::string productionCampaign = campaignId;
    if (!campaignId.empty()) {
        auto c = currentVersion(*db_, campaignTable(), qs(campaignId));
        if (!c)
            return c.status();
        if (!*c || (*c)->deleted)
            return Status(ErrorKind::NotFound, "no campaign with id " + campaignId);
    }
    ReadingFilter filter;
    filter.campaign = campaignId;
    auto stored = readings(filter);
    if (!stored)
        return stored.status();
    plant.readings.reserve(stored->size());
    for (StoredReading& r : *stored)
        if (meterIds.contains(r.reading.meter)) // readings of a deleted meter stay in the project only
            plant.readings.push_back(std::move(r.reading));

    if (productionCampaign.empty()) {
        // The latest-created campaign that has production data.
        auto all = liveEntities(*db_, productionTable());
        if (!all)
            return all.status();
        if (!all->empty())
            productionCampaign = all->back().first.toStdString();
    }
    if (!productionCampaign.empty()) {
        auto data = production(productionCampaign);
        if (!data)
            return data.status();
        if (*data) {
            const ProductionData& p = **data;
            Production out;
            out.quantity = p.quantity;
            out.unit = p.unit;
            out.per = p.per;
            out.extra = p.extra;
            auto put = [&](const char* key, const std::string& raw) {
                if (!out.extra.contains(key))
                    out.extra.emplace(key, raw);
            };
            if (p.valueAdded)
                put("valueAdded", fmt::format("{}", *p.valueAdded));
            if (!p.valueAddedUnit.empty())
                put("valueAddedUnit", nlohmann::json(p.valueAddedUnit).dump());
            if (p.workingDays)
                put("workingDays", fmt::format("{}", *p.workingDays));
            if (p.staff)
                put("staff", fmt::format("{}", *p.staff));
            plant.production = std::move(out);
        }
    }
    return plant;
}

} // namespace shuiheng::store
