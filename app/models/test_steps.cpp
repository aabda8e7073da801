#include "test_steps.h"

#include <QCoreApplication>

namespace {

/// The translation context of these texts.
class TestSteps {
    Q_DECLARE_TR_FUNCTIONS(TestSteps)
};

/// At most `max` items, then "…".
QString listOf(const QStringList& items, int max = 6) {
    QString text = items.mid(0, max).join(QStringLiteral(", "));
    if (items.size() > max)
        text += QStringLiteral(", …");
    return text;
}

QVariantMap step(const QString& key, const QString& state, const QString& summary,
                 const QString& blocker = {}) {
    return {{QStringLiteral("key"), key},
            {QStringLiteral("state"), state},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("blocker"), blocker}};
}

const QString done = QStringLiteral("done");
const QString open = QStringLiteral("open");
const QString attention = QStringLiteral("attention");
const QString blocked = QStringLiteral("blocked");
const QString working = QStringLiteral("working");

QVariantMap plantStep(const ProjectFacts& f) {
    const QString key = QStringLiteral("plant");
    if (!f.hasPlant)
        return step(key, open, TestSteps::tr("No plant yet."),
                    TestSteps::tr("Import a plant file or draw the plant."));
    const QString counts = TestSteps::tr("%1 nodes and %2 streams.").arg(f.nodeCount).arg(f.streamCount);
    if (!f.plantErrors.isEmpty())
        return step(key, attention, counts,
                    TestSteps::tr("The plant has %n error(s); fix them first. The first: %1", nullptr,
                                  int(f.plantErrors.size()))
                        .arg(f.plantErrors.first()));
    return step(key, done, counts + QLatin1Char(' ') + TestSteps::tr("The plant is valid."));
}

bool plantValid(const ProjectFacts& f) {
    return f.hasPlant && f.plantErrors.isEmpty();
}

QVariantMap metersStep(const ProjectFacts& f, const ProjectAnalysis* a) {
    const QString key = QStringLiteral("meters");
    if (!plantValid(f))
        return step(key, blocked, TestSteps::tr("%n meter(s).", nullptr, f.meterCount),
                    TestSteps::tr("The plant must be valid first."));
    if (!a)
        return step(key, working, TestSteps::tr("%n meter(s).", nullptr, f.meterCount),
                    TestSteps::tr("Checking which flows the meters determine…"));
    QString summary = TestSteps::tr("%n meter(s) in service.", nullptr, f.meterCount);
    if (f.expiredMeters > 0)
        summary +=
            QLatin1Char(' ') + TestSteps::tr("%n with an expired calibration.", nullptr, f.expiredMeters);
    if (!a->undetermined.isEmpty())
        return step(
            key, open, summary,
            TestSteps::tr("%n flow(s) cannot be determined from the meters: %1. Add a meter on one of them.",
                          nullptr, int(a->undetermined.size()))
                .arg(listOf(a->undetermined)));
    return step(key, f.expiredMeters > 0 ? attention : done,
                summary + QLatin1Char(' ') + TestSteps::tr("Every flow can be determined."),
                f.expiredMeters > 0 ? TestSteps::tr("Have the expired meters calibrated or replaced.")
                                    : QString());
}

bool windowPlanned(const ProjectFacts& f) {
    return f.hasCampaign && !f.windowStart.isEmpty() && !f.windowEnd.isEmpty() && f.roundTimes > 0;
}

QVariantMap windowStep(const ProjectFacts& f) {
    const QString key = QStringLiteral("window");
    if (!f.hasPlant)
        return step(key, blocked, TestSteps::tr("No test window yet."),
                    TestSteps::tr("A plant is needed first."));
    if (!f.hasCampaign)
        return step(key, open, TestSteps::tr("No test window yet."),
                    TestSteps::tr("Plan the test window: its days and reading times."));
    if (f.windowStart.isEmpty() || f.windowEnd.isEmpty())
        return step(key, open, TestSteps::tr("Campaign “%1”.").arg(f.campaignName),
                    TestSteps::tr("The test window has no start or no end yet."));
    if (f.roundTimes == 0)
        return step(key, open, TestSteps::tr("Campaign “%1”.").arg(f.campaignName),
                    TestSteps::tr("The test window has no reading times yet."));
    return step(
        key, done,
        TestSteps::tr("Campaign “%1”: %2 to %3, %n reading round(s) planned.", nullptr, f.plannedRounds)
            .arg(f.campaignName, f.windowStart, f.windowEnd));
}

