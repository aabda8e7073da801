// Opening, creating and copying project files; project data; history (docs/store.md).

#include "store/project_store.h"

#include "store/ids.h"
#include "store/schema.h"
#include "store/store_internal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace shuiheng::store {

using namespace detail;

namespace {

/// Flushes a folder's entries (a new or renamed file) to the disk.
void syncFolder(const QString& folder) {
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Flushes a file's bytes to the disk.
Status syncFile(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR);
    if (fd < 0)
        return {ErrorKind::Io, std::string("cannot be reopened: ") + std::strerror(errno)};
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0)
        return {error == ENOSPC ? ErrorKind::DiskFull : ErrorKind::Io,
                std::string("cannot be flushed to the disk: ") + std::strerror(error)};
    return {};
}

/// Moves `from` to `to` unless `to` exists (atomically: a hard link, then the old name goes).
Status moveIntoPlace(const QString& from, const QString& to) {
    const QByteArray source = QFile::encodeName(from), target = QFile::encodeName(to);
    if (::link(source.constData(), target.constData()) != 0) {
        const int error = errno;
        if (error == EEXIST)
            return {ErrorKind::InvalidInput, "already exists; nothing was overwritten"};
        // A file system without hard links: fall back to a rename after a last look.
        if (QFileInfo::exists(to))
            return {ErrorKind::InvalidInput, "already exists; nothing was overwritten"};
        if (::rename(source.constData(), target.constData()) != 0)
            return {ErrorKind::Io, std::string("cannot be written: ") + std::strerror(errno)};
    } else {
        ::unlink(source.constData());
    }
    syncFolder(QFileInfo(to).absolutePath());
    return {};
}

void removeWithJournals(const QString& path) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

QString temporaryBeside(const QString& path) {
    return path + QStringLiteral(".tmp-") + QString::fromStdString(newId().substr(24));
}

Status withPath(const Status& s, const std::string& path) {
    return s.prefixed(path);
}

} // namespace

Actor Actor::completed() const {
    Actor a = *this;
    if (a.who.empty()) {
        a.who = qEnvironmentVariable("USER").toStdString();
        if (a.who.empty())
            a.who = qEnvironmentVariable("USERNAME", QStringLiteral("unknown")).toStdString();
    }
    if (a.device.empty()) {
        a.device = QSysInfo::machineHostName().toStdString();
        if (a.device.empty())
            a.device = "unknown";
    }
    return a;
}

std::string_view errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::None:
        return "ok";
    case ErrorKind::InvalidInput:
        return "invalid input";
    case ErrorKind::NotFound:
        return "not found";
    case ErrorKind::NotAProject:
        return "not a project";
    case ErrorKind::NewerVersion:
        return "newer version";
    case ErrorKind::Damaged:
        return "damaged";
    case ErrorKind::ReadOnly:
        return "read-only";
    case ErrorKind::Busy:
        return "busy";
    case ErrorKind::DiskFull:
        return "disk full";
    case ErrorKind::Io:
        return "input/output";
    case ErrorKind::Internal:
        return "internal";
    }
    return "?";
}

ProjectStore::ProjectStore() = default;
ProjectStore::~ProjectStore() {
    close();
}

bool ProjectStore::isOpen() const {
    return db_ && db_->isOpen();
}

void ProjectStore::close() {
    if (db_)
        db_->close();
    db_.reset();
}

Status ProjectStore::requireOpen(bool write) const {
    if (!isOpen())
        return {ErrorKind::Internal, "no project is open"};
    if (write && readOnly_)
        return {ErrorKind::ReadOnly, path_ + ": opened read-only; nothing can be changed"};
    return {};
}

Status ProjectStore::create(const std::string& path, const ProjectMeta& meta, const Actor& actor,
                            const OpenOptions& options) {
    close();
    const QString target = QFileInfo(qs(path)).absoluteFilePath();
    if (QFileInfo::exists(target))
        return {ErrorKind::InvalidInput, path + ": already exists; nothing was overwritten"};
    const QFileInfo folder(QFileInfo(target).absolutePath());
    if (!folder.isDir())
        return {ErrorKind::NotFound, path + ": no such folder " + folder.filePath().toStdString()};
    if (!folder.isWritable())
        return {ErrorKind::ReadOnly, path + ": the folder cannot be written"};
    if (options.readOnly)
        return {ErrorKind::InvalidInput, "a project cannot be created read-only"};

    // Built complete under a temporary name (rollback journal, no -wal beside it), then moved into
    // place: the project appears whole or not at all.
    const QString temporary = temporaryBeside(target);
    Status s;
    {
        Database db;
        s = db.open(temporary, false, options.busyTimeoutMs);
        if (s)
            s = createSkeleton(db);
        if (s)
            s = migrate(db, migrations(), currentSchemaVersion);
        if (s)
            s = db.dialect().markNewFile(db.handle());
        if (s) {
            WriteTransaction transaction(db);
            s = transaction.begin();
            Result<QString> change =
                s ? recordChange(db, actor, "create project", "", meta.name) : Result<QString>(s);
            if (!change)
                s = change.status();
            if (s) {
                const QString id = qs(newId());
                const QVariantList values{qs(meta.name), qs(meta.enterprise),    qs(now().utc),
                                          qs(meta.name), QStringLiteral("m3/h"), QString("")};
                auto written = putVersion(db, projectTable(), *change, id, values, nullptr);
                if (!written)
                    s = written.status();
                if (s)
                    s = db.execute(
                        QStringLiteral("INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?)"),
                        {QStringLiteral("project_id"), id});
            }
            if (s)
                s = transaction.commit();
        }
        db.close();
    }
    if (s && QFileInfo::exists(temporary + QStringLiteral("-journal")))
        s = {ErrorKind::Io, "the new project was not completely written"};
    if (s)
        s = moveIntoPlace(temporary, target);
    if (!s) {
        removeWithJournals(temporary);
        return withPath(s, path);
    }
    return open(path, options);
}

