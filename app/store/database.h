#pragma once
// One Qt SQL connection with the store's error handling: every failure becomes a Status in words
// (through the dialect), and write transactions take the write lock up front.

#include "store/dialect.h"
#include "store/status.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <map>

namespace shuiheng::store {

class Database {
public:
    explicit Database(const Dialect& dialect = sqliteDialect());
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens the connection (the caller has checked the file). Nothing is written. `frozen`: see
    /// Dialect::connectOptions.
    Status open(const QString& path, bool readOnly, int busyTimeoutMs, bool frozen = false);
    void close();
    bool isOpen() const { return open_; }

    QSqlDatabase& handle() { return db_; }
    const Dialect& dialect() const { return dialect_; }
    const QString& path() const { return path_; }

    /// Runs one statement with positional arguments (prepared once per connection and kept).
    Status execute(const QString& sql, const QVariantList& args = {});
    /// Prepares and runs a query with positional arguments; read its rows with next().
    Result<QSqlQuery> select(const QString& sql, const QVariantList& args = {});
    /// Prepares a statement to run many times.
    Result<QSqlQuery> prepare(const QString& sql);
    /// Runs a prepared statement after its values were bound.
    Status run(QSqlQuery& query);

    /// The failure in words, with what was being done.
    Status failure(const QSqlError& error, const QString& context) const;

private:
    const Dialect& dialect_;
    QString name_;
    QString path_;
    QSqlDatabase db_;
    bool open_ = false;
    std::map<QString, QSqlQuery> statements_; ///< prepared statements of execute(), by their SQL
};

/// A transaction that writes. begin() takes the write lock (waiting up to the busy timeout);
/// the destructor rolls back unless commit() succeeded.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db)
        : db_(db) {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    Database& db_;
    bool active_ = false;
};

} // namespace shuiheng::store
