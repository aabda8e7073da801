#pragma once
// A read-only list of records (field name → value) for QML: the step list, campaigns, balance and
// indicator tables. Each field is a role of the same name; a missing field reads as undefined.

#include <QAbstractListModel>
#include <QByteArrayList>
#include <QList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class RecordListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RecordListModel is provided by ProjectSession")

    /// Number of records.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /// The model's roles are `fields`, in that order, from Qt::UserRole + 1.
    explicit RecordListModel(QByteArrayList fields, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(records_.size()); }

    /// Replaces every record, resetting the model.
    void reset(QList<QVariantMap> records);
    /// The record at `row` (an empty map outside the list): for QML and tests.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    QByteArrayList fields_;
    QList<QVariantMap> records_;
};
