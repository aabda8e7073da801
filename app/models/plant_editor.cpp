#include "plant_editor.h"

#include "layout/diagram_layout.h"
#include "layout/pinned_position.h"
#include "model/plant_graph.h"
#include "qt_text.h"
#include "store/project_store.h"
#include "validation/validate_plant.h"

#include <QUrl>
#include <algorithm>
#include <cmath>
#include <set>

using namespace shuiheng;
using store::ErrorKind;
using store::Status;

namespace {

QString prefixOf(NodeKind kind) {
    switch (kind) {
    case NodeKind::Source:
        return QStringLiteral("W");
    case NodeKind::Group:
        return QStringLiteral("G");
    case NodeKind::Discharge:
        return QStringLiteral("D");
    case NodeKind::Consumption:
        return QStringLiteral("E");
    case NodeKind::Loss:
        return QStringLiteral("L");
    case NodeKind::Unit:
        break;
    }
    return QStringLiteral("U");
}

/// The first id "<prefix><n>" (n = 1, 2, ...) no node or stream of the plant has.
std::string freeId(const Plant& plant, const QString& prefix) {
    std::set<std::string> taken;
    for (const Node& n : plant.nodes)
        taken.insert(n.id);
    for (const Stream& s : plant.streams)
        taken.insert(s.id);
    for (int n = 1;; ++n) {
        const std::string id = prefix.toStdString() + std::to_string(n);
        if (!taken.contains(id))
            return id;
    }
}

Node* findNode(Plant& plant, const std::string& id) {
    const auto it =
        std::find_if(plant.nodes.begin(), plant.nodes.end(), [&](const Node& n) { return n.id == id; });
    return it == plant.nodes.end() ? nullptr : &*it;
}

Stream* findStream(Plant& plant, const std::string& id) {
    const auto it =
        std::find_if(plant.streams.begin(), plant.streams.end(), [&](const Stream& s) { return s.id == id; });
    return it == plant.streams.end() ? nullptr : &*it;
}

Status notFound(const std::string& what, const std::string& id) {
    return {ErrorKind::NotFound, "there is no " + what + " " + id};
}

/// Whether water may run from `from` to `to` at all (the contract's rules a sketch cannot fix later).
Status checkConnection(const Node& from, const Node& to) {
    if (from.kind == NodeKind::Group || to.kind == NodeKind::Group)
        return {ErrorKind::InvalidInput, "a stream cannot start or end at a group; connect a unit inside it"};
    if (isSink(from.kind))
        return {ErrorKind::InvalidInput,
                "water cannot flow out of " + from.id + ": it leaves the site there"};
    if (to.kind == NodeKind::Source)
        return {ErrorKind::InvalidInput, "water cannot flow into " + to.id + ": it is a source"};
    if (isBoundary(from.kind) && isBoundary(to.kind))
        return {ErrorKind::InvalidInput,
                "a stream must pass a unit; " + from.id + " and " + to.id + " are both on the site boundary"};
    return {};
}

std::optional<double> finiteNumber(const QVariant& value) {
    bool ok = false;
    const double v = value.toString().trimmed().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

PlantEditor::PlantEditor(QObject* parent)
    : QObject(parent)
    , diagram_(new DiagramModel(this))
    , plant_(std::make_unique<Plant>())
    , layout_(std::make_unique<layout::DiagramLayout>()) {}

PlantEditor::~PlantEditor() = default;

bool PlantEditor::ready() const {
    return store_ && store_->isOpen();
}

void PlantEditor::setProjectPath(const QString& path) {
    if (path == projectPath_)
        return;
    projectPath_ = path;
    emit projectPathChanged();
    const bool wasReady = ready();
    store_.reset();
    if (!path.isEmpty()) {
        const QUrl url(path);
        const QString local = url.isLocalFile() ? url.toLocalFile() : path;
        auto project = std::make_unique<store::ProjectStore>();
        if (const Status s = project->open(local.toStdString()); !s)
            setError(toQString(s.message()));
        else
            store_ = std::move(project);
    }
    if (wasReady != ready())
        emit readyChanged();
    reload();
}

void PlantEditor::setWho(const QString& who) {
    if (who == who_)
        return;
    who_ = who;
    emit actorChanged();
}

void PlantEditor::setDevice(const QString& device) {
    if (device == device_)
        return;
    device_ = device;
    emit actorChanged();
}

void PlantEditor::setError(const QString& error) {
    if (error == error_)
        return;
    error_ = error;
    emit errorChanged();
}

void PlantEditor::reload() {
    if (!ready()) {
        show(Plant{});
        return;
    }
    auto plant = store_->plantStructure();
    auto state = store_->plantEditState();
    if (!plant || !state) {
        setError(toQString((plant ? state.status() : plant.status()).message()));
        return;
    }
    setHistory(*state);
    show(std::move(*plant));
}

void PlantEditor::setHistory(const store::PlantEditState& state) {
    undoable_ = state.undoable;
    redoable_ = state.redoable;
    undoText_ = toQString(state.undoSummary);
    redoText_ = toQString(state.redoSummary);
    emit historyChanged();
}

void PlantEditor::show(Plant plant) {
    *plant_ = std::move(plant);
    *layout_ = layout::layoutPlant(*plant_);
    diagram_->show(*plant_, *layout_);

    Diagnostics diagnostics = validatePlant(*plant_);
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.severity < b.severity; });
    problems_.clear();
    errorCount_ = 0;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Note)
            continue;
        problems_ << toQString(d.toString());
        errorCount_ += d.severity == Severity::Error;
    }
    // What was selected and is gone (deleted, undone) is selected no more.
    QStringList kept;
    for (const QString& id : selection_)
        if (diagram_->rowOf(id) >= 0)
            kept << id;
    if (kept != selection_) {
        selection_ = kept;
        diagram_->setSelection({kept.begin(), kept.end()});
        emit selectionChanged();
    }
    emit plantChanged();
    emit selectedChanged();
}

