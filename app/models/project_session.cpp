#include "project_session.h"

#include "io/atomic_file.h"
#include "io/plant_file.h"
#include "local_path.h"
#include "qt_text.h"
#include "report/meter_labels.h"
#include "round_progress.h"
#include "store/project_store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <map>

namespace {

namespace store = shuiheng::store;

std::string encoded(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

QString message(const store::Status& status) {
    return toQString(status.message());
}

/// Now, ISO with this device's UTC offset (what readings and meter times carry).
QString nowIso() {
    const QDateTime now = QDateTime::currentDateTime();
    return now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate);
}

/// Readings needed for a flow: two register values for a totalizer, one flow for a flowrate meter.
int readingsNeeded(const shuiheng::Meter& meter) {
    return meter.kind == shuiheng::MeterKind::Totalizer ? 2 : 1;
}

QVariant optional(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant();
}

/// Whether `path` looks like a plant file (shuiheng-plant JSON, its format named near the start).
bool isPlantFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray start = file.read(4096);
    return start.trimmed().startsWith('{') && start.contains("\"shuiheng-plant\"");
}

} // namespace

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent)
    , plant_(new PlantDocument(this))
    , meters_(new MeterListModel(this))
    , campaigns_(new RecordListModel(
          {"id", "name", "windowStart", "windowEnd", "roundTimes", "plannedRounds", "current", "note"}, this))
    , rounds_(new RecordListModel({"time", "metersRead", "meterCount", "past", "late", "skipped", "missed"},
                                  this))
    , steps_(new RecordListModel({"key", "state", "summary", "blocker"}, this))
    , balance_(new RecordListModel(
          {"id", "fromTo", "type", "measured", "value", "sigma", "status", "z", "suspect"}, this))
    , indicators_(new RecordListModel({"key", "value", "sigma", "unit", "reason", "formula"}, this)) {
    updateSteps();
}

ProjectSession::~ProjectSession() = default;

bool ProjectSession::isOpen() const {
    return store_ && store_->isOpen();
}

void ProjectSession::setReportAvailable(bool available) {
    if (available == facts_.reportAvailable)
        return;
    facts_.reportAvailable = available;
    updateSteps();
    emit openChanged();
}

bool ProjectSession::fail(const QString& text) {
    if (errorMessage_ != text) {
        errorMessage_ = text;
        emit errorMessageChanged();
    }
    return false;
}

void ProjectSession::succeed() {
    if (errorMessage_.isEmpty())
        return;
    errorMessage_.clear();
    emit errorMessageChanged();
}

bool ProjectSession::open(const QString& pathOrUrl) {
    const QString file = localPath(pathOrUrl);
    auto store = std::make_unique<store::ProjectStore>();
    if (const store::Status status = store->open(encoded(file)); !status) {
        if (isPlantFile(file))
            return fail(tr("%1 is a plant file, not a project. Make a project from it with New project… "
                           "(choose it as the plant file there), or import it into an open project.")
                            .arg(file));
        return fail(tr("Cannot open %1: %2").arg(file, message(status)));
    }
    store_ = std::move(store);
    path_ = QFileInfo(file).absoluteFilePath();
    const bool loaded = load();
    emit openChanged();
    if (loaded)
        succeed();
    return loaded;
}

