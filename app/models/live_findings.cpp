#include "live_findings.h"

#include "balance/plant_balance.h"
#include "qt_text.h"
#include "report/core_messages.h"

#include <QCoreApplication>
#include <QStringList>
#include <cmath>
#include <map>

namespace {

using shuiheng::balance::GrossError;

/// The translation context of these texts.
class LiveFindingsText {
    Q_DECLARE_TR_FUNCTIONS(LiveFindingsText)
};

QString number(double value) {
    return QString::number(value, 'g', 3);
}

/// Stream id → ids of its meters in service (a replaced meter no longer reads it).
std::map<std::string, QString> metersByStream(const shuiheng::Plant& plant) {
    std::map<std::string, QString> out;
    for (const shuiheng::Meter& meter : plant.meters)
        if (meter.removed.empty()) {
            QString& ids = out[meter.stream];
            ids += (ids.isEmpty() ? QString() : QStringLiteral(", ")) + toQString(meter.id);
        }
    return out;
}

/// "meter M7", or "the measurement of stream S4" when no meter reads it.
QString measurementName(const std::map<std::string, QString>& meters, const std::string& stream) {
    const auto it = meters.find(stream);
    return it != meters.end() ? LiveFindingsText::tr("meter %1").arg(it->second)
                              : LiveFindingsText::tr("the measurement of stream %1").arg(toQString(stream));
}

/// A sentence starting with a capital (the Chinese texts are unaffected).
QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QVariantMap meterFinding(const shuiheng::Plant& measured, const std::map<std::string, QString>& meters,
                         const GrossError& error) {
    const shuiheng::Stream& stream = measured.streams[error.edge];
    const double read = stream.measurement ? stream.measurement->value : 0;
    // The bias relative to the meter's true flow: what it reads over what it should read.
    const double truth = read - error.estimate;
    const bool high = error.estimate > 0;
    const QString who = measurementName(meters, stream.id);
    QString text;
    if (truth > 0) {
        const double share = 100 * std::abs(error.estimate) / truth;
        text = high ? LiveFindingsText::tr("%1 reads about %2 % high").arg(who).arg(std::round(share))
                    : LiveFindingsText::tr("%1 reads about %2 % low").arg(who).arg(std::round(share));
    } else {
        text = high ? LiveFindingsText::tr("%1 reads about %2 %3 too high")
                          .arg(who, number(std::abs(error.estimate)), toQString(measured.flowUnit))
                    : LiveFindingsText::tr("%1 reads about %2 %3 too low")
                          .arg(who, number(std::abs(error.estimate)), toQString(measured.flowUnit));
    }
    QStringList equivalent;
    for (std::size_t k : error.equivalentEdges)
        equivalent << measurementName(meters, measured.streams[k].id);
    if (!equivalent.isEmpty())
        text += LiveFindingsText::tr(" (or, equally, %1: the balances cannot tell them apart)")
                    .arg(equivalent.join(QStringLiteral(", ")));
    const auto m = meters.find(stream.id);
    return {{QStringLiteral("kind"), QStringLiteral("meter")},
            {QStringLiteral("stream"), toQString(stream.id)},
            {QStringLiteral("meters"), m != meters.end() ? m->second : QString()},
            {QStringLiteral("nodes"), QString()},
            {QStringLiteral("estimate"), error.estimate},
            {QStringLiteral("share"), truth > 0 ? QVariant(100 * error.estimate / truth) : QVariant()},
            {QStringLiteral("text"), capitalised(text)}};
}

QVariantMap leakFinding(const shuiheng::Plant& measured, const GrossError& error) {
    QStringList where;
    for (int node : error.nodes)
        where << toQString(measured.nodes[static_cast<std::size_t>(node)].id);
    const QString nodes = where.join(QStringLiteral(", "));
    return {{QStringLiteral("kind"), QStringLiteral("leak")},
            {QStringLiteral("stream"), QString()},
            {QStringLiteral("meters"), QString()},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("estimate"), error.estimate},
            {QStringLiteral("share"), QVariant()},
            {QStringLiteral("text"),
             LiveFindingsText::tr("About %1 %2 is lost unmetered at %3 (a leak or an unknown outlet)")
                 .arg(number(error.estimate), toQString(measured.flowUnit), nodes)}};
}

