#include "diagram_model.h"

#include "layout/diagram_layout.h"
#include "qt_text.h"
#include "validation/validate_plant.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

using namespace shuiheng;

namespace {

QString svgPath(const std::vector<layout::Point>& path) {
    if (path.empty())
        return {};
    QString d = QStringLiteral("M %1 %2").arg(path[0].x, 0, 'f', 1).arg(path[0].y, 0, 'f', 1);
    for (std::size_t i = 1; i + 2 < path.size(); i += 3)
        d += QStringLiteral(" C %1 %2 %3 %4 %5 %6")
                 .arg(path[i].x, 0, 'f', 1)
                 .arg(path[i].y, 0, 'f', 1)
                 .arg(path[i + 1].x, 0, 'f', 1)
                 .arg(path[i + 1].y, 0, 'f', 1)
                 .arg(path[i + 2].x, 0, 'f', 1)
                 .arg(path[i + 2].y, 0, 'f', 1);
    return d;
}

/// A filled triangle at the path's end, pointing the way the path arrives.
QString svgArrow(const std::vector<layout::Point>& path) {
    if (path.size() < 2)
        return {};
    const layout::Point tip = path.back();
    layout::Point back = path[path.size() - 2];
    for (std::size_t i = path.size() - 2; i > 0 && back.x == tip.x && back.y == tip.y; --i)
        back = path[i - 1];
    const double length = std::max(std::hypot(tip.x - back.x, tip.y - back.y), 1e-9);
    const double ux = (tip.x - back.x) / length, uy = (tip.y - back.y) / length;
    constexpr double size = 9;
    return QStringLiteral("M %1 %2 L %3 %4 L %5 %6 Z")
        .arg(tip.x, 0, 'f', 1)
        .arg(tip.y, 0, 'f', 1)
        .arg(tip.x - ux * size - uy * size / 2, 0, 'f', 1)
        .arg(tip.y - uy * size + ux * size / 2, 0, 'f', 1)
        .arg(tip.x - ux * size + uy * size / 2, 0, 'f', 1)
        .arg(tip.y - uy * size - ux * size / 2, 0, 'f', 1);
}

/// Validation problems by the id they concern: the text, and whether any is an error.
struct Problems {
    QString text;
    bool error = false;
};

std::map<std::string, Problems> problemsById(const Plant& plant) {
    std::map<std::string, Problems> out;
    std::map<std::string, std::string> meterStream;
    for (const Meter& m : plant.meters)
        meterStream.emplace(m.id, m.stream);
    for (const Diagnostic& d : validatePlant(plant)) {
        // Subjects read "node U3", "stream S4" or "meter M2" (shown on its stream); readings and the
        // plant have no item here.
        const std::string_view subject = d.subject;
        std::string id;
        for (const std::string_view prefix : {"node ", "stream "})
            if (subject.starts_with(prefix))
                id = subject.substr(prefix.size());
        if (subject.starts_with("meter "))
            if (const auto it = meterStream.find(std::string(subject.substr(6))); it != meterStream.end())
                id = it->second;
        if (d.severity == Severity::Note || id.empty())
            continue;
        Problems& p = out[id];
        if (!p.text.isEmpty())
            p.text += QLatin1Char('\n');
        const std::string where = subject.starts_with("meter ") ? std::string(subject) + " " : std::string();
        p.text += toQString(where + (d.field.empty() ? d.message : d.field + ": " + d.message));
        p.error = p.error || d.severity == Severity::Error;
    }
    return out;
}

QString number(double v) {
    return QString::number(v, 'g', 4);
}

} // namespace

DiagramModel::DiagramModel(QObject* parent)
    : QAbstractListModel(parent) {}

DiagramModel::~DiagramModel() = default;

int DiagramModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> DiagramModel::roleNames() const {
    return {{ItemIdRole, "itemId"},   {ItemTypeRole, "itemType"},  {NameRole, "name"},
            {KindRole, "kind"},       {CategoryRole, "category"},  {XRole, "itemX"},
            {YRole, "itemY"},         {WidthRole, "itemWidth"},    {HeightRole, "itemHeight"},
            {PathRole, "path"},       {ArrowRole, "arrow"},        {LabelRole, "label"},
            {LabelXRole, "labelX"},   {LabelYRole, "labelY"},      {PinnedRole, "pinned"},
            {LevelRole, "level"},     {ParentRole, "parentGroup"}, {FromRole, "fromNode"},
            {ToRole, "toNode"},       {MeasuredRole, "measured"},  {SelectedRole, "selected"},
            {ProblemRole, "problem"}, {SeverityRole, "severity"},  {OverlayRole, "overlay"}};
}

QVariant DiagramModel::field(const Row& r, int role) const {
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case ItemIdRole:
        return r.id;
    case ItemTypeRole:
        return r.type;
    case KindRole:
        return r.kind;
    case CategoryRole:
        return r.category;
    case XRole:
        return r.x;
    case YRole:
        return r.y;
    case WidthRole:
        return r.width;
    case HeightRole:
        return r.height;
    case PathRole:
        return r.path;
    case ArrowRole:
        return r.arrow;
    case LabelRole:
        return r.label;
    case LabelXRole:
        return r.labelX;
    case LabelYRole:
        return r.labelY;
    case PinnedRole:
        return r.pinned;
    case LevelRole:
        return r.level;
    case ParentRole:
        return r.parent;
    case FromRole:
        return r.from;
    case ToRole:
        return r.to;
    case MeasuredRole:
        return r.measured;
    case SelectedRole:
        return r.selected;
    case ProblemRole:
        return r.problem;
    case SeverityRole:
        return r.severity;
    case OverlayRole:
        return overlay_.value(r.id);
    default:
        return {};
    }
}