bool ProjectSession::create(const QString& pathOrUrl, const QString& name, const QString& enterprise,
                            const QString& plantFileOrUrl) {
    const QString file = localPath(pathOrUrl);
    if (name.trimmed().isEmpty())
        return fail(tr("The project needs a name."));
    // The plant is checked first, so that a bad file does not leave an empty project behind.
    std::optional<shuiheng::Plant> plant;
    if (!plantFileOrUrl.isEmpty()) {
        const QString plantFile = localPath(plantFileOrUrl);
        shuiheng::PlantFileResult result = shuiheng::loadPlantFile(encoded(plantFile));
        if (!result.ok()) {
            const auto error =
                std::find_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
                             [](const auto& d) { return d.severity == shuiheng::Severity::Error; });
            return fail(tr("%1 is not a valid plant file: %2")
                            .arg(plantFile, error != result.diagnostics.cend() ? toQString(error->toString())
                                                                               : tr("it cannot be read")));
        }
        plant = std::move(result.plant);
    }
    store::ProjectMeta meta;
    meta.name = name.trimmed().toStdString();
    meta.enterprise = enterprise.trimmed().toStdString();
    auto created = std::make_unique<store::ProjectStore>();
    if (const store::Status status = created->create(encoded(file), meta, {}); !status)
        return fail(tr("Cannot create %1: %2").arg(file, message(status)));
    if (plant) {
        store::ImportOptions options;
        options.source = QFileInfo(localPath(plantFileOrUrl)).fileName().toStdString();
        if (auto report = created->importPlant(*plant, {}, options); !report)
            return fail(tr("The project was created but the plant could not be imported: %1")
                            .arg(message(report.status())));
    }
    created.reset();
    return open(file);
}

bool ProjectSession::importPlant(const QString& plantFileOrUrl) {
    if (!isOpen())
        return fail(tr("Open a project first."));
    const QString plantFile = localPath(plantFileOrUrl);
    shuiheng::PlantFileResult result = shuiheng::loadPlantFile(encoded(plantFile));
    if (!result.ok()) {
        QStringList errors;
        for (const auto& d : result.diagnostics)
            if (d.severity == shuiheng::Severity::Error && errors.size() < 5)
                errors << toQString(d.toString());
        return fail(tr("%1 is not a valid plant file:\n%2").arg(plantFile, errors.join(QLatin1Char('\n'))));
    }
    store::ImportOptions options;
    options.source = QFileInfo(plantFile).fileName().toStdString();
    if (auto report = store_->importPlant(*result.plant, {}, options); !report)
        return fail(tr("Cannot import %1: %2").arg(plantFile, message(report.status())));
    const bool loaded = load();
    if (loaded)
        succeed();
    return loaded;
}

bool ProjectSession::importBundle(const QString& bundleOrUrl, const QString& targetOrUrl) {
    const QString bundle = localPath(bundleOrUrl);
    const QString target = localPath(targetOrUrl);
    store::ProjectStore received;
    store::OpenOptions options;
    options.readOnly = true;
    if (const store::Status status = received.open(encoded(bundle), options); !status)
        return fail(tr("Cannot open the bundle %1: %2").arg(bundle, message(status)));
    if (const store::Status status = received.exportBundle(encoded(target)); !status)
        return fail(tr("Cannot copy the bundle to %1: %2").arg(target, message(status)));
    return open(target);
}

bool ProjectSession::exportPlant(const QString& plantFileOrUrl) {
    if (!isOpen())
        return fail(tr("Open a project first."));
    const QString plantFile = localPath(plantFileOrUrl);
    auto plant = store_->exportPlant();
    if (!plant)
        return fail(tr("Cannot export the plant: %1").arg(message(plant.status())));
    if (const std::string error = shuiheng::savePlantFile(encoded(plantFile), *plant); !error.empty())
        return fail(tr("Cannot write %1: %2").arg(plantFile, toQString(error)));
    succeed();
    return true;
}

bool ProjectSession::exportMeterLabels(const QString& pdfFileOrUrl, const QString& language) {
    if (!isOpen())
        return fail(tr("Open a project first."));
    const QString pdfFile = localPath(pdfFileOrUrl);
    auto plant = store_->exportPlant();
    if (!plant)
        return fail(tr("Cannot read the meters: %1").arg(message(plant.status())));
    shuiheng::report::LabelSheetOptions options;
    options.lang = language == QLatin1String("en") ? "en" : "zh";
    options.route = shuiheng::report::plannedRoute(*store_);
    QString error;
    const QByteArray pdf = shuiheng::report::meterLabelsPdf(*plant, options, error);
    if (pdf.isEmpty())
        return fail(tr("Cannot make the labels: %1").arg(error));
    if (const std::string failure = shuiheng::writeFileAtomically(
            encoded(pdfFile), std::string_view(pdf.constData(), static_cast<std::size_t>(pdf.size())));
        !failure.empty())
        return fail(tr("Cannot write %1: %2").arg(pdfFile, toQString(failure)));
    succeed();
    return true;
}