bool PlantEditor::commit(const Commit& write) {
    if (!ready()) {
        setError(tr("No project is open."));
        return false;
    }
    const store::Actor actor = store::Actor{who_.toStdString(), device_.toStdString()}.completed();
    auto outcome = write(*store_, actor);
    if (!outcome) {
        setError(toQString(outcome.status().message()));
        return false;
    }
    setError({});
    setHistory(outcome->state);
    const bool changed = outcome->changed;
    show(std::move(outcome->plant));
    if (changed)
        emit saved();
    return true;
}

bool PlantEditor::edit(const Change& change, const QString& summary) {
    return commit([&](store::ProjectStore& project, const store::Actor& actor) {
        return project.editPlant(change, summary.toStdString(), actor);
    });
}

bool PlantEditor::step(bool backwards) {
    bool changed = false;
    const bool ok = commit([&](store::ProjectStore& project, const store::Actor& actor) {
        auto outcome = backwards ? project.undoPlantEdit(actor) : project.redoPlantEdit(actor);
        changed = outcome && outcome->changed;
        return outcome;
    });
    return ok && changed;
}

bool PlantEditor::undo() {
    return step(true);
}

bool PlantEditor::redo() {
    return step(false);
}

QString PlantEditor::addNode(const QString& kindText, const QString& variant, double x, double y) {
    const auto kind = parseNodeKind(kindText.toStdString());
    if (!kind) {
        setError(tr("Unknown kind of node: %1").arg(kindText));
        return {};
    }
    const bool placed = x >= 0 && y >= 0 && std::isfinite(x) && std::isfinite(y);
    const std::string group = placed && (*kind == NodeKind::Unit || *kind == NodeKind::Group)
                                  ? diagram_->groupAt(x, y).toStdString()
                                  : std::string();
    std::string id;
    const bool ok = edit(
        [&](Plant& plant) -> Status {
            Node node;
            id = freeId(plant, prefixOf(*kind));
            node.id = id;
            node.kind = *kind;
            if (*kind == NodeKind::Unit)
                node.category = variant.toStdString();
            if (*kind == NodeKind::Source && !variant.isEmpty()) {
                node.origin = parseSourceOrigin(variant.toStdString());
                if (!node.origin)
                    return {ErrorKind::InvalidInput, "unknown origin of water: " + variant.toStdString()};
            }
            node.parent = group;
            if (placed)
                layout::setPinnedPosition(node, layout::Point{x, y});
            plant.nodes.push_back(std::move(node));
            return {};
        },
        tr("add %1", "undo summary: a node of that kind added").arg(kindText));
    return ok ? toQString(id) : QString();
}