QVariant DiagramModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return field(rows_[index.row()], role);
}

void DiagramModel::show(const Plant& plant, const layout::DiagramLayout& diagram) {
    const auto problems = problemsById(plant);
    const auto attach = [&](Row& row, const std::string& id) {
        if (const auto it = problems.find(id); it != problems.end()) {
            row.problem = it->second.text;
            row.severity = it->second.error ? QStringLiteral("error") : QStringLiteral("warning");
        }
        row.selected = selection_.contains(row.id);
    };
    QList<Row> rows;
    for (const layout::GroupFrame& g : diagram.groups) {
        Row r;
        r.id = toQString(g.id);
        r.type = QStringLiteral("group");
        r.name = toQString(g.name);
        r.kind = QStringLiteral("group");
        r.x = g.box.x;
        r.y = g.box.y;
        r.width = g.box.width;
        r.height = g.box.height;
        r.labelX = g.labelPosition.x;
        r.labelY = g.labelPosition.y;
        r.level = g.level;
        r.parent = toQString(g.parent);
        attach(r, g.id);
        rows.push_back(r);
    }
    std::map<std::string, const Stream*> streams;
    for (const Stream& s : plant.streams)
        streams.emplace(s.id, &s);
    std::map<std::string, QString> meters; // stream → its meters' ids
    for (const Meter& m : plant.meters) {
        QString& ids = meters[m.stream];
        ids += (ids.isEmpty() ? QString() : QStringLiteral(", ")) + toQString(m.id);
    }
    for (const layout::StreamPath& s : diagram.streams) {
        Row r;
        r.id = toQString(s.id);
        r.type = QStringLiteral("stream");
        r.name = r.id;
        r.kind = toQString(toString(s.type));
        double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
        for (const layout::Point& p : s.path) {
            left = std::min(left, p.x);
            top = std::min(top, p.y);
            right = std::max(right, p.x);
            bottom = std::max(bottom, p.y);
        }
        r.x = left;
        r.y = top;
        r.width = right - left;
        r.height = bottom - top;
        r.path = svgPath(s.path);
        r.arrow = svgArrow(s.path);
        r.labelX = s.labelPosition.x;
        r.labelY = s.labelPosition.y;
        r.from = toQString(s.from);
        r.to = toQString(s.to);
        r.measured = s.measured;
        if (const Stream* stream = streams[s.id]; stream && stream->measurement)
            r.label = number(stream->measurement->value) + QStringLiteral(" ± ") +
                      number(stream->measurement->sigma);
        else if (const auto m = meters.find(s.id); m != meters.end())
            r.label = m->second; // metered: the meter's id says where the flow comes from
        attach(r, s.id);
        rows.push_back(r);
    }
    for (const layout::NodeBox& n : diagram.nodes) {
        Row r;
        r.id = toQString(n.id);
        r.type = QStringLiteral("node");
        r.name = toQString(n.name);
        r.kind = toQString(toString(n.kind));
        r.category = n.origin ? toQString(toString(*n.origin)) : toQString(n.category);
        r.x = n.box.x;
        r.y = n.box.y;
        r.width = n.box.width;
        r.height = n.box.height;
        r.pinned = n.pinned;
        r.parent = toQString(n.group);
        attach(r, n.id);
        rows.push_back(r);
    }

    const bool sameRows = rows.size() == rows_.size() &&
                          std::equal(rows.begin(), rows.end(), rows_.begin(), [](const Row& a, const Row& b) {
                              return a.id == b.id && a.type == b.type;
                          });
    const int oldCount = count();
    if (sameRows) {
        rows_ = rows;
        if (!rows_.isEmpty())
            emit dataChanged(index(0), index(count() - 1));
    } else {
        beginResetModel();
        rows_ = rows;
        endResetModel();
    }
    if (width_ != diagram.width || height_ != diagram.height) {
        width_ = diagram.width;
        height_ = diagram.height;
        emit sizeChanged();
    }
    if (oldCount != count())
        emit countChanged();
}

void DiagramModel::setSelection(const QSet<QString>& ids) {
    selection_ = ids;
    for (int i = 0; i < count(); ++i) {
        const bool selected = ids.contains(rows_[i].id);
        if (rows_[i].selected != selected) {
            rows_[i].selected = selected;
            emit dataChanged(index(i), index(i), {SelectedRole});
        }
    }
}

void DiagramModel::setOverlay(const QHash<QString, QVariantMap>& overlay) {
    const QHash<QString, QVariantMap> before = std::exchange(overlay_, overlay);
    for (int i = 0; i < count(); ++i)
        if (before.value(rows_[i].id) != overlay_.value(rows_[i].id))
            emit dataChanged(index(i), index(i), {OverlayRole});
}

int DiagramModel::rowOf(const QString& id) const {
    for (int i = 0; i < count(); ++i)
        if (rows_[i].id == id)
            return i;
    return -1;
}

QString DiagramModel::lastAt(const QString& type, double x, double y) const {
    for (int i = count() - 1; i >= 0; --i) {
        const Row& r = rows_[i];
        if (r.type == type && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height)
            return r.id;
    }
    return {};
}

QString DiagramModel::nodeAt(double x, double y) const {
    return lastAt(QStringLiteral("node"), x, y); // the topmost
}

QString DiagramModel::groupAt(double x, double y) const {
    return lastAt(QStringLiteral("group"), x, y); // frames come outer first: the innermost
}

QVariant DiagramModel::value(const QString& id, const QString& roleName) const {
    const int row = rowOf(id);
    if (row < 0)
        return {};
    const QByteArray name = roleName.toUtf8();
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        if (it.value() == name)
            return field(rows_[row], it.key());
    return {};
}
