#pragma once
// The water-balance diagram for QML: one row per group frame, stream and node of a DiagramLayout
// (in that order, so later rows draw on top), with the plant's validation problems on the item
// they concern and the editor's selection. Coordinates are the layout's points (1 pt = 1 px at
// zoom 1), origin top left.

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace shuiheng {
struct Plant;
namespace layout {
struct DiagramLayout;
}
} // namespace shuiheng

class DiagramModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DiagramModel is provided by PlantEditor")

    /// Size of the whole diagram.
    Q_PROPERTY(double diagramWidth READ diagramWidth NOTIFY sizeChanged)
    Q_PROPERTY(double diagramHeight READ diagramHeight NOTIFY sizeChanged)
    /// Number of rows.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        ItemIdRole = Qt::UserRole + 1,
        ItemTypeRole, ///< "group", "stream" or "node"
        NameRole,
        KindRole,     ///< node kind or stream type, file spelling
        CategoryRole, ///< units: cooling, boiler, ...; sources: their origin
        XRole,        ///< bounding box (streams: of their path)
        YRole,
        WidthRole,
        HeightRole,
        PathRole,   ///< streams: SVG path data in diagram coordinates
        ArrowRole,  ///< streams: SVG path data of the arrowhead at the path's end
        LabelRole,  ///< streams: "12.5 ± 0.25" when measured, the meters' ids when metered
        LabelXRole, ///< streams: middle of the path; groups: caption position
        LabelYRole,
        PinnedRole, ///< nodes: placed by the user
        LevelRole,  ///< groups: 2, 3, ...
        ParentRole, ///< nodes and groups: the enclosing group's id
        FromRole,   ///< streams
        ToRole,     ///< streams
        MeasuredRole,
        SelectedRole,
        ProblemRole,  ///< the item's validation problems (a stream's: its meters' too), one a line
        SeverityRole, ///< "error", "warning" or "" (the worst of its problems)
        OverlayRole,  ///< what a view adds to the item (e.g. the live balance's flow), a map; {} if none
    };
    Q_ENUM(Roles)

    explicit DiagramModel(QObject* parent = nullptr);
    ~DiagramModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    double diagramWidth() const { return width_; }
    double diagramHeight() const { return height_; }
    int count() const { return static_cast<int>(rows_.size()); }

    /// Shows `layout` of `plant`, whose validation problems go on the items they name. Rows whose ids
    /// and types stay the same are updated in place (delegates stay); otherwise the model is reset.
    void show(const shuiheng::Plant& plant, const shuiheng::layout::DiagramLayout& layout);
    /// Marks these ids selected (others not).
    void setSelection(const QSet<QString>& ids);
    /// Puts `overlay[id]` on each item (and {} on the others) without touching the layout: only the
    /// rows whose overlay changes are updated. Kept over show() for the ids that stay.
    void setOverlay(const QHash<QString, QVariantMap>& overlay);

    /// The row of an item, or -1.
    Q_INVOKABLE int rowOf(const QString& id) const;
    /// The id of the topmost node whose box holds the point, or "".
    Q_INVOKABLE QString nodeAt(double x, double y) const;
    /// The id of the innermost group frame holding the point, or "".
    Q_INVOKABLE QString groupAt(double x, double y) const;
    /// A role's value by item id (for tests and the side sheet).
    Q_INVOKABLE QVariant value(const QString& id, const QString& roleName) const;

signals:
    void sizeChanged();
    void countChanged();

private:
    struct Row {
        QString id;
        QString type;
        QString name;
        QString kind;
        QString category;
        double x = 0, y = 0, width = 0, height = 0;
        QString path;
        QString arrow;
        QString label;
        double labelX = 0, labelY = 0;
        bool pinned = false;
        int level = 0;
        QString parent;
        QString from;
        QString to;
        bool measured = false;
        bool selected = false;
        QString problem;
        QString severity;
    };
    QVariant field(const Row& row, int role) const;
    /// The id of the last row of `type` whose box holds the point, or "".
    QString lastAt(const QString& type, double x, double y) const;

    QList<Row> rows_;
    QSet<QString> selection_;
    QHash<QString, QVariantMap> overlay_;
    double width_ = 0;
    double height_ = 0;
};
