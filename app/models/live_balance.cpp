#include "live_balance.h"

#include "layout/diagram_layout.h"
#include "layout/label_placement.h"
#include "layout/pinned_position.h"
#include "model/plant.h"
#include "project_session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <set>

namespace {

/// What the layout depends on, as one string: nodes (id, name, kind, group, category, origin,
/// pinned place) and streams (ends, declared type, measured or metered). Readings and measured
/// values do not move anything.
std::string structureKey(const shuiheng::Plant& plant) {
    std::string key;
    const auto add = [&key](std::string_view part) {
        key += part;
        key += '\x1f';
    };
    for (const shuiheng::Node& n : plant.nodes) {
        add(n.id);
        add(n.name);
        add(shuiheng::toString(n.kind));
        add(n.parent);
        add(n.category);
        add(n.origin ? shuiheng::toString(*n.origin) : "");
        const auto pinned = n.extra.find(shuiheng::layout::pinnedPositionField);
        add(pinned != n.extra.end() ? pinned->second : "");
        key += '\x1e';
    }
    std::set<std::string> metered;
    for (const shuiheng::Meter& m : plant.meters)
        metered.insert(m.stream);
    for (const shuiheng::Stream& s : plant.streams) {
        add(s.id);
        add(s.from);
        add(s.to);
        add(s.declaredType ? shuiheng::toString(*s.declaredType) : "");
        add(s.measurement || metered.contains(s.id) ? "m" : "");
        key += '\x1e';
    }
    return key;
}

/// "12.43 ± 0.21": σ to two significant digits, the value to the same decimal place.
QString flowText(double value, double sigma) {
    if (!(sigma > 0))
        return QString::number(value, 'g', 4);
    const int decimals = std::clamp(1 - int(std::floor(std::log10(sigma))), 0, 4);
    return QStringLiteral("%1 ± %2").arg(value, 0, 'f', decimals).arg(sigma, 0, 'f', decimals);
}

/// The flow labels' chips as BalanceItem.qml draws them: text of 13 px, 6 px padding each side, the
/// view drawing the chip at exactly this size. The width is core/layout's estimate (0.6 em a
/// character): wide enough for bold digits of common sans fonts, since the spaces and the decimal
/// point are narrow (checked against the drawn text in tst_live_pages.qml).
constexpr double chipFontPx = 13;
constexpr double chipHeight = 20;

double chipWidth(const QString& text) {
    return std::ceil(shuiheng::layout::estimatedTextWidth(text.toStdString(), chipFontPx) + 12);
}

constexpr double thinnest = 1.5;  ///< px at zoom 1: an unobservable or zero flow
constexpr double thickest = 14.0; ///< the largest flow of the plant

struct Ready {
    std::shared_ptr<const shuiheng::layout::DiagramLayout> layout;
    std::shared_ptr<const shuiheng::Plant> plant;
};

} // namespace

LiveBalance::LiveBalance(QObject* parent)
    : SessionFollower(parent)
    , diagram_(new DiagramModel(this))
    , findings_(new RecordListModel({"kind", "stream", "meters", "nodes", "estimate", "share", "text"}, this))
    , todo_(new RecordListModel({"task", "stream", "meter", "reason"}, this)) {}

LiveBalance::~LiveBalance() = default;

void LiveBalance::setLayingOut(bool on) {
    if (layingOut_ == on)
        return;
    layingOut_ = on;
    emit layingOutChanged();
}

void LiveBalance::refresh() {
    const shuiheng::Plant* plant = session() ? session()->plant()->plant() : nullptr;
    const std::string key = plant ? structureKey(*plant) : std::string();
    if (key == layoutKey_ && !layingOut_) {
        applyFlows();
        return;
    }
    if (layingOut_ && key == pendingKey_)
        return; // the layout on its way is the right one; the flows follow it
    if (key.empty()) {
        ++layoutGeneration_;
        setLayingOut(false);
        layoutKey_.clear();
        layout_.reset();
        diagram_->show(shuiheng::Plant(), shuiheng::layout::DiagramLayout());
        applyFlows();
        return;
    }
    // The structure changed: lay out again, away from the interface thread (a 300-stream plant
    // takes 50–200 ms in dot).
    const int generation = ++layoutGeneration_;
    pendingKey_ = key;
    auto copy = std::make_shared<const shuiheng::Plant>(*plant);
    auto* watcher = new QFutureWatcher<Ready>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, key] {
        watcher->deleteLater();
        if (generation != layoutGeneration_)
            return; // a newer structure is being laid out
        const Ready ready = watcher->result();
        diagram_->show(*ready.plant, *ready.layout);
        layout_ = ready.layout;
        layoutKey_ = key;
        ++layoutCount_;
        setLayingOut(false);
        applyFlows();
    });
    watcher->setFuture(QtConcurrent::run([copy] {
        return Ready{
            std::make_shared<const shuiheng::layout::DiagramLayout>(shuiheng::layout::layoutPlant(*copy)),
            copy};
    }));
    setLayingOut(true);
}

