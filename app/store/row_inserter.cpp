// The plain Qt SQL row inserter and reader, for engines without a faster path.

#include "store/dialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace shuiheng::store {
namespace {

class QtRowInserter final : public RowInserter {
public:
    QtRowInserter(const Dialect& dialect, QSqlQuery query)
        : dialect_(dialect)
        , query_(std::move(query)) {}

    void text(int column, std::string_view utf8) override {
        query_.bindValue(column, QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
    }
    void real(int column, double value) override { query_.bindValue(column, value); }
    void integer(int column, long long value) override {
        query_.bindValue(column, static_cast<qlonglong>(value));
    }
    void null(int column) override { query_.bindValue(column, QVariant(QMetaType::fromType<QString>())); }
    Status insert() override {
        if (!query_.exec())
            return dialect_.classify(query_.lastError(), query_.lastQuery());
        return {};
    }

private:
    const Dialect& dialect_;
    QSqlQuery query_;
};

class QtRowReader final : public RowReader {
public:
    QtRowReader(const Dialect& dialect, QSqlQuery query)
        : dialect_(dialect)
        , query_(std::move(query)) {}

    Result<bool> next() override {
        texts_.clear();
        if (query_.next())
            return true;
        if (query_.lastError().isValid())
            return dialect_.classify(query_.lastError(), query_.lastQuery());
        return false;
    }
    std::string_view text(int column) override {
        auto it = texts_.find(column);
        if (it == texts_.end())
            it = texts_.emplace(column, query_.value(column).toString().toStdString()).first;
        return it->second;
    }
    double real(int column) override { return query_.value(column).toDouble(); }
    long long integer(int column) override { return query_.value(column).toLongLong(); }
    bool isNull(int column) override { return query_.value(column).isNull(); }

private:
    const Dialect& dialect_;
    QSqlQuery query_;
    std::map<int, std::string> texts_;
};

} // namespace

Result<std::unique_ptr<RowReader>> Dialect::rowReader(QSqlDatabase& db, const QString& sql,
                                                      const std::vector<std::string>& args) const {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return classify(query.lastError(), sql);
    for (const std::string& arg : args)
        query.addBindValue(QString::fromStdString(arg));
    if (!query.exec())
        return classify(query.lastError(), sql);
    return std::unique_ptr<RowReader>(std::make_unique<QtRowReader>(*this, std::move(query)));
}

Result<std::unique_ptr<RowInserter>> Dialect::rowInserter(QSqlDatabase& db, const QString& sql) const {
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return classify(query.lastError(), sql);
    return std::unique_ptr<RowInserter>(std::make_unique<QtRowInserter>(*this, std::move(query)));
}

} // namespace shuiheng::store
