#pragma once
// The live balance in the technician's words (docs/live-balance.md): one plain sentence for the
// whole balance ("the balance closes within the meters' accuracy" / "meter M7 reads about 12 %
// high"), the findings of serial elimination marked on the diagram, and the "which meter next"
// to-do. Made from a balance already computed (ProjectAnalysis runs it on a worker thread); texts
// are translated when they are made.

#include <QList>
#include <QSet>
#include <QString>
#include <QVariantMap>

namespace shuiheng {
struct Plant;
namespace balance {
struct PlantBalance;
struct ReconciliationResult;
} // namespace balance
} // namespace shuiheng

struct LiveFindings {
    QString verdict; ///< one sentence
    /// Serial elimination's findings in the order found: kind ("meter" or "leak"), stream, meters
    /// (the stream's meters in service, comma separated), nodes, estimate (flow unit), share (per
    /// cent of the true flow, meters only), text.
    QList<QVariantMap> findings;
    /// The technician's to-do, first things first: task ("check", "reread" or "add"), stream,
    /// meter, reason.
    QList<QVariantMap> todo;
    QSet<QString> biasedStreams; ///< streams whose measurement serial elimination rejects
    QSet<QString> leakNodes;     ///< nodes where it places a leak
};

/// "The balance could not be computed: …", the reason (core's message) in the UI's language.
QString balanceFailureSentence(const shuiheng::balance::ReconciliationResult& reconciliation);

/// `plant` carries the meters (their ids name the findings); `measured` is the same plant with
/// the measurements derived from the readings, which `balance` reconciled.
LiveFindings liveFindings(const shuiheng::Plant& plant, const shuiheng::Plant& measured,
                          const shuiheng::balance::PlantBalance& balance);