void ProjectSession::close() {
    if (!store_)
        return;
    ++generation_;
    store_.reset();
    path_.clear();
    name_.clear();
    enterprise_.clear();
    campaignName_.clear();
    campaignId_.clear();
    plant_->clear();
    meters_->reset(nullptr);
    campaigns_->reset({});
    rounds_->reset({});
    balance_->reset({});
    indicators_->reset({});
    analysis_.reset();
    const bool reportAvailable = facts_.reportAvailable;
    facts_ = ProjectFacts();
    facts_.reportAvailable = reportAvailable;
    if (analysing_) {
        analysing_ = false;
        emit analysingChanged();
    }
    updateSteps();
    emit metaChanged();
    emit analysisChanged();
    emit openChanged();
}

void ProjectSession::reload() {
    if (isOpen() && load())
        succeed();
}

bool ProjectSession::load() {
    ++generation_;
    auto meta = store_->meta();
    if (!meta)
        return fail(tr("Cannot read %1: %2").arg(path_, message(meta.status())));
    name_ = toQString(meta->name);
    enterprise_ = toQString(meta->enterprise);
    emit metaChanged();

    auto campaigns = store_->campaigns();
    if (!campaigns)
        return fail(tr("Cannot read the campaigns of %1: %2").arg(path_, message(campaigns.status())));
    // The latest campaign is the one being tested.
    const store::Campaign* current = campaigns->empty() ? nullptr : &campaigns->back();
    campaignId_ = current ? current->id : std::string();
    campaignName_ = current ? toQString(current->name) : QString();

    auto exported = store_->exportPlant(campaignId_);
    if (!exported)
        return fail(tr("Cannot read the plant of %1: %2").arg(path_, message(exported.status())));
    const shuiheng::Plant& plant = *exported;

    ProjectFacts facts;
    facts.reportAvailable = facts_.reportAvailable;
    facts.hasPlant = !plant.nodes.empty();
    facts.nodeCount = static_cast<int>(plant.nodes.size());
    facts.streamCount = static_cast<int>(plant.streams.size());
    plant_->setPlant(plant, path_);
    if (facts.hasPlant)
        facts.plantErrors = plant_->errors();
    meters_->reset(&plant);
    facts.expiredMeters = meters_->expiredCount();

    std::map<std::string, std::vector<double>> readingTimes;
    for (const shuiheng::Reading& reading : plant.readings)
        if (const auto t = rounds::epochSeconds(reading.time))
            readingTimes[reading.meter].push_back(*t);
    facts.readingCount = static_cast<int>(plant.readings.size());
    std::vector<const shuiheng::Meter*> inService;
    for (const shuiheng::Meter& meter : plant.meters)
        if (meter.removed.empty()) {
            inService.push_back(&meter);
            if (int(readingTimes[meter.id].size()) < readingsNeeded(meter))
                facts.metersShort << toQString(meter.id);
        }
    facts.meterCount = static_cast<int>(inService.size());

    QList<QVariantMap> campaignRows;
    std::vector<std::string> planned;
    for (const store::Campaign& c : *campaigns) {
        const bool isCurrent = &c == current;
        const auto rounds = store::plannedRounds(c);
        if (isCurrent)
            planned = rounds;
        QStringList roundTimes;
        for (const std::string& t : c.roundTimes)
            roundTimes << toQString(t);
        campaignRows.append({{QStringLiteral("id"), toQString(c.id)},
                             {QStringLiteral("name"), toQString(c.name)},
                             {QStringLiteral("windowStart"), toQString(c.windowStart)},
                             {QStringLiteral("windowEnd"), toQString(c.windowEnd)},
                             {QStringLiteral("roundTimes"), roundTimes.join(QStringLiteral(", "))},
                             {QStringLiteral("plannedRounds"), int(rounds.size())},
                             {QStringLiteral("current"), isCurrent},
                             {QStringLiteral("note"), toQString(c.note)}});
    }
    campaigns_->reset(campaignRows);
    if (current) {
        facts.hasCampaign = true;
        facts.campaignName = campaignName_;
        facts.windowStart = toQString(current->windowStart);
        facts.windowEnd = toQString(current->windowEnd);
        facts.roundTimes = static_cast<int>(current->roundTimes.size());
        facts.plannedRounds = static_cast<int>(planned.size());
    }

    // Each meter's mark in each round (round_progress.h): read on time, late, skipped or missed.
    std::map<std::pair<std::string, std::string>, bool> skipped; // (meter, round UTC) → recorded
    if (current)
        if (auto skips = store_->skippedReadings(current->id))
            for (const store::SkippedReading& skip : *skips)
                if (const auto t = rounds::epochSeconds(skip.round))
                    skipped[{skip.meter, std::to_string(std::llround(*t))}] = true;
    std::vector<double> roundTimes;
    for (const std::string& t : planned)
        if (const auto s = rounds::epochSeconds(t))
            roundTimes.push_back(*s);
    const double tolerance = rounds::tolerance(roundTimes);
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QList<QVariantMap> roundRows;
    for (std::size_t i = 0; i < roundTimes.size(); ++i) {
        std::map<rounds::Mark, int> marks;
        const std::string roundKey = std::to_string(std::llround(roundTimes[i]));
        for (const shuiheng::Meter* meter : inService)
            ++marks[rounds::markOf(readingTimes[meter->id], roundTimes[i], tolerance,
                                   skipped.contains({meter->id, roundKey}), now)];
        const bool past = roundTimes[i] <= now;
        facts.pastRounds += past ? 1 : 0;
        roundRows.append(
            {{QStringLiteral("time"), toQString(planned[i])},
             {QStringLiteral("metersRead"), marks[rounds::Mark::OnTime] + marks[rounds::Mark::Late]},
             {QStringLiteral("meterCount"), facts.meterCount},
             {QStringLiteral("past"), past},
             {QStringLiteral("late"), marks[rounds::Mark::Late]},
             {QStringLiteral("skipped"), marks[rounds::Mark::Skipped]},
             {QStringLiteral("missed"), marks[rounds::Mark::Missed]}});
    }
    rounds_->reset(roundRows);
    facts_ = facts;

    analysis_.reset();
    balance_->reset({});
    indicators_->reset({});
    emit analysisChanged();
    if (facts.hasPlant && facts.plantErrors.isEmpty())
        startAnalysis();
    else if (analysing_) {
        analysing_ = false;
        emit analysingChanged();
    }
    updateSteps();
    emit reloaded();
    return true;
}

