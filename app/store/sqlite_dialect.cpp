// The one place with SQLite specifics: the file header, PRAGMAs, BEGIN IMMEDIATE, VACUUM INTO, and
// what SQLite's result codes mean for the person holding the tablet.

#include "store/dialect.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>
#include <QVariant>
#include <sqlite3.h>

namespace shuiheng::store {
namespace {

// "SHSH": PRAGMA application_id of a Shuiheng project, so that file(1) and others can tell.
constexpr int applicationId = 0x53485348;

// SQLite primary result codes (sqlite3.h), for classify().
enum : int {
    sqliteBusy = 5,
    sqliteLocked = 6,
    sqliteNoMem = 7,
    sqliteReadOnly = 8,
    sqliteIoErr = 10,
    sqliteCorrupt = 11,
    sqliteFull = 13,
    sqliteCantOpen = 14,
    sqliteConstraint = 19,
    sqliteNotADb = 26,
};
constexpr int sqliteIoErrWrite = sqliteIoErr | (3 << 8);
constexpr int sqliteIoErrFsync = sqliteIoErr | (4 << 8);
constexpr int sqliteIoErrTruncate = sqliteIoErr | (6 << 8);
constexpr int sqliteIoErrShmSize = sqliteIoErr | (19 << 8);

/// Rows inserted through SQLite's own API on the connection Qt opened: UTF-8 text bound as it is,
/// without Qt's conversions (a bulk import of a million readings spends most of its time there).
class SqliteRowInserter final : public RowInserter {
public:
    SqliteRowInserter(const Dialect& dialect, sqlite3* db, sqlite3_stmt* statement)
        : dialect_(dialect)
        , db_(db)
        , statement_(statement) {}
    ~SqliteRowInserter() override { sqlite3_finalize(statement_); }

    void text(int column, std::string_view utf8) override {
        // SQLITE_STATIC: the caller keeps the text until insert() (see RowInserter); copying each of
        // a million readings' thirteen values first costs a malloc and a free apiece.
        sqlite3_bind_text(statement_, column + 1, utf8.data(), static_cast<int>(utf8.size()), SQLITE_STATIC);
    }
    void real(int column, double value) override { sqlite3_bind_double(statement_, column + 1, value); }
    void integer(int column, long long value) override { sqlite3_bind_int64(statement_, column + 1, value); }
    void null(int column) override { sqlite3_bind_null(statement_, column + 1); }
    Status insert() override {
        const int result = sqlite3_step(statement_);
        Status s;
        if (result != SQLITE_DONE)
            s = dialect_.classify(QSqlError(QStringLiteral("insert"), QString::fromUtf8(sqlite3_errmsg(db_)),
                                            QSqlError::StatementError,
                                            QString::number(sqlite3_extended_errcode(db_))),
                                  QString::fromUtf8(sqlite3_sql(statement_)));
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
        return s;
    }

private:
    const Dialect& dialect_;
    sqlite3* db_;
    sqlite3_stmt* statement_;
};

/// Rows read through SQLite's own API: UTF-8 text as SQLite holds it.
class SqliteRowReader final : public RowReader {
public:
    SqliteRowReader(const Dialect& dialect, sqlite3* db, sqlite3_stmt* statement)
        : dialect_(dialect)
        , db_(db)
        , statement_(statement) {}
    ~SqliteRowReader() override { sqlite3_finalize(statement_); }