QString PlantEditor::connectNodes(const QString& fromId, const QString& toId) {
    std::string id;
    const bool ok = edit(
        [&](Plant& plant) -> Status {
            const Node* from = findNode(plant, fromId.toStdString());
            const Node* to = findNode(plant, toId.toStdString());
            if (!from || !to)
                return notFound("node", (from ? toId : fromId).toStdString());
            if (Status s = checkConnection(*from, *to); !s)
                return s;
            Stream stream;
            id = freeId(plant, QStringLiteral("S"));
            stream.id = id;
            stream.from = from->id;
            stream.to = to->id;
            plant.streams.push_back(std::move(stream));
            return {};
        },
        tr("connect %1 to %2").arg(fromId, toId));
    return ok ? toQString(id) : QString();
}

bool PlantEditor::moveNode(const QString& id, double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) {
        setError(tr("Cannot move %1 off the diagram").arg(id));
        return false;
    }
    return edit(
        [&](Plant& plant) -> Status {
            Node* node = findNode(plant, id.toStdString());
            if (!node)
                return notFound("node", id.toStdString());
            layout::setPinnedPosition(*node, layout::Point{x, y});
            return {};
        },
        tr("move %1").arg(id));
}

bool PlantEditor::moveNodes(const QStringList& ids, double dx, double dy) {
    if (!std::isfinite(dx) || !std::isfinite(dy))
        return false;
    return edit(
        [&](Plant& plant) -> Status {
            for (const QString& id : ids) {
                Node* node = findNode(plant, id.toStdString());
                const layout::NodeBox* box = layout_->node(id.toStdString());
                if (!node || !box)
                    continue; // a stream or group in the selection does not move
                const layout::Point centre = box->box.center();
                layout::setPinnedPosition(*node, layout::Point{centre.x + dx, centre.y + dy});
            }
            return {};
        },
        ids.size() == 1 ? tr("move %1").arg(ids.front()) : tr("move %1 nodes").arg(ids.size()));
}

bool PlantEditor::unpinAll() {
    return edit(
        [](Plant& plant) -> Status {
            for (Node& node : plant.nodes)
                layout::setPinnedPosition(node, std::nullopt);
            return {};
        },
        tr("automatic layout"));
}

bool PlantEditor::setNodeField(const QString& id, const QString& field, const QVariant& value) {
    const std::string text = value.toString().trimmed().toStdString();
    return edit(
        [&](Plant& plant) -> Status {
            Node* node = findNode(plant, id.toStdString());
            if (!node)
                return notFound("node", id.toStdString());
            if (field == QLatin1String("name")) {
                node->name = value.toString().toStdString();
            } else if (field == QLatin1String("category")) {
                node->category = text;
            } else if (field == QLatin1String("origin")) {
                if (text.empty()) {
                    node->origin.reset();
                } else if (const auto origin = parseSourceOrigin(text)) {
                    node->origin = origin;
                } else {
                    return {ErrorKind::InvalidInput, "unknown origin of water: " + text};
                }
            } else if (field == QLatin1String("parent")) {
                if (text == node->id)
                    return {ErrorKind::InvalidInput, node->id + " cannot be inside itself"};
                node->parent = text;
            } else if (field == QLatin1String("id")) {
                if (text.empty())
                    return {ErrorKind::InvalidInput, "an id cannot be empty"};
                const std::string old = node->id;
                if (text == old)
                    return {};
                if (findNode(plant, text) || findStream(plant, text))
                    return {ErrorKind::InvalidInput, "the id " + text + " is taken"};
                node->id = text;
                for (Node& other : plant.nodes)
                    if (other.parent == old)
                        other.parent = text;
                for (Stream& s : plant.streams) {
                    if (s.from == old)
                        s.from = text;
                    if (s.to == old)
                        s.to = text;
                }
            } else {
                return {ErrorKind::InvalidInput, "a node has no field " + field.toStdString()};
            }
            return {};
        },
        tr("change %1 of %2", "undo summary: field, id").arg(field, id));
}

