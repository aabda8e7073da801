#pragma once
// The plant editor's controller: opens the project file at `projectPath` through its own
// ProjectStore connection, shows the plant's water-balance diagram (DiagramModel) and turns the
// editor's gestures into edits. Every edit is committed to the file before `saved()` is emitted:
// the plant's versioned history gets the change, the journal gets the edit, so undo and redo
// survive a restart. A draft that does not validate is saved all the same; its problems show on
// the items they concern (DiagramModel's `problem` role) and in `problems`.
//
// Ids of new items: W1, U1, G1, D1, E1, L1 for sources, units, groups, discharge, consumption,
// loss; S1 for streams — the next number free in the plant.

#include "diagram_model.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

namespace shuiheng {
struct Plant;
namespace layout {
struct DiagramLayout;
}
namespace store {
class ProjectStore;
class Status;
template <typename T>
class Result;
struct Actor;
struct PlantEditState;
struct PlantEditOutcome;
} // namespace store
} // namespace shuiheng

class PlantEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The project file (.shuiheng) edited; a local path or a file: URL. Setting it opens the file.
    Q_PROPERTY(QString projectPath READ projectPath WRITE setProjectPath NOTIFY projectPathChanged)
    /// Whether a project is open.
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    /// The last failure in plain words (cannot open, an edit refused); empty after a success.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// Who edits and on which device, recorded with every change; empty: the system's user and host.
    Q_PROPERTY(QString who READ who WRITE setWho NOTIFY actorChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY actorChanged)
    /// The diagram's frames, streams and nodes.
    Q_PROPERTY(DiagramModel* diagram READ diagram CONSTANT)
    /// Undo and redo: whether possible and what they would do ("add node U3").
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY historyChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY historyChanged)
    /// Every validation problem of the plant, errors first, one line each.
    Q_PROPERTY(QStringList problems READ problems NOTIFY plantChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY plantChanged)
    /// The groups, as [{"id", "name"}], for choosing where a unit belongs.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY plantChanged)
    /// Ids of the selected nodes, streams and groups.
    Q_PROPERTY(QStringList selection READ selection WRITE setSelection NOTIFY selectionChanged)
    /// The one selected item's fields for the side sheet ({} when not exactly one is selected):
    /// type ("node", "group", "stream") and id, name, kind, category, origin, parent (nodes);
    /// from, to, recycle, measured, value, sigma (streams); problem (all).
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectedChanged)

public:
    explicit PlantEditor(QObject* parent = nullptr);
    ~PlantEditor() override;

    QString projectPath() const { return projectPath_; }
    void setProjectPath(const QString& path);
    bool ready() const;
    QString error() const { return error_; }
    QString who() const { return who_; }
    void setWho(const QString& who);
    QString device() const { return device_; }
    void setDevice(const QString& device);
    DiagramModel* diagram() const { return diagram_; }
    bool canUndo() const { return undoable_ > 0; }
    bool canRedo() const { return redoable_ > 0; }
    QString undoText() const { return undoText_; }
    QString redoText() const { return redoText_; }
    QStringList problems() const { return problems_; }
    int errorCount() const { return errorCount_; }
    QVariantList groups() const;
    QStringList selection() const { return selection_; }
    void setSelection(const QStringList& ids);
    QVariantMap selected() const;

    /// Adds a node of `kind` (source, unit, group, discharge, consumption, loss); `variant` is a unit's
    /// category or a source's origin. With x, y ≥ 0 the node is pinned there (the centre, diagram
    /// coordinates); a unit dropped inside a group's frame joins that group. Returns the new id, or
    /// "" (see `error`).
    Q_INVOKABLE QString addNode(const QString& kind, const QString& variant = {}, double x = -1,
                                double y = -1);
    /// A new stream from one node to another (the same node: a circulation loop). Returns its id or "".
    Q_INVOKABLE QString connectNodes(const QString& from, const QString& to);
    /// Pins a node with its centre at x, y.
    Q_INVOKABLE bool moveNode(const QString& id, double x, double y);
    /// Moves several nodes by the same offset (multi-select), pinning each.
    Q_INVOKABLE bool moveNodes(const QStringList& ids, double dx, double dy);
    /// Unpins every node: the automatic layout again.
    Q_INVOKABLE bool unpinAll();
    /// Changes a node's or group's field: name, id, category, origin, parent.
    Q_INVOKABLE bool setNodeField(const QString& id, const QString& field, const QVariant& value);
    /// Changes a stream's field: from, to, recycle (bool), measured (bool), value, sigma (numbers).
    Q_INVOKABLE bool setStreamField(const QString& id, const QString& field, const QVariant& value);
    /// Deletes nodes (with their streams; a group's members move to its parent) and streams. The
    /// history keeps everything deleted.
    Q_INVOKABLE bool deleteItems(const QStringList& ids);
    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();
    /// Reads the plant again (after another program changed it).
    Q_INVOKABLE void reload();

signals:
    void projectPathChanged();
    void readyChanged();
    void errorChanged();
    void actorChanged();
    void historyChanged();
    void plantChanged();
    void selectionChanged();
    void selectedChanged();
    /// An edit, undo or redo is committed to the project file.
    void saved();

private:
    using Change = std::function<shuiheng::store::Status(shuiheng::Plant&)>;
    using Commit = std::function<shuiheng::store::Result<shuiheng::store::PlantEditOutcome>(
        shuiheng::store::ProjectStore&, const shuiheng::store::Actor&)>;
    /// Runs one committing store call and shows its outcome (or its failure in `error`).
    bool commit(const Commit& write);
    bool edit(const Change& change, const QString& summary);
    bool step(bool backwards);
    void setError(const QString& error);
    void show(shuiheng::Plant plant);
    void setHistory(const shuiheng::store::PlantEditState& state);

    DiagramModel* diagram_;
    std::unique_ptr<shuiheng::store::ProjectStore> store_;
    std::unique_ptr<shuiheng::Plant> plant_;
    std::unique_ptr<shuiheng::layout::DiagramLayout> layout_; ///< the diagram shown, for moves
    QString projectPath_;
    QString error_;
    QString who_;
    QString device_;
    int undoable_ = 0;
    int redoable_ = 0;
    QString undoText_;
    QString redoText_;
    QStringList problems_;
    int errorCount_ = 0;
    QStringList selection_;
};