void ProjectSession::startAnalysis() {
    auto plant = std::make_shared<const shuiheng::Plant>(*plant_->plant());
    const int generation = generation_;
    auto* watcher = new QFutureWatcher<std::shared_ptr<ProjectAnalysis>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        applyAnalysis(generation, watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([plant] { return std::make_shared<ProjectAnalysis>(analyseProject(*plant)); }));
    if (!analysing_) {
        analysing_ = true;
        emit analysingChanged();
    }
}

void ProjectSession::applyAnalysis(int generation, std::shared_ptr<ProjectAnalysis> analysis) {
    if (generation != generation_ || !analysis)
        return; // the project was read again meanwhile: a newer analysis is on its way
    analysis_ = analysis;
    balance_->reset(analysis->balanceRows);
    indicators_->reset(analysis->indicatorRows);
    analysing_ = false;
    emit analysingChanged();
    updateSteps();
    emit analysisChanged();
}

void ProjectSession::updateSteps() {
    steps_->reset(assessSteps(facts_, analysis_.get()));
    emit stepsChanged();
}

QVariantMap ProjectSession::stepStates() const {
    QVariantMap states;
    for (int row = 0; row < steps_->count(); ++row) {
        const QVariantMap step = steps_->get(row);
        states.insert(step.value(QStringLiteral("key")).toString(), step.value(QStringLiteral("state")));
    }
    return states;
}

