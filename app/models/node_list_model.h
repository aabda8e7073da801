#pragma once
// The plant's nodes as a flat list for QML, in file order.

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace shuiheng {
class PlantGraph;
}

class NodeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NodeListModel is provided by PlantDocument")

    /// Number of nodes listed.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        KindRole,     ///< file spelling: source, unit, group, discharge, consumption, loss
        ParentIdRole, ///< id of the enclosing group; empty at site level
        LevelRole,    ///< 2 directly under the site, one more per enclosing group; 0 in a parent cycle
        CategoryRole, ///< units only; may be empty
        OriginRole,   ///< sources only, file spelling; empty when not given
    };
    Q_ENUM(Roles)

    explicit NodeListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(rows_.size()); }

    /// Replaces the rows with the graph's nodes (nullptr: empty), resetting the model.
    void reset(const shuiheng::PlantGraph* graph);

signals:
    void countChanged();

private:
    struct Row {
        QString id;
        QString name;
        QString kind;
        QString parentId;
        int level = 0;
        QString category;
        QString origin;
    };
    QList<Row> rows_;
};
