#include "stream_list_model.h"

#include "model/plant_graph.h"
#include "qt_text.h"

#include <cmath>

namespace {
/// A number for QML, or undefined: QML never sees NaN or infinity.
QVariant finiteOrUndefined(bool present, double number) {
    return present && std::isfinite(number) ? QVariant(number) : QVariant();
}
} // namespace

StreamListModel::StreamListModel(QObject* parent)
    : QAbstractListModel(parent) {}

int StreamListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant StreamListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id;
    case FromRole:
        return row.from;
    case ToRole:
        return row.to;
    case TypeRole:
        return row.type;
    case MeasuredRole:
        return row.measured;
    case ValueRole:
        return finiteOrUndefined(row.measured, row.value);
    case SigmaRole:
        return finiteOrUndefined(row.measured, row.sigma);
    case FromNameRole:
        return row.fromName;
    case ToNameRole:
        return row.toName;
    default:
        return {};
    }
}

QHash<int, QByteArray> StreamListModel::roleNames() const {
    return {
        {IdRole, "id"},       {FromRole, "from"},         {ToRole, "to"},
        {TypeRole, "type"},   {MeasuredRole, "measured"}, {ValueRole, "value"},
        {SigmaRole, "sigma"}, {FromNameRole, "fromName"}, {ToNameRole, "toName"},
    };
}

void StreamListModel::reset(const shuiheng::PlantGraph* graph) {
    const int oldCount = count();
    beginResetModel();
    rows_.clear();
    if (graph) {
        const auto& streams = graph->plant().streams;
        rows_.reserve(static_cast<qsizetype>(streams.size()));
        const auto nodeName = [graph](const std::string& id) {
            const auto node = graph->findNode(id);
            return node ? toQString(graph->plant().nodes[*node].name) : QString();
        };
        for (shuiheng::StreamIndex i = 0; i < streams.size(); ++i) {
            const shuiheng::Stream& stream = streams[i];
            Row row;
            row.id = toQString(stream.id);
            row.from = toQString(stream.from);
            row.to = toQString(stream.to);
            row.fromName = nodeName(stream.from);
            row.toName = nodeName(stream.to);
            // typeOf needs both ends resolved; a broken stream shows what the file declared, if anything.
            if (graph->isConnected(i))
                row.type = toQString(shuiheng::toString(graph->typeOf(i)));
            else if (stream.declaredType)
                row.type = toQString(shuiheng::toString(*stream.declaredType));
            if (stream.measurement) {
                row.measured = true;
                row.value = stream.measurement->value;
                row.sigma = stream.measurement->sigma;
            }
            rows_.append(row);
        }
    }
    endResetModel();
    if (count() != oldCount)
        emit countChanged();
}
