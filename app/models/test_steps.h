#pragma once
// The guided test's seven steps (Plant → Meters → Test window → Reading rounds → Balance →
// Indicators & benchmark → Report), each assessed from the project: what is complete and what
// blocks the next step, in plain words.

#include "project_analysis.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

/// What ProjectSession knows about the project at once (the analysis comes later).
struct ProjectFacts {
    bool hasPlant = false;
    int nodeCount = 0;
    int streamCount = 0;
    QStringList plantErrors;

    int meterCount = 0;      ///< meters in service (not replaced)
    int expiredMeters = 0;   ///< of those, calibration expired
    QStringList metersShort; ///< meters in service with too few readings in the campaign for a flow

    bool hasCampaign = false;
    QString campaignName;
    QString windowStart; ///< ISO; empty: open
    QString windowEnd;
    int roundTimes = 0; ///< reading times a day
    int plannedRounds = 0;
    int pastRounds = 0;   ///< planned rounds before now
    int readingCount = 0; ///< readings in the campaign

    bool reportAvailable = false; ///< the report page is part of this build
};

/// The step keys, in order: plant, meters, window, readings, balance, indicators, report.
QStringList stepKeys();

/// One record per step: key, state (done, open, attention, blocked, working), summary, blocker.
/// `analysis` is nullptr while it is being computed.
QList<QVariantMap> assessSteps(const ProjectFacts& facts, const ProjectAnalysis* analysis);
