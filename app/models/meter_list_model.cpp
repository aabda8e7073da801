#include "meter_list_model.h"

#include "model/plant.h"
#include "qt_text.h"

#include <algorithm>
#include <map>

namespace {

constexpr int dueSoonDays = 30;

} // namespace

MeterListModel::MeterListModel(QObject* parent)
    : QAbstractListModel(parent) {}

int MeterListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant MeterListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = all_.at(shown_.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id;
    case StreamRole:
        return row.stream;
    case StreamTextRole:
        return row.streamText;
    case KindRole:
        return row.kind;
    case UnitRole:
        return row.unit;
    case MpeRole:
        return row.mpe;
    case SerialRole:
        return row.serial;
    case QrTextRole:
        return row.qrText;
    case CalibrationDueRole:
        return row.calibrationDue;
    case CalibrationStatusRole:
        return row.calibrationStatus;
    case ReplacedRole:
        return row.replaced;
    case LevelRole:
        return row.level;
    case ReadingCountRole:
        return row.readingCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> MeterListModel::roleNames() const {
    return {
        {IdRole, "id"},
        {StreamRole, "stream"},
        {StreamTextRole, "streamText"},
        {KindRole, "kind"},
        {UnitRole, "unit"},
        {MpeRole, "mpe"},
        {SerialRole, "serial"},
        {QrTextRole, "qrText"},
        {CalibrationDueRole, "calibrationDue"},
        {CalibrationStatusRole, "calibrationStatus"},
        {ReplacedRole, "replaced"},
        {LevelRole, "level"},
        {ReadingCountRole, "readingCount"},
    };
}

int MeterListModel::expiredCount() const {
    return static_cast<int>(std::count_if(all_.cbegin(), all_.cend(), [](const Row& row) {
        return row.calibrationStatus == QLatin1String("expired");
    }));
}

QString MeterListModel::calibrationStatus(const QString& due, bool replaced, QDate today) {
    if (replaced)
        return QStringLiteral("replaced");
    // The plant file's dates are ISO; a full time is cut to its date.
    const QDate date = QDate::fromString(due.left(10), Qt::ISODate);
    if (!date.isValid())
        return QStringLiteral("unknown");
    if (date < today)
        return QStringLiteral("expired");
    if (today.daysTo(date) <= dueSoonDays)
        return QStringLiteral("due-soon");
    return QStringLiteral("valid");
}

void MeterListModel::reset(const shuiheng::Plant* plant, QDate today) {
    const int oldCount = count();
    const int oldTotal = total();
    beginResetModel();
    all_.clear();
    if (plant) {
        std::map<std::string, QString> nodeNames;
        for (const shuiheng::Node& node : plant->nodes)
            nodeNames[node.id] = toQString(node.name.empty() ? node.id : node.name);
        std::map<std::string, QString> streamTexts;
        for (const shuiheng::Stream& stream : plant->streams)
            streamTexts[stream.id] = nodeNames[stream.from] + QStringLiteral(" → ") + nodeNames[stream.to];
        std::map<std::string, int> readingCounts;
        for (const shuiheng::Reading& reading : plant->readings)
            ++readingCounts[reading.meter];

        all_.reserve(static_cast<qsizetype>(plant->meters.size()));
        for (const shuiheng::Meter& meter : plant->meters) {
            Row row;
            row.id = toQString(meter.id);
            row.stream = toQString(meter.stream);
            if (const auto it = streamTexts.find(meter.stream); it != streamTexts.end())
                row.streamText = it->second;
            row.kind = toQString(shuiheng::toString(meter.kind));
            row.unit = toQString(meter.unit);
            row.mpe = meter.mpe;
            row.serial = toQString(meter.serial);
            row.qrText = toQString(meter.qrText);
            row.calibrationDue = toQString(meter.calibrationDue);
            row.replaced = !meter.removed.empty();
            row.calibrationStatus = calibrationStatus(row.calibrationDue, row.replaced, today);
            row.level = meter.level.value_or(0);
            row.readingCount = readingCounts[meter.id];
            all_.append(row);
        }
    }
    collectShown();
    endResetModel();
    if (count() != oldCount || total() != oldTotal)
        emit countChanged();
}

bool MeterListModel::matches(const Row& row) const {
    const QString needle = search_.trimmed();
    return needle.isEmpty() || row.id.contains(needle, Qt::CaseInsensitive) ||
           row.qrText.contains(needle, Qt::CaseInsensitive) ||
           row.serial.contains(needle, Qt::CaseInsensitive);
}

void MeterListModel::collectShown() {
    shown_.clear();
    for (int i = 0; i < all_.size(); ++i)
        if (matches(all_.at(i)))
            shown_.append(i);
}

void MeterListModel::refilter() {
    const int oldCount = count();
    beginResetModel();
    collectShown();
    endResetModel();
    if (count() != oldCount)
        emit countChanged();
}

void MeterListModel::setSearch(const QString& search) {
    if (search == search_)
        return;
    search_ = search;
    refilter();
    emit searchChanged();
}