bool PlantEditor::setStreamField(const QString& id, const QString& field, const QVariant& value) {
    return edit(
        [&](Plant& plant) -> Status {
            Stream* stream = findStream(plant, id.toStdString());
            if (!stream)
                return notFound("stream", id.toStdString());
            const std::string text = value.toString().trimmed().toStdString();
            if (field == QLatin1String("from") || field == QLatin1String("to")) {
                const bool isFrom = field == QLatin1String("from");
                const Node* from = findNode(plant, isFrom ? text : stream->from);
                const Node* to = findNode(plant, isFrom ? stream->to : text);
                if (!from || !to)
                    return notFound("node", text);
                if (Status s = checkConnection(*from, *to); !s)
                    return s;
                (isFrom ? stream->from : stream->to) = text;
            } else if (field == QLatin1String("recycle")) {
                if (value.toBool())
                    stream->declaredType = StreamType::Recycle;
                else
                    stream->declaredType.reset();
            } else if (field == QLatin1String("measured")) {
                if (!value.toBool())
                    stream->measurement.reset();
                else if (!stream->measurement)
                    stream->measurement = Measurement{};
            } else if (field == QLatin1String("value") || field == QLatin1String("sigma")) {
                const auto number = finiteNumber(value);
                if (!number)
                    return {ErrorKind::InvalidInput, field.toStdString() + " of " + stream->id +
                                                         " must be a number, got '" + text + "'"};
                if (!stream->measurement)
                    stream->measurement = Measurement{};
                (field == QLatin1String("value") ? stream->measurement->value : stream->measurement->sigma) =
                    *number;
            } else {
                return {ErrorKind::InvalidInput, "a stream has no field " + field.toStdString()};
            }
            return {};
        },
        tr("change %1 of %2", "undo summary: field, id").arg(field, id));
}

bool PlantEditor::deleteItems(const QStringList& ids) {
    if (ids.isEmpty())
        return false;
    return edit(
        [&](Plant& plant) -> Status {
            std::set<std::string> gone;
            for (const QString& id : ids)
                gone.insert(id.toStdString());
            // A deleted group's members move up to the group's own parent.
            for (const Node& node : plant.nodes)
                if (node.kind == NodeKind::Group && gone.contains(node.id))
                    for (Node& member : plant.nodes)
                        if (member.parent == node.id)
                            member.parent = node.parent;
            std::erase_if(plant.streams, [&](const Stream& s) {
                return gone.contains(s.id) || gone.contains(s.from) || gone.contains(s.to);
            });
            std::erase_if(plant.nodes, [&](const Node& n) { return gone.contains(n.id); });
            return {};
        },
        ids.size() == 1 ? tr("delete %1").arg(ids.front()) : tr("delete %1 items").arg(ids.size()));
}

QVariantList PlantEditor::groups() const {
    QVariantList out;
    for (const Node& n : plant_->nodes)
        if (n.kind == NodeKind::Group)
            out << QVariantMap{{QStringLiteral("id"), toQString(n.id)},
                               {QStringLiteral("name"), toQString(n.name.empty() ? n.id : n.name)}};
    return out;
}

void PlantEditor::setSelection(const QStringList& ids) {
    if (ids == selection_)
        return;
    selection_ = ids;
    diagram_->setSelection({ids.begin(), ids.end()});
    emit selectionChanged();
    emit selectedChanged();
}

QVariantMap PlantEditor::selected() const {
    if (selection_.size() != 1)
        return {};
    const std::string id = selection_.front().toStdString();
    QVariantMap out;
    out[QStringLiteral("problem")] = diagram_->value(selection_.front(), QStringLiteral("problem"));
    if (const Node* n = findNode(*plant_, id)) {
        out[QStringLiteral("type")] =
            n->kind == NodeKind::Group ? QStringLiteral("group") : QStringLiteral("node");
        out[QStringLiteral("id")] = toQString(n->id);
        out[QStringLiteral("name")] = toQString(n->name);
        out[QStringLiteral("kind")] = toQString(toString(n->kind));
        out[QStringLiteral("category")] = toQString(n->category);
        out[QStringLiteral("origin")] = n->origin ? toQString(toString(*n->origin)) : QString();
        out[QStringLiteral("parent")] = toQString(n->parent);
        return out;
    }
    if (const Stream* s = findStream(*plant_, id)) {
        out[QStringLiteral("type")] = QStringLiteral("stream");
        out[QStringLiteral("id")] = toQString(s->id);
        out[QStringLiteral("from")] = toQString(s->from);
        out[QStringLiteral("to")] = toQString(s->to);
        out[QStringLiteral("recycle")] = s->declaredType == StreamType::Recycle || s->from == s->to;
        out[QStringLiteral("measured")] = s->measurement.has_value();
        out[QStringLiteral("value")] = s->measurement ? s->measurement->value : 0.0;
        out[QStringLiteral("sigma")] = s->measurement ? s->measurement->sigma : 0.0;
        return out;
    }
    return {};
}
