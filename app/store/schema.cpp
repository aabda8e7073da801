#include "store/schema.h"

#include <QSqlQuery>
#include <QVariant>

namespace shuiheng::store {
namespace {

// Version 1. Plain SQL that SQLite and PostgreSQL both accept: TEXT, INTEGER, BIGINT, DOUBLE
// PRECISION (never REAL: that is single precision on PostgreSQL), composite primary keys, no
// AUTOINCREMENT, no ROWID, no partial indexes. Ids are UUID text; times are ISO text in UTC.
//
// Versioned entities (project, node, stream, meter, campaign, production, reading) keep one row per
// version: (key, version) is the primary key; change_id names the change that wrote the version;
// superseded_by the change that replaced it (NULL: the current version); deleted = 1 marks the
// version that deleted the entity. Rows are never updated except to set superseded_by once.
const std::vector<const char*> version1 = {
    R"(CREATE TABLE change_set (
        change_id TEXT NOT NULL PRIMARY KEY,
        at_utc TEXT NOT NULL,
        utc_offset_min INTEGER NOT NULL,
        who TEXT NOT NULL,
        device TEXT NOT NULL,
        action TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL))",
    "CREATE INDEX change_set_at ON change_set (at_utc)",

    R"(CREATE TABLE audit (
        audit_id TEXT NOT NULL PRIMARY KEY,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT))",
    "CREATE INDEX audit_entity ON audit (entity_type, entity_id)",
    "CREATE INDEX audit_change ON audit (change_id)",

    R"(CREATE TABLE project (
        project_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        name TEXT NOT NULL,
        enterprise TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        plant_name TEXT NOT NULL,
        flow_unit TEXT NOT NULL,
        plant_extra TEXT NOT NULL,
        PRIMARY KEY (project_id, version)))",

    R"(CREATE TABLE node (
        node_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent TEXT NOT NULL,
        origin TEXT NOT NULL,
        category TEXT NOT NULL,
        extra TEXT NOT NULL,
        PRIMARY KEY (node_id, version)))",

    R"(CREATE TABLE stream (
        stream_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        from_node TEXT NOT NULL,
        to_node TEXT NOT NULL,
        stream_type TEXT NOT NULL,
        measured_value DOUBLE PRECISION,
        measured_sigma DOUBLE PRECISION,
        measurement_extra TEXT NOT NULL,
        extra TEXT NOT NULL,
        PRIMARY KEY (stream_id, version)))",

    R"(CREATE TABLE meter (
        meter_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        stream_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        unit TEXT NOT NULL,
        mpe DOUBLE PRECISION NOT NULL,
        rollover DOUBLE PRECISION,
        factor DOUBLE PRECISION NOT NULL,
        serial TEXT NOT NULL,
        qr_text TEXT NOT NULL,
        method TEXT NOT NULL,
        dn INTEGER,
        accuracy_class TEXT NOT NULL,
        calibration_date TEXT NOT NULL,
        calibration_due TEXT NOT NULL,
        certificate TEXT NOT NULL,
        meter_level INTEGER,
        installed TEXT NOT NULL,
        removed TEXT NOT NULL,
        extra TEXT NOT NULL,
        PRIMARY KEY (meter_id, version)))",

    R"(CREATE TABLE campaign (
        campaign_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        name TEXT NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        round_times TEXT NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (campaign_id, version)))",

    R"(CREATE TABLE production (
        campaign_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        quantity DOUBLE PRECISION NOT NULL,
        unit TEXT NOT NULL,
        per TEXT NOT NULL,
        value_added DOUBLE PRECISION,
        value_added_unit TEXT NOT NULL,
        working_days DOUBLE PRECISION,
        staff INTEGER,
        extra TEXT NOT NULL,
        PRIMARY KEY (campaign_id, version)))",

    R"(CREATE TABLE reading (
        reading_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        superseded_by TEXT REFERENCES change_set (change_id),
        deleted INTEGER NOT NULL,
        seq BIGINT NOT NULL,
        campaign_id TEXT,
        meter_id TEXT NOT NULL,
        time_text TEXT NOT NULL,
        time_utc TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        technician TEXT NOT NULL,
        device TEXT NOT NULL,
        note TEXT NOT NULL,
        photo TEXT NOT NULL,
        extra TEXT NOT NULL,
        PRIMARY KEY (reading_id, version)))",
    "CREATE INDEX reading_meter_time ON reading (meter_id, time_utc)",
    // The last seq handed out: counted here rather than by MAX(seq) over an index that bulk imports
    // would have to keep up.
    "INSERT INTO store_meta (meta_key, meta_value) VALUES ('reading_seq', '0')",

    R"(CREATE TABLE reading_warning (
        warning_id TEXT NOT NULL PRIMARY KEY,
        reading_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        reason TEXT NOT NULL,
        FOREIGN KEY (reading_id, version) REFERENCES reading (reading_id, version)))",
    "CREATE INDEX reading_warning_reading ON reading_warning (reading_id)",

    R"(CREATE TABLE attachment (
        sha256 TEXT NOT NULL PRIMARY KEY,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        media_type TEXT NOT NULL,
        byte_size BIGINT NOT NULL,
        content {blob} NOT NULL))",

    R"(CREATE TABLE result (
        result_id TEXT NOT NULL PRIMARY KEY,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        campaign_id TEXT,
        kind TEXT NOT NULL,
        computed_utc TEXT NOT NULL,
        content TEXT NOT NULL))",
    "CREATE INDEX result_campaign ON result (campaign_id, computed_utc)",
};

