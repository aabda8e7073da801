#pragma once
// What the guided test needs to know about a project's plant beyond its structure: does the balance
// run and close, which flows the meters cannot determine, which indicators can be computed. Made by
// core (balance, campaign, indicators); slow for a large plant, so ProjectSession runs it on a worker
// thread. The texts are translated when it is made.

#include "live_findings.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <memory>

namespace shuiheng {
struct Plant;
namespace indicators {
struct IndicatorReport;
}
} // namespace shuiheng

struct ProjectAnalysis {
    // The balance of the current campaign (readings → flows → reconciliation).
    bool balanceRan = false;       ///< reconciled; otherwise balanceFailure says why
    QString balanceFailure;        ///< in plain words
    bool balanceCheckable = false; ///< some measurement is redundant (the χ² test has dof > 0)
    bool balanceCloses = false;    ///< the χ² test passes (or nothing is checkable)
    QStringList verdict;           ///< one sentence for the whole balance, then one per gross error
    QList<QVariantMap>
        balanceRows; ///< per stream: id, fromTo, type, measured, value, sigma, status, z, suspect
    int suspectCount = 0;
    LiveFindings live; ///< the live balance's sentence, findings and to-do (live_findings.h)

    // The meters: flows that cannot be determined even once every metered stream has readings.
    QStringList undetermined;

    // Site indicators.
    QList<QVariantMap> indicatorRows; ///< key, value, sigma, unit, reason, formula
    int indicatorsKnown = 0;
    QString indicatorFailure;
    /// The site indicators as core computed them, for benchmarking (null when they failed).
    std::shared_ptr<const shuiheng::indicators::IndicatorReport> indicatorReport;
};

/// The analysis of a valid plant (validatePlant without errors).
ProjectAnalysis analyseProject(const shuiheng::Plant& plant);
