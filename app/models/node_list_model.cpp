#include "node_list_model.h"

#include "model/plant_graph.h"
#include "qt_text.h"

NodeListModel::NodeListModel(QObject* parent)
    : QAbstractListModel(parent) {}

int NodeListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant NodeListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id;
    case NameRole:
        return row.name;
    case KindRole:
        return row.kind;
    case ParentIdRole:
        return row.parentId;
    case LevelRole:
        return row.level;
    case CategoryRole:
        return row.category;
    case OriginRole:
        return row.origin;
    default:
        return {};
    }
}

QHash<int, QByteArray> NodeListModel::roleNames() const {
    return {
        {IdRole, "id"},       {NameRole, "name"},         {KindRole, "kind"},     {ParentIdRole, "parentId"},
        {LevelRole, "level"}, {CategoryRole, "category"}, {OriginRole, "origin"},
    };
}

void NodeListModel::reset(const shuiheng::PlantGraph* graph) {
    const int oldCount = count();
    beginResetModel();
    rows_.clear();
    if (graph) {
        const auto& nodes = graph->plant().nodes;
        rows_.reserve(static_cast<qsizetype>(nodes.size()));
        for (shuiheng::NodeIndex i = 0; i < nodes.size(); ++i) {
            const shuiheng::Node& node = nodes[i];
            rows_.append({
                .id = toQString(node.id),
                .name = toQString(node.name),
                .kind = toQString(shuiheng::toString(node.kind)),
                .parentId = toQString(node.parent),
                .level = graph->level(i),
                .category = toQString(node.category),
                .origin = node.origin ? toQString(shuiheng::toString(*node.origin)) : QString(),
            });
        }
    }
    endResetModel();
    if (count() != oldCount)
        emit countChanged();
}