QString verdictOf(const shuiheng::balance::PlantBalance& balance, const QList<QVariantMap>& findings) {
    const auto& global = balance.reconciliation.global;
    if (global.dof == 0)
        return LiveFindingsText::tr("Nothing can be checked yet: no measurement is redundant.");
    if (global.passed)
        return LiveFindingsText::tr("The balance closes within the meters' accuracy.");
    if (findings.isEmpty())
        return LiveFindingsText::tr(
            "The balance does not close and no single meter or leak explains it: check the readings and "
            "the plant.");
    const QString first = findings.first().value(QStringLiteral("text")).toString();
    if (findings.size() == 1)
        return LiveFindingsText::tr("%1.", "one finding as the whole verdict").arg(first);
    return LiveFindingsText::tr("%1; %n more finding(s) below.", "", int(findings.size() - 1)).arg(first);
}

QList<QVariantMap> todoOf(const shuiheng::Plant& measured, const shuiheng::balance::PlantBalance& balance,
                          const std::map<std::string, QString>& meters, const QList<QVariantMap>& findings) {
    QList<QVariantMap> out;
    const auto row = [&](const QString& action, const QString& stream, const QString& reason) {
        const auto m = meters.find(stream.toStdString());
        out.append({{QStringLiteral("task"), action},
                    {QStringLiteral("stream"), stream},
                    {QStringLiteral("meter"), m != meters.end() ? m->second : QString()},
                    {QStringLiteral("reason"), reason}});
    };
    // What the balance rejects comes first: check it on site before anything else.
    for (const QVariantMap& f : findings) {
        if (f.value(QStringLiteral("kind")) == QLatin1String("meter"))
            row(QStringLiteral("check"), f.value(QStringLiteral("stream")).toString(),
                f.value(QStringLiteral("text")).toString());
        else
            out.append({{QStringLiteral("task"), QStringLiteral("leak")},
                        {QStringLiteral("stream"), QString()},
                        {QStringLiteral("meter"), QString()},
                        {QStringLiteral("reason"), f.value(QStringLiteral("text")).toString()}});
    }
    const auto& advice = balance.advice;
    const QString unit = toQString(measured.flowUnit);
    for (const auto& a : advice.ranked) {
        const QString stream = toQString(measured.streams[a.edge].id);
        QString reason;
        if (a.resolves > 0)
            reason = LiveFindingsText::tr("determines %n flow(s) that cannot be known now", "", a.resolves);
        else if (advice.targetSigma && a.targetSigmaAfter && *a.targetSigmaAfter < 0.98 * *advice.targetSigma)
            reason = LiveFindingsText::tr("site intake ± %1 → ± %2 %3")
                         .arg(number(*advice.targetSigma), number(*a.targetSigmaAfter), unit);
        else
            continue; // it would buy less than 2 % of the intake's σ: not worth a walk
        if (a.varianceReduction <= 0 && a.resolves == 0)
            continue;
        row(a.action == shuiheng::balance::MeterAdvice::Action::Reread ? QStringLiteral("reread")
                                                                       : QStringLiteral("add"),
            stream, reason);
    }
    return out;
}

} // namespace

QString balanceFailureSentence(const shuiheng::balance::ReconciliationResult& r) {
    return LiveFindingsText::tr("The balance could not be computed: %1")
        .arg(toQString(
            shuiheng::report::sayMessage(r.failureMessage, r.failure, shuiheng::report::messageLanguage())));
}

LiveFindings liveFindings(const shuiheng::Plant& plant, const shuiheng::Plant& measured,
                          const shuiheng::balance::PlantBalance& balance) {
    LiveFindings out;
    const auto meters = metersByStream(plant);
    if (!balance.reconciliation.failure.empty()) {
        out.verdict = balanceFailureSentence(balance.reconciliation);
        return out;
    }
    if (!balance.reconciliation.global.passed)
        for (const GrossError& error : balance.grossErrors.found) {
            if (error.kind == GrossError::Kind::MeterBias) {
                out.findings.append(meterFinding(measured, meters, error));
                out.biasedStreams.insert(toQString(measured.streams[error.edge].id));
            } else {
                out.findings.append(leakFinding(measured, error));
                for (int node : error.nodes)
                    out.leakNodes.insert(toQString(measured.nodes[static_cast<std::size_t>(node)].id));
            }
        }
    out.verdict = verdictOf(balance, out.findings);
    out.todo = todoOf(measured, balance, meters, out.findings);
    return out;
}