// --- Meters ------------------------------------------------------------------------------------------

namespace {

/// The meter's fields as QML edits them.
QVariantMap fieldsOf(const shuiheng::Meter& m) {
    return {{QStringLiteral("id"), toQString(m.id)},
            {QStringLiteral("stream"), toQString(m.stream)},
            {QStringLiteral("kind"), toQString(shuiheng::toString(m.kind))},
            {QStringLiteral("unit"), toQString(m.unit)},
            {QStringLiteral("mpe"), m.mpe},
            {QStringLiteral("rollover"), optional(m.rollover)},
            {QStringLiteral("factor"), m.factor},
            {QStringLiteral("serial"), toQString(m.serial)},
            {QStringLiteral("qrText"), toQString(m.qrText)},
            {QStringLiteral("calibrationDate"), toQString(m.calibrationDate)},
            {QStringLiteral("calibrationDue"), toQString(m.calibrationDue)},
            {QStringLiteral("level"), m.level ? QVariant(*m.level) : QVariant()},
            {QStringLiteral("installed"), toQString(m.installed)},
            {QStringLiteral("removed"), toQString(m.removed)}};
}

/// A number field: empty or absent gives nullopt; text that is no finite number gives `bad`.
std::optional<double> numberField(const QVariantMap& fields, const QString& key, bool& bad) {
    const QVariant value = fields.value(key);
    if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
        return std::nullopt;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number)) {
        bad = true;
        return std::nullopt;
    }
    return number;
}

} // namespace

QVariantMap ProjectSession::meter(const QString& id) const {
    const shuiheng::Plant* plant = plant_->plant();
    if (!plant)
        return {};
    for (const shuiheng::Meter& m : plant->meters)
        if (toQString(m.id) == id)
            return fieldsOf(m);
    return {};
}

/// Applies the edited fields onto `meter`; an empty string when they are acceptable, else why not.
static QString applyFields(const QVariantMap& fields, shuiheng::Meter& meter) {
    const auto text = [&](const char* key) { return fields.value(QLatin1String(key)).toString().trimmed(); };
    meter.id = text("id").toStdString();
    if (meter.id.empty())
        return ProjectSession::tr("The meter needs an id.");
    if (fields.contains(QStringLiteral("stream")))
        meter.stream = text("stream").toStdString();
    if (fields.contains(QStringLiteral("kind"))) {
        const auto kind = shuiheng::parseMeterKind(text("kind").toStdString());
        if (!kind)
            return ProjectSession::tr("Meter %1: the kind must be totalizer or flowrate.").arg(text("id"));
        meter.kind = *kind;
    }
    if (fields.contains(QStringLiteral("unit")))
        meter.unit = text("unit").toStdString();
    bool bad = false;
    if (fields.contains(QStringLiteral("mpe"))) {
        const auto mpe = numberField(fields, QStringLiteral("mpe"), bad);
        if (bad || (mpe && *mpe < 0))
            return ProjectSession::tr(
                       "Meter %1: the maximum permissible error must be a number of 0 or more.")
                .arg(text("id"));
        meter.mpe = mpe.value_or(0);
    }
    if (fields.contains(QStringLiteral("rollover"))) {
        meter.rollover = numberField(fields, QStringLiteral("rollover"), bad);
        if (bad)
            return ProjectSession::tr("Meter %1: the rollover must be a number.").arg(text("id"));
    }
    if (fields.contains(QStringLiteral("factor"))) {
        meter.factor = numberField(fields, QStringLiteral("factor"), bad).value_or(1);
        if (bad)
            return ProjectSession::tr("Meter %1: the factor must be a number.").arg(text("id"));
    }
    if (fields.contains(QStringLiteral("level"))) {
        const auto level = numberField(fields, QStringLiteral("level"), bad);
        if (bad || (level && (*level < 1 || *level > 3)))
            return ProjectSession::tr("Meter %1: the level must be 1, 2 or 3.").arg(text("id"));
        meter.level = level ? std::optional<int>(int(*level)) : std::nullopt;
    }
    const std::pair<const char*, std::string*> texts[] = {
        {"serial", &meter.serial},
        {"qrText", &meter.qrText},
        {"calibrationDate", &meter.calibrationDate},
        {"calibrationDue", &meter.calibrationDue},
    };
    for (const auto& [key, member] : texts)
        if (fields.contains(QLatin1String(key)))
            *member = text(key).toStdString();
    for (const char* key : {"calibrationDate", "calibrationDue"})
        if (!text(key).isEmpty() && !QDate::fromString(text(key), Qt::ISODate).isValid())
            return ProjectSession::tr("Meter %1: %2 is not a date (write it as 2026-06-30).")
                .arg(text("id"), text(key));
    return {};
}