Status ProjectStore::open(const std::string& path, const OpenOptions& options) {
    close();
    path_ = path;
    readOnly_ = options.readOnly;
    const QString file = QFileInfo(qs(path)).absoluteFilePath();
    const Dialect& dialect = sqliteDialect();
    if (Status s = dialect.checkExistingFile(file); !s)
        return withPath(s, path);
    if (!options.readOnly) {
        if (!QFileInfo(file).isWritable())
            return {ErrorKind::ReadOnly,
                    path + ": the file is read-only (write-protected); open it read-only to "
                           "look at it, or copy it to a place where it can be written"};
        if (!QFileInfo(QFileInfo(file).absolutePath()).isWritable())
            return {ErrorKind::ReadOnly, path +
                                             ": its folder cannot be written (the journal lives beside the "
                                             "file); copy the project to a writable folder"};
    }
    auto db = std::make_unique<Database>(dialect);
    Status opened = db->open(file, options.readOnly, options.busyTimeoutMs);
    Result<int> version = opened ? readSchemaVersion(*db) : Result<int>(opened);
    if (!version && options.readOnly &&
        (version.status().kind() == ErrorKind::ReadOnly || version.status().kind() == ErrorKind::Io) &&
        !QFileInfo(QFileInfo(file).absolutePath()).isWritable()) {
        // Read-only media, or a folder this user cannot write: the journal's index cannot be made
        // beside the file. With no journal of unsaved changes there, the file alone is complete.
        if (dialect.hasJournalBeside(file))
            return {ErrorKind::ReadOnly,
                    path + ": cannot be read here: changes not yet merged into it wait in the "
                           "journal beside it, and the folder cannot be written; copy the "
                           "project with its -wal file to a writable folder"};
        db = std::make_unique<Database>(dialect);
        if (Status s = db->open(file, true, options.busyTimeoutMs, true); !s)
            return withPath(s, path);
        version = readSchemaVersion(*db);
    }
    if (!version)
        return withPath(version.status(), path);
    if (*version > currentSchemaVersion)
        return {ErrorKind::NewerVersion,
                fmt::format(
                    "{}: was written by a newer Shuiheng (project schema version {}; this one reads up to "
                    "version {}); update Shuiheng to open it. The file was not changed.",
                    path, *version, currentSchemaVersion)};
    if (*version < currentSchemaVersion) {
        if (options.readOnly || !options.upgrade)
            return {ErrorKind::InvalidInput,
                    fmt::format("{}: is of an older project schema (version {}); open it for writing once to "
                                "upgrade it to version {}",
                                path, *version, currentSchemaVersion)};
        if (Status s = dialect.prepareForWriting(db->handle()); !s)
            return withPath(s, path);
        if (Status s = migrate(*db, migrations(), currentSchemaVersion); !s)
            return withPath(s, path);
    } else if (!options.readOnly) {
        if (Status s = dialect.prepareForWriting(db->handle()); !s)
            return withPath(s, path);
    }
    db_ = std::move(db);
    auto id = projectId();
    if (!id) {
        close();
        return withPath(id.status(), path);
    }
    return {};
}

Result<std::string> ProjectStore::projectId() {
    auto q = db_->select(QStringLiteral("SELECT project_id FROM project WHERE superseded_by IS NULL"));
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::Damaged, "is damaged: it has no project record");
    return ss(q->value(0));
}

Result<ProjectMeta> ProjectStore::meta() {
    if (Status s = requireOpen(false); !s)
        return s;
    auto id = projectId();
    if (!id)
        return id.status();
    auto current = currentVersion(*db_, projectTable(), qs(*id));
    if (!current)
        return current.status();
    if (!*current)
        return Status(ErrorKind::Damaged, "the project has no project record");
    const QVariantList& v = (*current)->values;
    auto version = readSchemaVersion(*db_);
    if (!version)
        return version.status();
    return ProjectMeta{*id, ss(v[0]), ss(v[1]), ss(v[2]), *version};
}

