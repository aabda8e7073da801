#include "record_list_model.h"

RecordListModel::RecordListModel(QByteArrayList fields, QObject* parent)
    : QAbstractListModel(parent)
    , fields_(std::move(fields)) {}

int RecordListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int field = role == Qt::DisplayRole ? 0 : role - (Qt::UserRole + 1);
    if (field < 0 || field >= fields_.size())
        return {};
    return records_.at(index.row()).value(QString::fromLatin1(fields_.at(field)));
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < fields_.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, fields_.at(i));
    return names;
}

void RecordListModel::reset(QList<QVariantMap> records) {
    const int oldCount = count();
    beginResetModel();
    records_ = std::move(records);
    endResetModel();
    if (count() != oldCount)
        emit countChanged();
}

QVariantMap RecordListModel::get(int row) const {
    return row >= 0 && row < records_.size() ? records_.at(row) : QVariantMap();
}