bool ProjectSession::writeMeters(const std::function<bool(shuiheng::Plant&)>& edit, const QString& reason) {
    if (!isOpen())
        return fail(tr("Open a project first."));
    // Read fresh from the store: another page or program may have changed the plant meanwhile.
    auto exported = store_->exportPlant();
    if (!exported)
        return fail(message(exported.status()));
    shuiheng::Plant plant = std::move(*exported);
    plant.readings.clear(); // only the meters change: readings and production stay as they are
    plant.production.reset();
    if (!edit(plant))
        return false;
    store::ImportOptions options;
    options.source = "Meters page";
    options.reason = reason.toStdString();
    if (auto report = store_->importPlant(plant, {}, options); !report)
        return fail(message(report.status()));
    const bool loaded = load();
    if (loaded)
        succeed();
    return loaded;
}

bool ProjectSession::saveMeter(const QVariantMap& fields) {
    const QString id = fields.value(QStringLiteral("id")).toString().trimmed();
    return writeMeters(
        [&](shuiheng::Plant& plant) {
            auto it = std::find_if(plant.meters.begin(), plant.meters.end(),
                                   [&](const shuiheng::Meter& m) { return toQString(m.id) == id; });
            shuiheng::Meter meter = it != plant.meters.end() ? *it : shuiheng::Meter{};
            if (const QString problem = applyFields(fields, meter); !problem.isEmpty())
                return fail(problem);
            if (it != plant.meters.end())
                *it = meter;
            else
                plant.meters.push_back(meter);
            return true;
        },
        meter(id).isEmpty() ? tr("add meter %1").arg(id) : tr("edit meter %1").arg(id));
}

bool ProjectSession::replaceMeter(const QString& oldId, const QVariantMap& fields, const QString& when) {
    const QString newId = fields.value(QStringLiteral("id")).toString().trimmed();
    const QString at = when.isEmpty() ? nowIso() : when;
    return writeMeters(
        [&](shuiheng::Plant& plant) {
            auto old = std::find_if(plant.meters.begin(), plant.meters.end(),
                                    [&](const shuiheng::Meter& m) { return toQString(m.id) == oldId; });
            if (old == plant.meters.end())
                return fail(tr("There is no meter %1 to replace.").arg(oldId));
            if (!old->removed.empty())
                return fail(tr("Meter %1 was already taken out on %2.").arg(oldId, toQString(old->removed)));
            if (std::any_of(plant.meters.cbegin(), plant.meters.cend(),
                            [&](const shuiheng::Meter& m) { return toQString(m.id) == newId; }))
                return fail(tr("There is already a meter %1.").arg(newId));
            shuiheng::Meter replacement;
            replacement.kind = old->kind;
            replacement.unit = old->unit;
            replacement.mpe = old->mpe;
            replacement.level = old->level;
            if (const QString problem = applyFields(fields, replacement); !problem.isEmpty())
                return fail(problem);
            replacement.stream = old->stream; // a replacement measures what the old meter measured
            replacement.installed = at.toStdString();
            old->removed = at.toStdString();
            plant.meters.insert(old + 1, replacement);
            return true;
        },
        tr("replace meter %1 by %2").arg(oldId, newId));
}

void ProjectSession::openHistory(const QString& kind, const QString& id) {
    emit historyRequested(kind, id);
}
