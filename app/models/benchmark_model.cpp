#include "benchmark_model.h"

#include "benchmarking/grades/benchmark.h"
#include "benchmarking/leaders/evaluate.h"
#include "data_dir.h"
#include "indicators/plant_indicators.h"
#include "project_session.h"
#include "qt_text.h"
#include "report/core_messages.h"
#include "text/message_codes.h"

#include <QDate>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

namespace {

namespace bm = shuiheng::benchmarking;

/// The rule set the page checks: the national criteria.
constexpr std::string_view leaderRuleSet = "leader-2020-national";

QString verdictText(bm::Verdict verdict) {
    return toQString(bm::toString(verdict));
}

/// Core's message in the page's language (the English beside it when it has no code).
QString say(const shuiheng::text::Message& message, const std::string& english, const std::string& lang) {
    return toQString(shuiheng::report::sayMessage(message, english, lang));
}

/// The i-th of parallel lists of messages and their English.
QStringList sayAll(const std::vector<shuiheng::text::Message>& messages,
                   const std::vector<std::string>& english, const std::string& lang) {
    QStringList out;
    for (std::size_t k = 0; k < english.size(); ++k)
        out << say(k < messages.size() ? messages[k] : shuiheng::text::Message(), english[k], lang);
    return out;
}

QVariant optional(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? QVariant(*v) : QVariant();
}

struct Computed {
    std::shared_ptr<const bm::QuotaLibrary> library;
    std::shared_ptr<const bm::RuleSetLibrary> rules;
    QVariantList choices;
    QList<QVariantMap> quotas;
    QList<QVariantMap> thresholds;
    QString waterSaving = QStringLiteral("unknown");
    QString leaderTitle;
    QString leaderVerdict = QStringLiteral("unknown");
    QList<QVariantMap> leaderRules;
    QStringList notes;
    QString quota;
    QString industry;
};

QVariantList choicesOf(const bm::QuotaLibrary& library) {
    QVariantList out;
    for (const bm::QuotaTable& table : library.inForce) {
        if (table.kind != "quota")
            continue;
        for (const bm::QuotaRow& row : table.rows)
            out.append(
                QVariantMap{{QStringLiteral("key"), toQString(table.id + "/" + row.id)},
                            {QStringLiteral("industry"), toQString(row.industry)},
                            {QStringLiteral("product"), toQString(row.product)},
                            {QStringLiteral("text"), toQString(row.product + " · " + row.source.document)}});
    }
    return out;
}

Computed compute(std::shared_ptr<const shuiheng::indicators::IndicatorReport> report,
                 std::shared_ptr<const bm::QuotaLibrary> library,
                 std::shared_ptr<const bm::RuleSetLibrary> rules, const QString& enterprise,
                 const std::string& lang) {
    Computed out;
    const QString data = shippedDataDir();
    if (!library)
        library = std::make_shared<const bm::QuotaLibrary>(bm::loadQuotaLibrary(
            (data + QStringLiteral("/quotas")).toStdString(), userQuotaDir().toStdString()));
    if (!rules)
        rules = std::make_shared<const bm::RuleSetLibrary>(
            bm::loadRuleSets((data + QStringLiteral("/rules")).toStdString()));
    out.library = library;
    out.rules = rules;
    out.choices = choicesOf(*library);
    for (const std::string& e : library->errors)
        out.notes << toQString(e);
    if (!report)
        return out;
    out.quota = toQString(report->benchmark.quota);
    out.industry = toQString(report->benchmark.industry);
    const bm::BenchmarkReport result = bm::benchmark(*report, *library);
    for (const bm::Comparison& c : result.quotas)
        out.quotas.append(BenchmarkModel::gaugeRow(c, lang));
    for (const bm::Comparison& c : result.thresholds)
        out.thresholds.append(BenchmarkModel::gaugeRow(c, lang));
    out.waterSaving = !result.waterSavingEnterprise   ? QStringLiteral("unknown")
                      : *result.waterSavingEnterprise ? QStringLiteral("pass")
                                                      : QStringLiteral("fail");
    out.notes << sayAll(result.noteMessages, result.notes, lang);
    if (const bm::RuleSet* set = rules->find(leaderRuleSet)) {
        // The project's balance is last year's indicators of the enterprise tested.
        bm::Enterprise e = bm::enterpriseOf(*report, QDate::currentDate().year() - 1);
        if (!enterprise.isEmpty())
            e.name = enterprise.toStdString();
        const bm::RuleSetResult r = bm::evaluate(*set, e, *library);
        out.leaderTitle = toQString(r.title);
        out.leaderVerdict = verdictText(r.verdict);
        for (const bm::RuleResult& rule : r.rules) {
            const QStringList missing = sayAll(rule.missingMessages, rule.missing, lang);
            const QString joiner = toQString(
                *shuiheng::report::messageCatalogue(lang).pattern(shuiheng::text::code::joinSemicolon.id));
            out.leaderRules.append({{QStringLiteral("id"), toQString(rule.id)},
                                    {QStringLiteral("title"), toQString(rule.title)},
                                    {QStringLiteral("verdict"), verdictText(rule.verdict)},
                                    {QStringLiteral("reason"), say(rule.reasonMessage, rule.reason, lang)},
                                    {QStringLiteral("missing"), missing.join(joiner)}});
        }
    }
    return out;
}

} // namespace