    Result<bool> next() override {
        const int result = sqlite3_step(statement_);
        if (result == SQLITE_ROW)
            return true;
        if (result == SQLITE_DONE)
            return false;
        return dialect_.classify(QSqlError(QStringLiteral("read"), QString::fromUtf8(sqlite3_errmsg(db_)),
                                           QSqlError::StatementError,
                                           QString::number(sqlite3_extended_errcode(db_))),
                                 QString::fromUtf8(sqlite3_sql(statement_)));
    }
    std::string_view text(int column) override {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return data ? std::string_view(data,
                                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                    : std::string_view();
    }
    double real(int column) override { return sqlite3_column_double(statement_, column); }
    long long integer(int column) override { return sqlite3_column_int64(statement_, column); }
    bool isNull(int column) override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

private:
    const Dialect& dialect_;
    sqlite3* db_;
    sqlite3_stmt* statement_;
};

/// The sqlite3 handle under Qt's connection, or nullptr.
sqlite3* nativeHandle(QSqlDatabase& db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
               ? *static_cast<sqlite3* const*>(handle.data())
               : nullptr;
}

Status runPragma(QSqlDatabase& db, const QString& sql, const Dialect& dialect) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return dialect.classify(query.lastError(), sql);
    return {};
}

class SqliteDialect final : public Dialect {
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }

    Status checkExistingFile(const QString& path) const override {
        const QFileInfo info(path);
        if (!info.exists())
            return {ErrorKind::NotFound, "no such file"};
        if (info.isDir())
            return {ErrorKind::NotAProject, "is a folder, not a project file"};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {ErrorKind::Io, "cannot be read: " + file.errorString().toStdString()};
        const QByteArray header = file.read(100);
        if (header.isEmpty())
            return {ErrorKind::NotAProject, "is empty, not a Shuiheng project"};
        if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
            return {ErrorKind::NotAProject, "is not a Shuiheng project (not an SQLite database)"};
        if (header.size() < 100)
            return {ErrorKind::Damaged, "is damaged: the file is cut short"};
        return {};
    }

    QString connectOptions(bool readOnly, int busyTimeoutMs, bool frozen) const override {
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
        if (readOnly || frozen)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (frozen)
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        return options;
    }

    QString databaseName(const QString& path, bool frozen) const override {
        if (!frozen)
            return path;
        // immutable=1: no locks and no -shm (which a read-only folder could not hold).
        return QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(path, "/")) +
               QStringLiteral("?immutable=1");
    }

    bool hasJournalBeside(const QString& path) const override {
        const QFileInfo wal(path + QStringLiteral("-wal"));
        const QFileInfo journal(path + QStringLiteral("-journal"));
        return (wal.exists() && wal.size() > 0) || (journal.exists() && journal.size() > 0);
    }

    Status configureConnection(QSqlDatabase& db) const override {
        // synchronous=FULL: a commit is on the disk (WAL fsynced) before it is acknowledged, so not
        // even a power cut loses an acknowledged reading. cache_size: up to 128 MB of pages (used as a
        // project grows; a bulk import of a million readings wants it).
        for (const char* pragma :
             {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -131072"})
            if (Status s = runPragma(db, QString::fromLatin1(pragma), *this); !s)
                return s;
        return {};
    }

    Status prepareForWriting(QSqlDatabase& db) const override {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
            return classify(query.lastError(), QStringLiteral("reading the journal mode"));
        if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
            return {};
        query.finish();
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return classify(query.lastError(), QStringLiteral("switching to the WAL journal"));
        if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return {ErrorKind::Io, "cannot use a write-ahead journal here (journal mode stays " +
                                       query.value(0).toString().toStdString() + ")"};
        return {};
    }

    Status markNewFile(QSqlDatabase& db) const override {
        return runPragma(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId), *this);
    }

    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }

    QString blobType() const override { return QStringLiteral("BLOB"); }

    Status integrityCheck(QSqlDatabase& db) const override {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return classify(query.lastError(), QStringLiteral("integrity check"));
        QStringList problems;
        while (query.next()) {
            const QString line = query.value(0).toString();
            if (line != QLatin1String("ok") && problems.size() < 10)
                problems << line;
        }
        if (!problems.isEmpty())
            return {ErrorKind::Damaged, "the integrity check found: " + problems.join("; ").toStdString()};
        return {};
    }

    Status copyTo(QSqlDatabase& db, const QString& target) const override {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
            return classify(query.lastError(), QStringLiteral("copying the project"));
        query.addBindValue(target);
        if (!query.exec())
            return classify(query.lastError(), QStringLiteral("copying the project"));
        return {};
    }

