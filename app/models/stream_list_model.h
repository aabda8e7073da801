#pragma once
// The plant's streams as a flat list for QML, in file order.

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace shuiheng {
class PlantGraph;
}

class StreamListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StreamListModel is provided by PlantDocument")

    /// Number of streams listed.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        FromRole,     ///< id of the node the water comes from
        ToRole,       ///< id of the node it goes to
        TypeRole,     ///< intake, cascade, recycle, discharge, consumption, leakage; empty when unknown
        MeasuredRole, ///< whether the stream has a measurement
        ValueRole,    ///< measured flow in the plant's flow unit; undefined when unmeasured
        SigmaRole,    ///< its standard uncertainty, same unit; undefined when unmeasured
        FromNameRole, ///< name of the `from` node; empty when that node is unknown
        ToNameRole,   ///< name of the `to` node; empty when that node is unknown
    };
    Q_ENUM(Roles)

    explicit StreamListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(rows_.size()); }

    /// Replaces the rows with the graph's streams (nullptr: empty), resetting the model.
    void reset(const shuiheng::PlantGraph* graph);

signals:
    void countChanged();

private:
    struct Row {
        QString id;
        QString from;
        QString to;
        QString fromName;
        QString toName;
        QString type;
        bool measured = false;
        double value = 0;
        double sigma = 0;
    };
    QList<Row> rows_;
};