QVariantMap readingsStep(const ProjectFacts& f) {
    const QString key = QStringLiteral("readings");
    const QString summary =
        TestSteps::tr("%n reading(s) in this campaign.", nullptr, f.readingCount) + QLatin1Char(' ') +
        TestSteps::tr("%1 of %2 planned rounds are past.").arg(f.pastRounds).arg(f.plannedRounds);
    if (!windowPlanned(f))
        return step(key, blocked, TestSteps::tr("%n reading(s) in this campaign.", nullptr, f.readingCount),
                    TestSteps::tr("Plan the test window first."));
    if (f.meterCount == 0)
        return step(key, blocked, summary, TestSteps::tr("Add the meters first."));
    if (!f.metersShort.isEmpty())
        return step(key, open, summary,
                    TestSteps::tr("%n meter(s) have too few readings for a flow: %1.", nullptr,
                                  int(f.metersShort.size()))
                        .arg(listOf(f.metersShort)));
    return step(key, done,
                summary + QLatin1Char(' ') + TestSteps::tr("Every meter has enough readings for a flow."));
}

QVariantMap balanceStep(const ProjectFacts& f, const ProjectAnalysis* a) {
    const QString key = QStringLiteral("balance");
    if (!plantValid(f))
        return step(key, blocked, TestSteps::tr("No balance yet."),
                    TestSteps::tr("The plant must be valid first."));
    if (!a)
        return step(key, working, TestSteps::tr("Computing the balance…"));
    if (!a->balanceRan)
        return step(key, attention, TestSteps::tr("No balance yet."), a->balanceFailure);
    const QString headline = a->verdict.value(0);
    if (!a->balanceCheckable)
        return step(key, open, headline,
                    TestSteps::tr("More meters or readings are needed before the balance can be checked."));
    if (a->balanceCloses)
        return step(key, done, headline);
    return step(key, attention, headline,
                a->verdict.size() > 1 ? TestSteps::tr("Check on site: %1").arg(a->verdict.at(1))
                                      : TestSteps::tr("Find the meter or leak that explains it."));
}

QVariantMap indicatorsStep(const ProjectFacts& f, const ProjectAnalysis* a) {
    const QString key = QStringLiteral("indicators");
    if (!plantValid(f))
        return step(key, blocked, TestSteps::tr("No indicators yet."),
                    TestSteps::tr("The plant must be valid first."));
    if (!a)
        return step(key, working, TestSteps::tr("Computing the indicators…"));
    if (!a->indicatorFailure.isEmpty())
        return step(key, attention, TestSteps::tr("No indicators yet."), a->indicatorFailure);
    const int total = static_cast<int>(a->indicatorRows.size());
    const QString summary =
        TestSteps::tr("%1 of %2 site indicators computed.").arg(a->indicatorsKnown).arg(total);
    if (a->indicatorsKnown < total)
        return step(
            key, open, summary,
            TestSteps::tr("%n indicator(s) cannot be computed yet: the table says what each one needs.",
                          nullptr, total - a->indicatorsKnown));
    return step(key, done, summary);
}

QVariantMap reportStep(const ProjectFacts& f, const ProjectAnalysis* a) {
    const QString key = QStringLiteral("report");
    if (!f.reportAvailable)
        return step(key, open, TestSteps::tr("The report page is not part of this version yet."),
                    TestSteps::tr("Export the plant or use shuiheng-cli for the figures meanwhile."));
    if (!plantValid(f) || !a || !a->balanceRan)
        return step(key, blocked, TestSteps::tr("No report yet."),
                    TestSteps::tr("The balance must run first."));
    return step(key, open, TestSteps::tr("Ready to write the report."));
}

} // namespace

QStringList stepKeys() {
    return {QStringLiteral("plant"),    QStringLiteral("meters"),  QStringLiteral("window"),
            QStringLiteral("readings"), QStringLiteral("balance"), QStringLiteral("indicators"),
            QStringLiteral("report")};
}

QList<QVariantMap> assessSteps(const ProjectFacts& facts, const ProjectAnalysis* analysis) {
    return {plantStep(facts),           metersStep(facts, analysis),  windowStep(facts),
            readingsStep(facts),        balanceStep(facts, analysis), indicatorsStep(facts, analysis),
            reportStep(facts, analysis)};
}
