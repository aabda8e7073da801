#include "store/versioned.h"

#include "store/ids.h"

#include <QMetaType>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace shuiheng::store {
namespace {

QString columnList(const EntityTable& table) {
    QStringList columns;
    for (const char* field : table.fields)
        columns << QString::fromLatin1(field);
    return columns.join(QLatin1String(", "));
}

bool isNumber(const QVariant& v) {
    switch (v.metaType().id()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

Status insertVersion(Database& db, const EntityTable& table, const QString& changeId, const QString& key,
                     int version, bool deleted, const QVariantList& values) {
    QString placeholders = QStringLiteral("?, ?, ?, ?");
    for (std::size_t i = 0; i < table.fields.size(); ++i)
        placeholders += QStringLiteral(", ?");
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, version, change_id, deleted, %3) VALUES (%4)")
                            .arg(QString::fromLatin1(table.table), QString::fromLatin1(table.key),
                                 columnList(table), placeholders);
    QVariantList args{key, version, changeId, deleted ? 1 : 0};
    args.append(values);
    return db.execute(sql, args);
}

Status supersede(Database& db, const EntityTable& table, const QString& changeId, const QString& key) {
    return db.execute(QStringLiteral("UPDATE %1 SET superseded_by = ? WHERE %2 = ? AND superseded_by IS NULL")
                          .arg(QString::fromLatin1(table.table), QString::fromLatin1(table.key)),
                      {changeId, key});
}

Status audit(Database& db, const EntityTable& table, const QString& changeId, const QString& key, int version,
             const QString& field, const QVariant& oldValue, const QVariant& newValue) {
    const auto oldText = auditText(oldValue);
    const auto newText = auditText(newValue);
    return db.execute(
        QStringLiteral("INSERT INTO audit (audit_id, change_id, entity_type, entity_id, version, "
                       "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {qs(newId()), changeId, QString::fromLatin1(table.entityType), key, version, field,
         oldText ? QVariant(qs(*oldText)) : QVariant(QMetaType::fromType<QString>()),
         newText ? QVariant(qs(*newText)) : QVariant(QMetaType::fromType<QString>())});
}

Result<std::map<QString, Version>> versionsWhere(Database& db, const EntityTable& table, const QString& where,
                                                 const QVariantList& args) {
    auto query = db.select(
        QStringLiteral("SELECT %1, version, deleted, %2 FROM %3 WHERE %4")
            .arg(QString::fromLatin1(table.key), columnList(table), QString::fromLatin1(table.table), where),
        args);
    if (!query)
        return query.status();
    std::map<QString, Version> out;
    while (query->next()) {
        Version v;
        v.version = query->value(1).toInt();
        v.deleted = query->value(2).toInt() != 0;
        for (int i = 0; i < static_cast<int>(table.fields.size()); ++i)
            v.values << query->value(3 + i);
        out.emplace(query->value(0).toString(), std::move(v));
    }
    return out;
}

} // namespace

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string ss(const QVariant& value) {
    return value.toString().toStdString();
}

const EntityTable& projectTable() {
    static const EntityTable t{
        "project",
        "project",
        "project_id",
        {"name", "enterprise", "created_utc", "plant_name", "flow_unit", "plant_extra"}};
    return t;
}

const EntityTable& nodeTable() {
    static const EntityTable t{
        "node", "node", "node_id", {"ordinal", "name", "kind", "parent", "origin", "category", "extra"}};
    return t;
}

const EntityTable& streamTable() {
    static const EntityTable t{"stream",
                               "stream",
                               "stream_id",
                               {"ordinal", "from_node", "to_node", "stream_type", "measured_value",
                                "measured_sigma", "measurement_extra", "extra"}};
    return t;
}

const EntityTable& meterTable() {
    static const EntityTable t{"meter",
                               "meter",
                               "meter_id",
                               {"ordinal", "stream_id", "kind", "unit", "mpe", "rollover", "factor", "serial",
                                "qr_text", "method", "dn", "accuracy_class", "calibration_date",
                                "calibration_due", "certificate", "meter_level", "installed", "removed",
                                "extra"}};
    return t;
}

const EntityTable& campaignTable() {
    static const EntityTable t{"campaign",
                               "campaign",
                               "campaign_id",
                               {"name", "window_start", "window_end", "round_times", "note", "route"}};
    return t;
}

const EntityTable& productionTable() {
    static const EntityTable t{
        "production",
        "production",
        "campaign_id",
        {"quantity", "unit", "per", "value_added", "value_added_unit", "working_days", "staff", "extra"}};
    return t;
}

const EntityTable& readingTable() {
    static const EntityTable t{"reading",
                               "reading",
                               "reading_id",
                               {"seq", "campaign_id", "meter_id", "time_text", "time_utc", "value",
                                "technician", "device", "note", "photo", "extra"}};
    return t;
}

const std::vector<const EntityTable*>& entityTables() {
    static const std::vector<const EntityTable*> all{&projectTable(), &nodeTable(),     &streamTable(),
                                                     &meterTable(),   &campaignTable(), &productionTable(),
                                                     &readingTable()};
    return all;
}

const EntityTable* entityTable(std::string_view entityType) {
    for (const EntityTable* t : entityTables())
        if (entityType == t->entityType)
            return t;
    return nullptr;
}

bool sameValue(const QVariant& a, const QVariant& b) {
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    if (isNumber(a) || isNumber(b))
        return a.toDouble() == b.toDouble();
    return a.toString() == b.toString();
}

std::optional<std::string> auditText(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    if (value.metaType().id() == QMetaType::Double || value.metaType().id() == QMetaType::Float)
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString();
    return value.toString().toStdString();
}

Result<QString> recordChange(Database& db, const Actor& actor, const std::string& action,
                             const std::string& reason, const std::string& detail) {
    const Actor a = actor.completed();
    const QString id = qs(newId());
    const Now t = now();
    if (Status s = db.execute(
            QStringLiteral("INSERT INTO change_set (change_id, at_utc, utc_offset_min, who, "
                           "device, action, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, qs(t.utc), t.offsetMinutes, qs(a.who), qs(a.device), qs(action), qs(reason), qs(detail)});
        !s)
        return s;
    return id;
}

Result<std::map<QString, Version>> currentVersions(Database& db, const EntityTable& table) {
    return versionsWhere(db, table, QStringLiteral("superseded_by IS NULL"), {});
}

Result<std::optional<Version>> currentVersion(Database& db, const EntityTable& table, const QString& key) {
    auto found = versionsWhere(
        db, table, QStringLiteral("%1 = ? AND superseded_by IS NULL").arg(QString::fromLatin1(table.key)),
        {key});
    if (!found)
        return found.status();
    if (found->empty())
        return std::optional<Version>();
    return std::optional<Version>(found->begin()->second);
}

Result<bool> putVersion(Database& db, const EntityTable& table, const QString& changeId, const QString& key,
                        const QVariantList& values, const Version* current, bool lookUp) {
    if (values.size() != static_cast<qsizetype>(table.fields.size()))
        return Status(ErrorKind::Internal, std::string("wrong number of values for ") + table.table);
    if (!current) {
        // A brand-new entity, unless an older deleted one holds the key: then it comes back.
        auto existing =
            lookUp ? currentVersion(db, table, key) : Result<std::optional<Version>>(std::nullopt);
        if (!existing)
            return existing.status();
        if (*existing)
            return putVersion(db, table, changeId, key, values, &**existing);
        if (Status s = insertVersion(db, table, changeId, key, 1, false, values); !s)
            return s;
        return true;
    }
    std::vector<int> changed;
    for (int i = 0; i < values.size(); ++i)
        if (!sameValue(values[i], current->values.value(i)))
            changed.push_back(i);
    if (changed.empty() && !current->deleted)
        return false;
    const int version = current->version + 1;
    if (Status s = supersede(db, table, changeId, key); !s)
        return s;
    if (Status s = insertVersion(db, table, changeId, key, version, false, values); !s)
        return s;
    if (current->deleted)
        if (Status s = audit(db, table, changeId, key, version, QStringLiteral("(restored)"),
                             QStringLiteral("deleted"), QStringLiteral("present"));
            !s)
            return s;
    for (int i : changed)
        if (Status s = audit(db, table, changeId, key, version, QString::fromLatin1(table.fields[i]),
                             current->values.value(i), values[i]);
            !s)
            return s;
    return true;
}

Status markDeleted(Database& db, const EntityTable& table, const QString& changeId, const QString& key,
                   const Version& current) {
    if (current.deleted)
        return {};
    const int version = current.version + 1;
    if (Status s = supersede(db, table, changeId, key); !s)
        return s;
    if (Status s = insertVersion(db, table, changeId, key, version, true, current.values); !s)
        return s;
    return audit(db, table, changeId, key, version, QStringLiteral("(deleted)"), QStringLiteral("present"),
                 QStringLiteral("deleted"));
}

Result<std::vector<HistoryEntry>> entityHistory(Database& db, const EntityTable& table, const QString& key) {
    auto versions = db.select(
        QStringLiteral(
            "SELECT v.version, v.deleted, c.at_utc, c.who, c.device, c.action, c.reason, %1 FROM %2 v "
            "JOIN change_set c ON c.change_id = v.change_id WHERE v.%3 = ? ORDER BY v.version")
            .arg(
                [&] {
                    QStringList columns;
                    for (const char* field : table.fields)
                        columns << QStringLiteral("v.") + QString::fromLatin1(field);
                    return columns.join(QLatin1String(", "));
                }(),
                QString::fromLatin1(table.table), QString::fromLatin1(table.key)),
        {key});
    if (!versions)
        return versions.status();
    struct Row {
        int version;
        bool deleted;
        HistoryEntry base;
        std::string created;
    };
    std::vector<Row> rows;
    while (versions->next()) {
        Row row;
        row.version = versions->value(0).toInt();
        row.deleted = versions->value(1).toInt() != 0;
        HistoryEntry& e = row.base;
        e.at = ss(versions->value(2));
        e.who = ss(versions->value(3));
        e.device = ss(versions->value(4));
        e.action = ss(versions->value(5));
        e.reason = ss(versions->value(6));
        e.entityType = table.entityType;
        e.entityId = key.toStdString();
        e.version = row.version;
        for (int i = 0; i < static_cast<int>(table.fields.size()); ++i) {
            const auto text = auditText(versions->value(7 + i));
            if (text && !text->empty())
                row.created += (row.created.empty() ? "" : "; ") + std::string(table.fields[i]) + "=" + *text;
        }
        rows.push_back(std::move(row));
    }
    auto audits = db.select(QStringLiteral("SELECT version, field, old_value, new_value FROM audit WHERE "
                                           "entity_type = ? AND entity_id = ? ORDER BY version, audit_id"),
                            {QString::fromLatin1(table.entityType), key});
    if (!audits)
        return audits.status();
    std::multimap<int, HistoryEntry> changes;
    while (audits->next()) {
        HistoryEntry e;
        e.version = audits->value(0).toInt();
        e.field = ss(audits->value(1));
        if (!audits->value(2).isNull())
            e.oldValue = ss(audits->value(2));
        if (!audits->value(3).isNull())
            e.newValue = ss(audits->value(3));
        changes.emplace(e.version, std::move(e));
    }
    std::vector<HistoryEntry> out;
    for (const Row& row : rows) {
        if (row.version == 1) {
            HistoryEntry e = row.base;
            e.what = "created";
            e.newValue = row.created;
            out.push_back(std::move(e));
            continue;
        }
        const auto [from, to] = changes.equal_range(row.version);
        for (auto it = from; it != to; ++it) {
            HistoryEntry e = row.base;
            e.field = it->second.field;
            e.oldValue = it->second.oldValue;
            e.newValue = it->second.newValue;
            if (e.field == "(deleted)") {
                e.what = "deleted";
                e.field.clear();
            } else if (e.field == "(restored)") {
                e.what = "restored";
                e.field.clear();
            } else {
                e.what = "changed";
            }
            out.push_back(std::move(e));
        }
    }
    return out;
}

} // namespace shuiheng::store