// Version 2: the plant editor's journal. One row per edit, undo or redo, never updated: an edit
// holds its change both ways as plant-file JSON (store/plant_delta.h); an undo or redo names the
// edit it takes back or does again in `target`. Replaying the rows in `seq` order gives the undo
// and redo stacks, so they survive a restart.
const std::vector<const char*> version2 = {
    R"(CREATE TABLE plant_edit (
        edit_id TEXT NOT NULL PRIMARY KEY,
        seq BIGINT NOT NULL,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        summary TEXT NOT NULL,
        forward TEXT NOT NULL,
        backward TEXT NOT NULL))",
    "CREATE UNIQUE INDEX plant_edit_seq ON plant_edit (seq)",
};

// Version 3: the reading rounds. A campaign keeps the route (its meters in the order they are walked
// and read, JSON array of meter ids; '[]' = the plant's order); a reading not taken in a round is
// recorded as a skip with its reason, never updated.
const std::vector<const char*> version3 = {
    "ALTER TABLE campaign ADD COLUMN route TEXT NOT NULL DEFAULT '[]'",
    R"(CREATE TABLE reading_skip (
        skip_id TEXT NOT NULL PRIMARY KEY,
        change_id TEXT NOT NULL REFERENCES change_set (change_id),
        campaign_id TEXT,
        meter_id TEXT NOT NULL,
        round_text TEXT NOT NULL,
        round_utc TEXT NOT NULL,
        reason TEXT NOT NULL))",
    "CREATE INDEX reading_skip_round ON reading_skip (campaign_id, round_utc)",
};

Status setMeta(Database& db, const char* key, const QString& value) {
    if (Status s = db.execute(QStringLiteral("DELETE FROM store_meta WHERE meta_key = ?"), {QString(key)});
        !s)
        return s;
    return db.execute(QStringLiteral("INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?)"),
                      {QString(key), value});
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1, "project, plant, meters, campaigns, readings, attachments, production, results, history",
         [](Database& db) { return runStatements(db, version1); }},
        {2, "the plant editor's journal of edits, for undo and redo",
         [](Database& db) { return runStatements(db, version2); }},
        {3, "the reading rounds: each campaign's route of meters, and readings skipped with a reason",
         [](Database& db) { return runStatements(db, version3); }},
    };
    return list;
}

Status runStatements(Database& db, const std::vector<const char*>& statements) {
    for (const char* statement : statements) {
        QString sql = QString::fromUtf8(statement);
        sql.replace(QLatin1String("{blob}"), db.dialect().blobType());
        if (Status s = db.execute(sql); !s)
            return s;
    }
    return {};
}

Status createSkeleton(Database& db) {
    WriteTransaction transaction(db);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Status s = db.execute(QStringLiteral(
            "CREATE TABLE store_meta (meta_key TEXT NOT NULL PRIMARY KEY, meta_value TEXT NOT NULL)"));
        !s)
        return s;
    if (Status s = setMeta(db, "format", QString::fromLatin1(projectFormat)); !s)
        return s;
    if (Status s = setMeta(db, "schema_version", QStringLiteral("0")); !s)
        return s;
    return transaction.commit();
}

Result<int> readSchemaVersion(Database& db) {
    auto tables = db.select(QStringLiteral("SELECT meta_key, meta_value FROM store_meta"));
    if (!tables) {
        // A database that opens but has no store_meta is someone else's.
        if (tables.status().kind() == ErrorKind::Internal)
            return Status(ErrorKind::NotAProject, "is an SQLite database but not a Shuiheng project");
        return tables.status();
    }
    QString format;
    std::optional<int> version;
    while (tables->next()) {
        const QString key = tables->value(0).toString();
        if (key == QLatin1String("format"))
            format = tables->value(1).toString();
        else if (key == QLatin1String("schema_version")) {
            bool ok = false;
            const int v = tables->value(1).toString().toInt(&ok);
            if (ok)
                version = v;
        }
    }
    if (format != QLatin1String(projectFormat))
        return Status(ErrorKind::NotAProject, "is an SQLite database but not a Shuiheng project");
    if (!version || *version < 0)
        return Status(ErrorKind::Damaged, "is damaged: its schema version is unreadable");
    return *version;
}

Status migrate(Database& db, const std::vector<Migration>& list, int target) {
    auto version = readSchemaVersion(db);
    if (!version)
        return version.status();
    for (const Migration& step : list) {
        if (step.toVersion <= *version || step.toVersion > target)
            continue;
        if (step.toVersion != *version + 1)
            return {ErrorKind::Internal, "no migration from schema version " + std::to_string(*version)};
        WriteTransaction transaction(db);
        Status s = transaction.begin();
        if (s) {
            // Read again under the write lock: another program may have migrated meanwhile.
            auto now = readSchemaVersion(db);
            if (!now)
                return now.status();
            if (*now >= step.toVersion) {
                *version = *now;
                continue;
            }
            s = step.apply(db);
        }
        if (s)
            s = setMeta(db, "schema_version", QString::number(step.toVersion));
        if (s)
            s = transaction.commit();
        if (!s)
            return s.prefixed("upgrading the project to schema version " + std::to_string(step.toVersion) +
                              " (" + step.summary + "); it stays at version " + std::to_string(*version));
        *version = step.toVersion;
    }
    return {};
}

} // namespace shuiheng::store
