// The one place with SQLite specifics: the file header, PRAGMAs, BEGIN IMMEDIATE, VACUUM INTO, and
// what SQLite's result codes mean for the person holding the tablet.

#include "store/dialect.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>
#include <QVariant>

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
        // even a power cut loses an acknowledged reading. cache_size: 16 MB of pages.
        for (const char* pragma :
             {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -16000"})
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
