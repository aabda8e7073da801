#include "project_analysis.h"

#include "balance/plant_balance.h"
#include "campaign/flows.h"
#include "indicators/plant_indicators.h"
#include "model/plant_graph.h"
#include "qt_text.h"
#include "report/core_messages.h"

#include <QCoreApplication>
#include <cmath>
#include <set>

namespace {

/// The translation context of these texts.
class ProjectAnalysisText {
    Q_DECLARE_TR_FUNCTIONS(ProjectAnalysisText)
};

QString number(double value) {
    return QString::number(value, 'g', 4);
}

QVariant optionalNumber(const std::optional<double>& value) {
    return value && std::isfinite(*value) ? QVariant(*value) : QVariant();
}

QString statusText(shuiheng::balance::FlowStatus status) {
    switch (status) {
    case shuiheng::balance::FlowStatus::Redundant:
        return QStringLiteral("redundant");
    case shuiheng::balance::FlowStatus::Nonredundant:
        return QStringLiteral("nonredundant");
    case shuiheng::balance::FlowStatus::Observable:
        return QStringLiteral("observable");
    case shuiheng::balance::FlowStatus::Unobservable:
        break;
    }
    return QStringLiteral("unobservable");
}

/// The plant whose streams carry their measurements from the readings, without campaign data.
shuiheng::Plant measuredPlant(const shuiheng::Plant& plant) {
    shuiheng::Plant measured = shuiheng::campaign::withDerivedMeasurements(plant);
    measured.meters.clear();
    measured.readings.clear();
    return measured;
}

/// The headline and one sentence per gross error, in the user's language. The same findings as
/// balance::verdictSentences, worded for the screen.
QStringList verdictOf(const shuiheng::Plant& plant, const shuiheng::balance::PlantBalance& balance) {
    const auto& global = balance.reconciliation.global;
    QStringList out;
    if (global.dof == 0) {
        out << ProjectAnalysisText::tr(
            "Nothing can be checked yet: no measurement is redundant, so the flows are taken as "
            "measured.");
        return out;
    }
    const QString test = ProjectAnalysisText::tr("(χ² %1 against %2 with %3 degrees of freedom)")
                             .arg(number(global.statistic), number(global.critical))
                             .arg(global.dof);
    if (global.passed) {
        out << ProjectAnalysisText::tr("The balance closes within the meters' accuracy %1.").arg(test);
        return out;
    }
    out << ProjectAnalysisText::tr("The balance does not close within the meters' accuracy %1.").arg(test);
    for (const auto& error : balance.grossErrors.found) {
        if (error.kind == shuiheng::balance::GrossError::Kind::MeterBias) {
            const shuiheng::Stream& stream = plant.streams[error.edge];
            const QString direction =
                error.estimate > 0 ? ProjectAnalysisText::tr("high") : ProjectAnalysisText::tr("low");
            out << ProjectAnalysisText::tr("The meter on stream %1 (%2 → %3) reads about %4 %5 too %6.")
                       .arg(toQString(stream.id), toQString(stream.from), toQString(stream.to),
                            number(std::abs(error.estimate)), toQString(plant.flowUnit), direction);
        } else {
            QStringList where;
            for (int node : error.nodes)
                where << toQString(plant.nodes[static_cast<std::size_t>(node)].id);
            out << ProjectAnalysisText::tr(
                       "About %1 %2 of water is lost unmetered at %3 (a leak or an unknown outlet).")
                       .arg(number(error.estimate), toQString(plant.flowUnit),
                            where.join(QStringLiteral(", ")));
        }
    }
    return out;
}

void analyseBalance(const shuiheng::Plant& plant, const shuiheng::Plant& measured, ProjectAnalysis& out) {
    const shuiheng::balance::PlantBalance balance = shuiheng::balance::balancePlant(measured);
    const auto& r = balance.reconciliation;
    if (!r.failure.empty()) {
        out.balanceFailure = balanceFailureSentence(r);
        return;
    }
    out.balanceRan = true;
    out.balanceCheckable = r.global.dof > 0;
    out.balanceCloses = r.global.passed;
    out.verdict = verdictOf(measured, balance);
    out.live = liveFindings(plant, measured, balance);

    const shuiheng::PlantGraph graph(measured);
    for (std::size_t i = 0; i < measured.streams.size(); ++i) {
        const shuiheng::Stream& stream = measured.streams[i];
        const auto& edge = r.edges[i];
        const bool suspect = edge.z && std::abs(*edge.z) > r.criticalZ;
        out.suspectCount += suspect ? 1 : 0;
        out.balanceRows.append({
            {QStringLiteral("id"), toQString(stream.id)},
            {QStringLiteral("fromTo"), toQString(stream.from + " → " + stream.to)},
            {QStringLiteral("type"), toQString(shuiheng::toString(graph.typeOf(i)))},
            {QStringLiteral("measured"),
             stream.measurement ? QVariant(stream.measurement->value) : QVariant()},
            {QStringLiteral("value"), optionalNumber(edge.value)},
            {QStringLiteral("sigma"), optionalNumber(edge.sigma)},
            {QStringLiteral("status"), statusText(edge.status)},
            {QStringLiteral("z"), optionalNumber(edge.z)},
            {QStringLiteral("suspect"), suspect},
        });
    }
}

/// Streams that stay undetermined when every metered stream is measured: where a meter is missing.
QStringList undeterminedWithMeters(const shuiheng::Plant& plant) {
    std::set<std::string> metered;
    for (const shuiheng::Meter& meter : plant.meters)
        metered.insert(meter.stream);
    shuiheng::Plant planned = plant;
    planned.meters.clear();
    planned.readings.clear();
    for (shuiheng::Stream& stream : planned.streams)
        if (!stream.measurement && metered.contains(stream.id))
            stream.measurement = shuiheng::Measurement{1.0, 1.0, {}};
    const auto result = shuiheng::balance::reconcile(shuiheng::balance::toFlowNetwork(planned));
    QStringList out;
    if (!result.failure.empty())
        return out;
    for (std::size_t i = 0; i < planned.streams.size(); ++i)
        if (result.edges[i].status == shuiheng::balance::FlowStatus::Unobservable)
            out << toQString(planned.streams[i].id);
    return out;
}

void analyseIndicators(const shuiheng::Plant& measured, ProjectAnalysis& out) {
    shuiheng::indicators::IndicatorOptions options;
    options.groups = false; // the step shows the site; groups and units are the report's
    options.units = false;
    const auto report = shuiheng::indicators::computeIndicators(measured, options);
    if (!report.failure.empty()) {
        out.indicatorFailure = toQString(shuiheng::report::sayMessage(report.failureMessage, report.failure,
                                                                      shuiheng::report::messageLanguage()));
        return;
    }
    out.indicatorReport = std::make_shared<const shuiheng::indicators::IndicatorReport>(report);
    const std::string language = shuiheng::report::messageLanguage(); // as the step texts' tr()
    for (const auto& indicator : report.indicators) {
        if (indicator.scope != shuiheng::indicators::siteScope)
            continue;
        out.indicatorsKnown += indicator.value ? 1 : 0;
        out.indicatorRows.append({
            {QStringLiteral("key"), toQString(indicator.key)},
            {QStringLiteral("value"), optionalNumber(indicator.value)},
            {QStringLiteral("sigma"), optionalNumber(indicator.sigma)},
            {QStringLiteral("unit"), toQString(indicator.unit)},
            {QStringLiteral("reason"),
             toQString(shuiheng::report::sayMessage(indicator.reasonMessage, indicator.reason, language))},
            {QStringLiteral("formula"), toQString(indicator.formula)},
        });
    }
}

} // namespace

ProjectAnalysis analyseProject(const shuiheng::Plant& plant) {
    ProjectAnalysis out;
    const shuiheng::Plant measured = measuredPlant(plant);
    analyseBalance(plant, measured, out);
    out.undetermined = undeterminedWithMeters(plant);
    analyseIndicators(measured, out);
    return out;
}