    Result<std::unique_ptr<RowInserter>> rowInserter(QSqlDatabase& db, const QString& sql) const override {
        sqlite3* native = nativeHandle(db);
        if (!native)
            return Dialect::rowInserter(db, sql);
        sqlite3_stmt* statement = nullptr;
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(native, text.constData(), static_cast<int>(text.size()), &statement,
                               nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return classify(QSqlError(QStringLiteral("prepare"), QString::fromUtf8(sqlite3_errmsg(native)),
                                      QSqlError::StatementError,
                                      QString::number(sqlite3_extended_errcode(native))),
                            sql);
        }
        return std::unique_ptr<RowInserter>(std::make_unique<SqliteRowInserter>(*this, native, statement));
    }

    Result<std::unique_ptr<RowReader>> rowReader(QSqlDatabase& db, const QString& sql,
                                                 const std::vector<std::string>& args) const override {
        sqlite3* native = nativeHandle(db);
        if (!native)
            return Dialect::rowReader(db, sql, args);
        sqlite3_stmt* statement = nullptr;
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(native, text.constData(), static_cast<int>(text.size()), &statement,
                               nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return classify(QSqlError(QStringLiteral("prepare"), QString::fromUtf8(sqlite3_errmsg(native)),
                                      QSqlError::StatementError,
                                      QString::number(sqlite3_extended_errcode(native))),
                            sql);
        }
        for (std::size_t i = 0; i < args.size(); ++i)
            sqlite3_bind_text(statement, static_cast<int>(i) + 1, args[i].data(),
                              static_cast<int>(args[i].size()), SQLITE_TRANSIENT);
        return std::unique_ptr<RowReader>(std::make_unique<SqliteRowReader>(*this, native, statement));
    }

    Status classify(const QSqlError& error, const QString& context) const override {
        bool isNumber = false;
        const int code = error.nativeErrorCode().toInt(&isNumber);
        const std::string what =
            error.databaseText().isEmpty() ? error.text().toStdString() : error.databaseText().toStdString();
        const std::string where = context.isEmpty() ? std::string() : " (" + context.toStdString() + ")";
        if (!isNumber)
            return {ErrorKind::Internal, what + where};
        if (code == sqliteIoErrWrite || code == sqliteIoErrFsync || code == sqliteIoErrTruncate ||
            code == sqliteIoErrShmSize)
            return {ErrorKind::DiskFull,
                    "could not write to the disk (is it full, or is the file too large for it?); nothing "
                    "of this change was saved [" +
                        what + "]"};
        switch (code & 0xff) {
        case sqliteBusy:
        case sqliteLocked:
            return {ErrorKind::Busy, "the project is being changed by another program (the app or "
                                     "another shuiheng-cli) and stayed locked; nothing was saved, try "
                                     "again when it is done"};
        case sqliteFull:
            return {ErrorKind::DiskFull, "the disk is full; nothing of this change was saved"};
        case sqliteCorrupt:
        case sqliteNotADb:
            return {ErrorKind::Damaged, "the project file is damaged (" + what +
                                            "); open a copy or a bundle handed over earlier"};
        case sqliteReadOnly:
            return {ErrorKind::ReadOnly, "the project file cannot be written (read-only) [" + what + "]"};
        case sqliteCantOpen:
            return {ErrorKind::Io, "cannot open the project file or its journal beside it [" + what + "]"};
        case sqliteIoErr:
            return {ErrorKind::Io, "reading or writing the disk failed [" + what + "]" + where};
        case sqliteNoMem:
            return {ErrorKind::Io, "out of memory" + where};
        case sqliteConstraint:
            return {ErrorKind::InvalidInput, "refused by the project's rules: " + what + where};
        default:
            return {ErrorKind::Internal, what + where};
        }
    }
};

} // namespace

const Dialect& sqliteDialect() {
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace shuiheng::store
