#include "reading_history.h"

#include "campaign/flows.h"
#include "indicators/plant_indicators.h"
#include "meter_route.h"
#include "project_session.h"
#include "qt_text.h"
#include "store/project_store.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace store = shuiheng::store;

ReadingHistory::ReadingHistory(QObject* parent)
    : QObject(parent)
    , rows_(new RecordListModel({"type", "meter", "time", "value", "readingId", "version", "at", "who",
                                 "device", "why", "field", "oldValue", "newValue"},
                                this)) {}

void ReadingHistory::setSession(ProjectSession* session) {
    if (session == session_)
        return;
    session_ = session;
    emit sessionChanged();
}

bool ReadingHistory::fail(const QString& message) {
    rows_->reset({});
    readingCount_ = changeCount_ = 0;
    message_ = message;
    emit loaded();
    return false;
}

bool ReadingHistory::load(const QString& kind, const QString& id) {
    kind_ = kind;
    subject_ = id.trimmed();
    title_.clear();
    store::ProjectStore* project = session_ ? session_->store() : nullptr;
    if (!project)
        return fail(tr("Open a project first."));
    if (subject_.isEmpty())
        return fail(tr("Say which flow, indicator or meter to show."));
    auto exported = project->exportPlant(session_->campaignId());
    if (!exported)
        return fail(toQString(exported.status().message()));
    const shuiheng::Plant& plant = *exported;
    // The stored readings in the order exportPlant gives them (same filter), so that an index into
    // plant.readings — what core's samples name — is an index here too.
    store::ReadingFilter filter;
    filter.campaign = session_->campaignId();
    auto listed = project->readings(filter);
    if (!listed)
        return fail(toQString(listed.status().message()));
    std::set<std::string> meterIds;
    for (const shuiheng::Meter& m : plant.meters)
        meterIds.insert(m.id);
    std::vector<store::StoredReading> stored;
    for (store::StoredReading& r : *listed)
        if (meterIds.contains(r.reading.meter))
            stored.push_back(std::move(r));

    std::set<std::size_t> behind; // indices into stored
    const std::string key = subject_.toStdString();
    auto readingsOfStreams = [&](const std::set<std::string>& streams) {
        const shuiheng::campaign::FlowDerivation derivation = shuiheng::campaign::deriveFlows(plant);
        for (const shuiheng::campaign::DerivedFlow& flow : derivation.flows)
            if (streams.contains(flow.stream))
                for (const shuiheng::campaign::FlowSample& sample : flow.samples) {
                    behind.insert(sample.firstReading);
                    behind.insert(sample.lastReading);
                }
    };
    if (kind == QLatin1String("meter")) {
        const auto meter = std::find_if(plant.meters.cbegin(), plant.meters.cend(),
                                        [&](const shuiheng::Meter& m) { return m.id == key; });
        if (meter == plant.meters.cend())
            return fail(tr("There is no meter %1.").arg(subject_));
        title_ = tr("Meter %1 · %2").arg(subject_, meterLocation(plant, *meter));
        for (std::size_t i = 0; i < stored.size(); ++i)
            if (stored[i].reading.meter == key)
                behind.insert(i);
    } else if (kind == QLatin1String("stream")) {
        const auto stream = std::find_if(plant.streams.cbegin(), plant.streams.cend(),
                                         [&](const shuiheng::Stream& s) { return s.id == key; });
        if (stream == plant.streams.cend())
            return fail(tr("There is no flow %1.").arg(subject_));
        shuiheng::Meter probe;
        probe.stream = key;
        title_ = tr("Flow %1").arg(meterLocation(plant, probe));
        if (stream->measurement)
            return fail(tr("Flow %1 has a fixed measurement in the plant, not readings.").arg(subject_));
        readingsOfStreams({key});
        if (behind.empty())
            return fail(
                tr("No reading of this campaign went into flow %1 (it has no meter, or too few readings).")
                    .arg(subject_));
    } else if (kind == QLatin1String("indicator")) {
        const qsizetype at = subject_.indexOf(QLatin1Char('@'));
        const std::string indicatorKey = (at < 0 ? subject_ : subject_.left(at)).toStdString();
        const std::string scope =
            at < 0 ? std::string(shuiheng::indicators::siteScope) : subject_.mid(at + 1).toStdString();
        const shuiheng::indicators::IndicatorReport report =
            shuiheng::indicators::computeIndicators(shuiheng::campaign::withDerivedMeasurements(plant));
        const shuiheng::indicators::Indicator* indicator = report.find(indicatorKey, scope);
        if (!indicator)
            return fail(tr("There is no indicator %1.").arg(subject_));
        title_ = tr("Indicator %1 (%2) = %3")
                     .arg(toQString(indicatorKey), toQString(scope), toQString(indicator->formula));
        readingsOfStreams({indicator->streams.cbegin(), indicator->streams.cend()});
        if (behind.empty())
            return fail(tr("No reading of this campaign went into indicator %1.").arg(subject_));
    } else {
        return fail(tr("Unknown kind \"%1\": say stream, indicator or meter.").arg(kind));
    }

    std::vector<std::size_t> order(behind.cbegin(), behind.cend());
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(stored[a].reading.meter, stored[a].timeUtc) <
               std::tie(stored[b].reading.meter, stored[b].timeUtc);
    });
    QList<QVariantMap> rows;
    int changes = 0;
    for (std::size_t i : order) {
        if (i >= stored.size())
            continue;
        const store::StoredReading& r = stored[i];
        const QString meter = toQString(r.reading.meter);
        const QString time = toQString(r.reading.time);
        rows.append({{QStringLiteral("type"), QStringLiteral("reading")},
                     {QStringLiteral("meter"), meter},
                     {QStringLiteral("time"), time},
                     {QStringLiteral("value"), r.reading.value},
                     {QStringLiteral("readingId"), toQString(r.id)},
                     {QStringLiteral("version"), r.version}});
        // The store's history of a reading: its versions' changes and the warnings recorded with them.
        auto history = project->history("reading", r.id);
        if (!history)
            continue;
        for (const store::HistoryEntry& h : *history) {
            if (h.what == "created")
                continue;
            const bool warning = h.what == "warning";
            changes += warning ? 0 : 1;
            rows.append(
                {{QStringLiteral("type"), warning ? QStringLiteral("warning") : QStringLiteral("change")},
                 {QStringLiteral("meter"), meter},
                 {QStringLiteral("time"), time},
                 {QStringLiteral("readingId"), toQString(r.id)},
                 {QStringLiteral("version"), h.version},
                 {QStringLiteral("at"), toQString(h.at)},
                 {QStringLiteral("who"), toQString(h.who)},
                 {QStringLiteral("device"), toQString(h.device)},
                 {QStringLiteral("why"), toQString(h.reason)},
                 {QStringLiteral("field"), toQString(h.what == "deleted" ? h.what : h.field)},
                 {QStringLiteral("oldValue"), toQString(h.oldValue.value_or(""))},
                 {QStringLiteral("newValue"), toQString(h.newValue.value_or(""))}});
        }
    }
    rows_->reset(rows);
    readingCount_ = int(order.size());
    changeCount_ = changes;
    message_ = rows.isEmpty() ? tr("No reading of this campaign is behind %1.").arg(subject_) : QString();
    emit loaded();
    return !rows.isEmpty();
}
