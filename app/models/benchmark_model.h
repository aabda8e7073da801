#pragma once
// Indicators & benchmark for the app (docs/live-balance.md, "Indicators & benchmark"): the
// project's site indicators against the quota library (GB/T 18916 levels for its industry and
// product) and the water-saving-enterprise thresholds, as gauges, and the water-efficiency leader
// checklist (pass / fail / unknown with what is missing). It follows a ProjectSession: each new
// analysis's indicators are benchmarked on a worker thread (core/benchmarking does the work).
// Which quota applies is the plant's "benchmark" setting, saved in the project (setQuota).

#include "record_list_model.h"
#include "session_follower.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng::benchmarking {
struct Comparison;
struct QuotaLibrary;
struct RuleSetLibrary;
} // namespace shuiheng::benchmarking

class BenchmarkModel : public SessionFollower {
    Q_OBJECT
    QML_ELEMENT

    /// The quota rows the user can choose from: [{key: "TABLE/ROW", industry, product, text}].
    Q_PROPERTY(QVariantList quotaChoices READ quotaChoices NOTIFY updated)
    /// The quota row the project names ("TABLE/ROW"), or "" (then its industry's rows apply).
    Q_PROPERTY(QString quota READ quota NOTIFY updated)
    /// The project's industry ("steel", ...), or "".
    Q_PROPERTY(QString industry READ industry NOTIFY updated)
    /// Quota comparisons, one gauge each: title, table, row, indicator, value, sigma, unit, better
    /// ("lower"/"higher"), levels [{key, name, limit, met, probability, position}], position (of the
    /// value, 0–1 along the gauge), spread (±σ in the same scale), scaleEnd (the gauge's far end,
    /// in the unit), grade (level key), gradeName, reason, source, verification, notes (adjustments,
    /// conversion, boundary: a list). Reasons and notes are in the UI's language (docs/messages.md).
    Q_PROPERTY(RecordListModel* quotas READ quotas CONSTANT)
    /// The water-saving-enterprise thresholds, the same shape.
    Q_PROPERTY(RecordListModel* thresholds READ thresholds CONSTANT)
    /// Every applicable threshold met: "pass", "fail", or "unknown".
    Q_PROPERTY(QString waterSaving READ waterSaving NOTIFY updated)
    /// The leader criteria checked (the national set): its title and verdict (pass/fail/unknown).
    Q_PROPERTY(QString leaderTitle READ leaderTitle NOTIFY updated)
    Q_PROPERTY(QString leaderVerdict READ leaderVerdict NOTIFY updated)
    /// Its rules: id, title, verdict (pass, fail, unknown), reason, missing (what would decide it,
    /// joined by "; " or "；"), in the UI's language.
    Q_PROPERTY(RecordListModel* leaderRules READ leaderRules CONSTANT)
    /// How rows were chosen, ambiguities, library problems.
    Q_PROPERTY(QStringList notes READ notes NOTIFY updated)
    /// Benchmarking is being computed.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// How many results were shown (tests wait on it).
    Q_PROPERTY(int updateCount READ updateCount NOTIFY updated)

public:
    explicit BenchmarkModel(QObject* parent = nullptr);
    ~BenchmarkModel() override;

    QVariantList quotaChoices() const { return quotaChoices_; }
    QString quota() const { return quota_; }
    QString industry() const { return industry_; }
    RecordListModel* quotas() const { return quotas_; }
    RecordListModel* thresholds() const { return thresholds_; }
    QString waterSaving() const { return waterSaving_; }
    QString leaderTitle() const { return leaderTitle_; }
    QString leaderVerdict() const { return leaderVerdict_; }
    RecordListModel* leaderRules() const { return leaderRules_; }
    QStringList notes() const { return notes_; }
    bool busy() const { return busy_; }
    int updateCount() const { return updateCount_; }

    /// Makes `key` ("TABLE/ROW" of quotaChoices; "" for none) the project's quota and its row's
    /// industry the project's industry, saved in the project file as one change.
    Q_INVOKABLE bool setQuota(const QString& key);

    /// Where a value lies along a gauge that runs from 0 to `scaleEnd` (clamped to 0–1).
    static double gaugePosition(double value, double scaleEnd);
    /// The far end of a gauge: 100 for a percentage (unit "%"); otherwise 1.25 × the largest of the
    /// levels' limits and the value + 2σ, so that every level and the value's spread fit.
    static double gaugeEnd(const std::optional<double>& value, const std::optional<double>& sigma,
                           const std::vector<double>& limits, const QString& unit);
    /// A comparison as a gauge row (the fields of `quotas`), its words in `lang` ("zh", "en").
    static QVariantMap gaugeRow(const shuiheng::benchmarking::Comparison& comparison,
                                const std::string& lang);

signals:
    void busyChanged();
    void updated();

private:
    void follow() override { refresh(); }
    void refresh();
    void setBusy(bool on);

    RecordListModel* quotas_;
    RecordListModel* thresholds_;
    RecordListModel* leaderRules_;
    QVariantList quotaChoices_;
    QString quota_;
    QString industry_;
    QString waterSaving_ = QStringLiteral("unknown");
    QString leaderTitle_;
    QString leaderVerdict_ = QStringLiteral("unknown");
    QStringList notes_;
    bool busy_ = false;
    int updateCount_ = 0;
    int generation_ = 0;
    /// Read once, on the first worker run: the shipped tables and the bureau's own, and the rule sets.
    std::shared_ptr<const shuiheng::benchmarking::QuotaLibrary> library_;
    std::shared_ptr<const shuiheng::benchmarking::RuleSetLibrary> rules_;
};