BenchmarkModel::BenchmarkModel(QObject* parent)
    : SessionFollower(parent)
    , quotas_(new RecordListModel({"title", "table", "row", "indicator", "value", "sigma", "unit", "better",
                                   "levels", "position", "spread", "scaleEnd", "grade", "gradeName", "reason",
                                   "source", "verification", "notes"},
                                  this))
    , thresholds_(new RecordListModel({"title", "table", "row", "indicator", "value", "sigma", "unit",
                                       "better", "levels", "position", "spread", "scaleEnd", "grade",
                                       "gradeName", "reason", "source", "verification", "notes"},
                                      this))
    , leaderRules_(new RecordListModel({"id", "title", "verdict", "reason", "missing"}, this)) {}

BenchmarkModel::~BenchmarkModel() = default;

void BenchmarkModel::setBusy(bool on) {
    if (busy_ == on)
        return;
    busy_ = on;
    emit busyChanged();
}

void BenchmarkModel::refresh() {
    const ProjectAnalysis* analysis = session() ? session()->analysis() : nullptr;
    if (!analysis && session() && session()->analysing())
        return; // the next analysis is on its way: keep showing the last
    auto report = analysis ? analysis->indicatorReport : nullptr;
    const QString enterprise = session() ? session()->enterprise() : QString();
    const std::string lang = shuiheng::report::messageLanguage(); // the UI's (Translations::use)
    const int generation = ++generation_;
    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        const Computed c = watcher->result();
        library_ = c.library;
        rules_ = c.rules;
        quotaChoices_ = c.choices;
        quota_ = c.quota;
        industry_ = c.industry;
        quotas_->reset(c.quotas);
        thresholds_->reset(c.thresholds);
        waterSaving_ = c.waterSaving;
        leaderTitle_ = c.leaderTitle;
        leaderVerdict_ = c.leaderVerdict;
        leaderRules_->reset(c.leaderRules);
        notes_ = c.notes;
        setBusy(false);
        ++updateCount_;
        emit updated();
    });
    watcher->setFuture(QtConcurrent::run([report, library = library_, rules = rules_, enterprise, lang] {
        return compute(report, library, rules, enterprise, lang);
    }));
    setBusy(true);
}

bool BenchmarkModel::setQuota(const QString& key) {
    if (!session())
        return false;
    QString industry;
    for (const QVariant& choice : std::as_const(quotaChoices_)) {
        const QVariantMap c = choice.toMap();
        if (c.value(QStringLiteral("key")).toString() == key)
            industry = c.value(QStringLiteral("industry")).toString();
    }
    if (!key.isEmpty() && industry.isEmpty())
        return false; // not a row of the library
    return session()->setBenchmark(industry, key);
}

double BenchmarkModel::gaugePosition(double value, double scaleEnd) {
    return scaleEnd > 0 ? std::clamp(value / scaleEnd, 0.0, 1.0) : 0.0;
}

double BenchmarkModel::gaugeEnd(const std::optional<double>& value, const std::optional<double>& sigma,
                                const std::vector<double>& limits, const QString& unit) {
    if (unit == QLatin1String("%"))
        return 100;
    double largest = 0;
    for (double limit : limits)
        largest = std::max(largest, limit);
    if (value)
        largest = std::max(largest, *value + 2 * sigma.value_or(0));
    return largest > 0 ? 1.25 * largest : 1;
}

QVariantMap BenchmarkModel::gaugeRow(const bm::Comparison& c, const std::string& lang) {
    std::vector<double> limits;
    for (const bm::LevelResult& l : c.levels)
        limits.push_back(l.limit);
    const QString unit = toQString(c.unit);
    const double end = gaugeEnd(c.value, c.sigma, limits, unit);
    QVariantList levels;
    QString gradeName;
    for (const bm::LevelResult& l : c.levels) {
        levels.append(QVariantMap{{QStringLiteral("key"), toQString(l.key)},
                                  {QStringLiteral("name"), toQString(l.name.empty() ? l.key : l.name)},
                                  {QStringLiteral("limit"), l.limit},
                                  {QStringLiteral("met"), l.met ? QVariant(*l.met) : QVariant()},
                                  {QStringLiteral("probability"), optional(l.probability)},
                                  {QStringLiteral("position"), gaugePosition(l.limit, end)}});
        if (c.grade && *c.grade == l.key)
            gradeName = toQString(l.name.empty() ? l.key : l.name);
    }
    return {{QStringLiteral("title"), toQString(c.product.empty() ? c.row : c.product)},
            {QStringLiteral("table"), toQString(c.table)},
            {QStringLiteral("row"), toQString(c.row)},
            {QStringLiteral("indicator"), toQString(c.indicator)},
            {QStringLiteral("value"), optional(c.value)},
            {QStringLiteral("sigma"), optional(c.sigma)},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("better"), c.higherIsBetter ? QStringLiteral("higher") : QStringLiteral("lower")},
            {QStringLiteral("levels"), levels},
            {QStringLiteral("position"), c.value ? QVariant(gaugePosition(*c.value, end)) : QVariant()},
            {QStringLiteral("spread"), c.value && c.sigma ? QVariant(*c.sigma / end) : QVariant()},
            {QStringLiteral("scaleEnd"), end},
            {QStringLiteral("grade"), c.grade ? toQString(*c.grade) : QString()},
            {QStringLiteral("gradeName"), gradeName},
            {QStringLiteral("reason"), say(c.reasonMessage, c.reason, lang)},
            {QStringLiteral("notes"), sayAll(c.noteMessages, c.notes, lang)},
            {QStringLiteral("source"),
             toQString(c.source.document + (c.source.edition.empty() ? "" : "-" + c.source.edition))},
            // The shipped tables' verification notes are terms of the catalogue; a bureau's own text stays.
            {QStringLiteral("verification"),
             toQString(shuiheng::report::messageCatalogue(lang).term(c.verification))}};
}
