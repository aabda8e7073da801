#include "store/database.h"

#include <QSqlError>
#include <atomic>

namespace shuiheng::store {

Database::Database(const Dialect& dialect)
    : dialect_(dialect) {
    static std::atomic<int> counter{0};
    name_ = QStringLiteral("shuiheng-store-%1").arg(++counter);
}

Database::~Database() {
    close();
}

Status Database::open(const QString& path, bool readOnly, int busyTimeoutMs, bool frozen) {
    close();
    path_ = path;
    db_ = QSqlDatabase::addDatabase(dialect_.driverName(), name_);
    if (!db_.isValid()) {
        db_ = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
        return {ErrorKind::Internal, "the Qt SQL driver " + dialect_.driverName().toStdString() +
                                         " is not installed (Debian: libqt6sql6-sqlite)"};
    }
    db_.setDatabaseName(dialect_.databaseName(path, frozen));
    db_.setConnectOptions(dialect_.connectOptions(readOnly, busyTimeoutMs, frozen));
    if (!db_.open()) {
        const Status s = failure(db_.lastError(), QStringLiteral("opening"));
        close();
        return s;
    }
    open_ = true;
    if (Status s = dialect_.configureConnection(db_); !s) {
        close();
        return s;
    }
    return {};
}

void Database::close() {
    statements_.clear();
    if (db_.isValid()) {
        db_.close();
        db_ = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
    }
    open_ = false;
}

Result<QSqlQuery> Database::prepare(const QString& sql) {
    QSqlQuery query(db_);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failure(query.lastError(), sql);
    return query;
}

Status Database::run(QSqlQuery& query) {
    if (!query.exec())
        return failure(query.lastError(), query.lastQuery());
    return {};
}

Status Database::execute(const QString& sql, const QVariantList& args) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        auto query = prepare(sql);
        if (!query)
            return query.status();
        it = statements_.emplace(sql, std::move(*query)).first;
    }
    QSqlQuery& query = it->second;
    for (int i = 0; i < args.size(); ++i)
        query.bindValue(i, args[i]);
    Status s = run(query);
    query.finish();
    if (!s)
        statements_.erase(it); // prepared again next time: the schema may have changed
    return s;
}

Result<QSqlQuery> Database::select(const QString& sql, const QVariantList& args) {
    auto query = prepare(sql);
    if (!query)
        return query.status();
    for (const QVariant& arg : args)
        query->addBindValue(arg);
    if (Status s = run(*query); !s)
        return s;
    return query;
}

Status Database::failure(const QSqlError& error, const QString& context) const {
    return dialect_.classify(error, context);
}

WriteTransaction::~WriteTransaction() {
    rollback();
}

Status WriteTransaction::begin() {
    QSqlQuery query(db_.handle());
    if (!query.exec(db_.dialect().beginWrite()))
        return db_.failure(query.lastError(), QStringLiteral("starting a change"));
    active_ = true;
    return {};
}

Status WriteTransaction::commit() {
    if (!active_)
        return {ErrorKind::Internal, "commit without a transaction"};
    QSqlQuery query(db_.handle());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Status s = db_.failure(query.lastError(), QStringLiteral("saving the change"));
        rollback();
        return s;
    }
    active_ = false;
    return {};
}

void WriteTransaction::rollback() {
    if (!active_)
        return;
    active_ = false;
    QSqlQuery query(db_.handle());
    query.exec(QStringLiteral("ROLLBACK")); // fails only when SQLite rolled back already
}

} // namespace shuiheng::store