QHash<QString, QVariantMap> LiveBalance::overlayFor(const ProjectAnalysis& analysis) {
    QHash<QString, QVariantMap> out;
    double largest = 0;
    for (const QVariantMap& row : analysis.balanceRows)
        if (row.value(QStringLiteral("value")).isValid())
            largest = std::max(largest, std::abs(row.value(QStringLiteral("value")).toDouble()));
    QHash<QString, QString> findingOf; // stream or node id → the sentence about it
    for (const QVariantMap& f : analysis.live.findings) {
        const QString text = f.value(QStringLiteral("text")).toString();
        if (const QString stream = f.value(QStringLiteral("stream")).toString(); !stream.isEmpty())
            findingOf.insert(stream, text);
        for (const QString& node :
             f.value(QStringLiteral("nodes")).toString().split(QStringLiteral(", "), Qt::SkipEmptyParts))
            findingOf.insert(node, text);
    }
    for (const QVariantMap& row : analysis.balanceRows) {
        const QString id = row.value(QStringLiteral("id")).toString();
        const QVariant value = row.value(QStringLiteral("value"));
        const QVariant sigma = row.value(QStringLiteral("sigma"));
        const QString status = row.value(QStringLiteral("status")).toString();
        const bool known = value.isValid() && !value.isNull();
        const double flow = known ? value.toDouble() : 0;
        const double width =
            known && largest > 0 ? thinnest + (thickest - thinnest) * std::abs(flow) / largest : thinnest;
        const bool suspect =
            row.value(QStringLiteral("suspect")).toBool() || analysis.live.biasedStreams.contains(id);
        out.insert(id,
                   {{QStringLiteral("value"), value},
                    {QStringLiteral("sigma"), sigma},
                    {QStringLiteral("text"), known ? flowText(flow, sigma.toDouble()) : QStringLiteral("?")},
                    {QStringLiteral("width"), width},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("dashed"), status == QLatin1String("unobservable")},
                    {QStringLiteral("suspect"), suspect},
                    {QStringLiteral("finding"), findingOf.value(id)}});
    }
    for (const QString& node : analysis.live.leakNodes)
        out.insert(node,
                   {{QStringLiteral("leak"), true}, {QStringLiteral("finding"), findingOf.value(node)}});
    return out;
}

void LiveBalance::applyFlows() {
    const ProjectAnalysis* analysis = session() ? session()->analysis() : nullptr;
    // While a new analysis is computed the last flows stay on the diagram (no flicker per reading).
    if (!analysis && session() && session()->analysing())
        return;
    flows_ = analysis ? overlayFor(*analysis) : QHash<QString, QVariantMap>();
    showFlows();
    if (analysis) {
        verdict_ = analysis->balanceRan ? analysis->live.verdict : analysis->balanceFailure;
        state_ = !analysis->balanceRan         ? QStringLiteral("none")
                 : !analysis->balanceCheckable ? QStringLiteral("unchecked")
                 : analysis->balanceCloses     ? QStringLiteral("closes")
                                               : QStringLiteral("fails");
        findings_->reset(analysis->live.findings);
        todo_->reset(analysis->live.todo);
    } else {
        verdict_.clear();
        state_ = QStringLiteral("none");
        findings_->reset({});
        todo_->reset({});
    }
    ++updateCount_;
    emit updated();
}

void LiveBalance::showFlows() {
    QHash<QString, QVariantMap> overlay = flows_;
    hiddenLabels_ =
        layout_ && !overlay.isEmpty() ? placeFlowLabels(*layout_, overlay, labelScale_) : QStringList();
    diagram_->setOverlay(overlay);
    emit hiddenLabelsChanged();
}

void LiveBalance::setLabelScale(double scale) {
    scale = std::clamp(scale, 0.2, 1.0);
    if (std::abs(scale - labelScale_) < 1e-9)
        return;
    labelScale_ = scale;
    showFlows(); // only the rows whose label moves (or shows) are updated
}

QStringList LiveBalance::placeFlowLabels(const shuiheng::layout::DiagramLayout& layout,
                                         QHash<QString, QVariantMap>& overlay, double scale) {
    std::vector<shuiheng::layout::LabelRequest> requests;
    requests.reserve(layout.streams.size());
    for (const shuiheng::layout::StreamPath& stream : layout.streams) {
        const QString id = QString::fromStdString(stream.id);
        const auto it = overlay.find(id);
        if (it == overlay.end())
            continue;
        const bool suspect = it->value(QStringLiteral("suspect")).toBool();
        // As the chip reads: "⚠ S12  122.9 ± 2.1".
        const QString text = (suspect ? QStringLiteral("⚠ ") : QString()) + id + QStringLiteral("  ") +
                             it->value(QStringLiteral("text")).toString();
        const QVariant value = it->value(QStringLiteral("value"));
        // The suspect meters first, then the biggest flows, then the flows not known.
        const double rank =
            (suspect ? 1e300 : 0) + (value.isValid() && !value.isNull() ? std::abs(value.toDouble()) : -1);
        requests.push_back({stream.id, chipWidth(text) * scale, chipHeight * scale, rank, suspect});
    }
    const std::vector<shuiheng::layout::PlacedLabel> placed = shuiheng::layout::placeLabels(layout, requests);
    std::vector<std::pair<double, QString>> hidden;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const shuiheng::layout::PlacedLabel& p = placed[i];
        QVariantMap& flow = overlay[QString::fromStdString(p.stream)];
        flow.insert(QStringLiteral("labelShown"), p.shown);
        flow.insert(QStringLiteral("labelWidth"), requests[i].width);
        flow.insert(QStringLiteral("labelHeight"), requests[i].height);
        if (p.shown) {
            flow.insert(QStringLiteral("labelX"), p.box.center().x);
            flow.insert(QStringLiteral("labelY"), p.box.center().y);
        } else {
            hidden.emplace_back(requests[i].rank, QString::fromStdString(p.stream));
        }
    }
    std::stable_sort(hidden.begin(), hidden.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList out;
    for (const auto& h : hidden)
        out << h.second;
    return out;
}

QVariantMap LiveBalance::overlayOf(const QString& id) const {
    return diagram_->value(id, QStringLiteral("overlay")).toMap();
}
