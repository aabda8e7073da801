#pragma once
// What differs between the database engines the store runs on. Everything engine-specific — file
// checks, PRAGMAs, how a write transaction starts, blob type, error codes, consistent copies — is
// behind this interface; the schema and the queries are plain SQL that SQLite and PostgreSQL both
// accept. Today there is one implementation, SQLite (sqlite_dialect.cpp); a PostgreSQL one is the
// bureau workspace's (docs/store.md, "PostgreSQL").

#include "store/status.h"

#include <QString>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QSqlDatabase;
class QSqlError;

namespace shuiheng::store {

/// One INSERT statement run many times (bulk imports): values bound by column, then insert().
class RowInserter {
public:
    virtual ~RowInserter() = default;
    /// The text is not copied: it must stay valid until insert() returns.
    virtual void text(int column, std::string_view utf8) = 0;
    virtual void real(int column, double value) = 0;
    virtual void integer(int column, long long value) = 0;
    virtual void null(int column) = 0;
    /// Runs the statement with the values bound, then clears them for the next row.
    virtual Status insert() = 0;
};

/// The rows of one query read one by one (large reads: all the readings of a campaign): text comes as
/// UTF-8 without a detour through QString and QVariant.
class RowReader {
public:
    virtual ~RowReader() = default;
    /// The next row: true when there is one, false at the end (or a failure in the status).
    virtual Result<bool> next() = 0;
    /// A column of the current row; valid until next().
    virtual std::string_view text(int column) = 0;
    virtual double real(int column) = 0;
    virtual long long integer(int column) = 0;
    virtual bool isNull(int column) = 0;
};

class Dialect {
public:
    virtual ~Dialect() = default;

    /// The Qt SQL driver: "QSQLITE".
    virtual QString driverName() const = 0;

    /// Checks, by reading its first bytes only, that an existing file can be one of ours.
    virtual Status checkExistingFile(const QString& path) const = 0;

    /// Options of QSqlDatabase::setConnectOptions for this connection. `frozen`: the file is on
    /// read-only media (or in a folder that cannot be written) and nothing will change it while open.
    virtual QString connectOptions(bool readOnly, int busyTimeoutMs, bool frozen = false) const = 0;

    /// The database name for QSqlDatabase::setDatabaseName.
    virtual QString databaseName(const QString& path, bool frozen = false) const = 0;

    /// True when changes committed to the file may still sit in a journal beside it (then it cannot be
    /// read frozen).
    virtual bool hasJournalBeside(const QString& path) const = 0;

    /// Per-connection settings, run right after opening (nothing is written to the file).
    virtual Status configureConnection(QSqlDatabase& db) const = 0;

    /// Settings kept in the file that writing needs (the WAL journal); may write the file, so it runs
    /// only once the file is known to be ours and of a schema this build understands.
    virtual Status prepareForWriting(QSqlDatabase& db) const = 0;

    /// Marks a brand-new file as a Shuiheng project where the engine has a place for it.
    virtual Status markNewFile(QSqlDatabase& db) const = 0;

    /// The statement that starts a transaction which will write: it takes the write lock at once, so
    /// that a second writer waits (up to the busy timeout) instead of failing half-way.
    virtual QString beginWrite() const = 0;

    /// The column type of binary data.
    virtual QString blobType() const = 0;

    /// Runs the engine's full consistency check: empty when all is well, else what it found.
    virtual Status integrityCheck(QSqlDatabase& db) const = 0;

    /// Writes a consistent, self-contained copy of the whole database to `target` (which must not
    /// exist), while others may keep writing.
    virtual Status copyTo(QSqlDatabase& db, const QString& target) const = 0;

    /// A failure of the engine in words, with the kind a caller acts on.
    virtual Status classify(const QSqlError& error, const QString& context) const = 0;

    /// An inserter for `sql` (positional ? parameters) on this connection: the engine's own fast path
    /// where there is one, else Qt SQL. Use it inside a transaction; destroy it before the commit.
    virtual Result<std::unique_ptr<RowInserter>> rowInserter(QSqlDatabase& db, const QString& sql) const;

    /// A reader of the rows of `sql` with positional text arguments: the engine's own fast path where
    /// there is one, else Qt SQL.
    virtual Result<std::unique_ptr<RowReader>> rowReader(QSqlDatabase& db, const QString& sql,
                                                         const std::vector<std::string>& args) const;
};

/// The SQLite dialect (one instance for the process).
const Dialect& sqliteDialect();

} // namespace shuiheng::store