Status ProjectStore::setMeta(const std::string& name, const std::string& enterprise, const Actor& actor,
                             const std::string& reason) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto id = projectId();
    if (!id)
        return id.status();
    auto current = currentVersion(*db_, projectTable(), qs(*id));
    if (!current)
        return current.status();
    if (!*current)
        return {ErrorKind::Damaged, "the project has no project record"};
    QVariantList values = (*current)->values;
    values[0] = qs(name);
    values[1] = qs(enterprise);
    auto change = recordChange(*db_, actor, "edit project", reason, name);
    if (!change)
        return change.status();
    auto written = putVersion(*db_, projectTable(), *change, qs(*id), values, &**current);
    if (!written)
        return written.status();
    return transaction.commit();
}

Result<std::vector<HistoryEntry>> ProjectStore::history(const std::string& entityType,
                                                        const std::string& entityId) {
    if (Status s = requireOpen(false); !s)
        return s;
    std::vector<const EntityTable*> tables;
    if (!entityType.empty()) {
        const EntityTable* table = entityTable(entityType);
        if (!table)
            return Status(ErrorKind::InvalidInput,
                          "unknown entity type '" + entityType +
                              "' (project, node, stream, meter, campaign, production, reading)");
        tables.push_back(table);
    } else {
        tables = entityTables();
    }
    std::string key = entityId;
    if (key.empty() && entityType == "project") {
        auto id = projectId();
        if (!id)
            return id.status();
        key = *id;
    }
    std::vector<HistoryEntry> out;
    for (const EntityTable* table : tables) {
        auto entries = entityHistory(*db_, *table, qs(key));
        if (!entries)
            return entries.status();
        out.insert(out.end(), entries->begin(), entries->end());
        if (std::string_view(table->entityType) == "reading" && !entries->empty()) {
            auto found = warnings(key);
            if (!found)
                return found.status();
            for (const RecordedWarning& w : *found) {
                auto at = std::find_if(entries->begin(), entries->end(),
                                       [&](const HistoryEntry& e) { return e.version == w.version; });
                HistoryEntry e = at != entries->end() ? *at : entries->front();
                e.what = "warning";
                e.field = w.kind;
                e.oldValue.reset();
                e.newValue = w.message;
                e.reason = w.reason;
                out.push_back(std::move(e));
            }
        }
    }
    if (out.empty())
        return Status(ErrorKind::NotFound, entityType.empty()
                                               ? "nothing with id '" + entityId + "' in the project"
                                               : "no " + entityType + " '" + entityId + "'");
    std::stable_sort(out.begin(), out.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
        return std::tie(a.entityType, a.entityId, a.version) < std::tie(b.entityType, b.entityId, b.version);
    });
    return out;
}

Result<std::vector<ChangeRecord>> ProjectStore::changes() {
    if (Status s = requireOpen(false); !s)
        return s;
    auto q =
        db_->select(QStringLiteral("SELECT change_id, at_utc, utc_offset_min, who, device, action, reason, "
                                   "detail FROM change_set ORDER BY at_utc, change_id"));
    if (!q)
        return q.status();
    std::vector<ChangeRecord> out;
    while (q->next())
        out.push_back({ss(q->value(0)), ss(q->value(1)), q->value(2).toInt(), ss(q->value(3)),
                       ss(q->value(4)), ss(q->value(5)), ss(q->value(6)), ss(q->value(7))});
    return out;
}

Status ProjectStore::checkIntegrity() {
    if (Status s = requireOpen(false); !s)
        return s;
    return withPath(db_->dialect().integrityCheck(db_->handle()), path_);
}

Status ProjectStore::exportBundle(const std::string& target) {
    if (Status s = requireOpen(false); !s)
        return s;
    const QString to = QFileInfo(qs(target)).absoluteFilePath();
    if (QFileInfo::exists(to))
        return {ErrorKind::InvalidInput, target + ": already exists; nothing was overwritten"};
    const QString temporary = temporaryBeside(to);
    Status s = db_->dialect().copyTo(db_->handle(), temporary);
    if (s) {
        // The copy must open as a project and pass the full check before it is handed over.
        Database copy(db_->dialect());
        s = copy.open(temporary, true, 1000);
        if (s) {
            auto version = readSchemaVersion(copy);
            s = version ? copy.dialect().integrityCheck(copy.handle()) : version.status();
        }
        copy.close();
    }
    if (s)
        s = syncFile(temporary);
    if (s)
        s = moveIntoPlace(temporary, to);
    if (!s) {
        removeWithJournals(temporary);
        return withPath(s, target);
    }
    return {};
}

} // namespace shuiheng::store
