// The plain Qt SQL row inserter, for engines without a faster path.

#include "store/dialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

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

} // namespace

Result<std::unique_ptr<RowInserter>> Dialect::rowInserter(QSqlDatabase& db, const QString& sql) const {
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return classify(query.lastError(), sql);
    return std::unique_ptr<RowInserter>(std::make_unique<QtRowInserter>(*this, std::move(query)));
}

} // namespace shuiheng::store
