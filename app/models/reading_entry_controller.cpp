#include "reading_entry_controller.h"

#include "campaign/meter_route.h"
#include "campaign/reading_checks.h"
#include "local_path.h"
#include "meter_route.h"
#include "model/units.h"
#include "project_session.h"
#include "qr/qr_code.h"
#include "qt_text.h"
#include "round_progress.h"
#include "store/project_store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <map>

namespace store = shuiheng::store;

namespace {

/// Larger than any register or flow a meter shows: a slip of the finger, not a reading.
constexpr double largestReading = 1e12;

QString number(double value) {
    return QString::number(value, 'g', 12);
}

QString rounded(double value) {
    return QString::number(value, 'f', std::abs(value) >= 100 ? 0 : 2);
}

/// What the meter should show: for a totalizer the register range `hours` after the last reading,
/// for a flowrate meter the flow range, in the meter's unit; from the expected flow range (plant
/// flow unit). Empty when the units are unknown or there is no range.
QString expectedText(const shuiheng::Meter& meter,
                     const std::optional<shuiheng::campaign::ExpectedRange>& range,
                     const std::string& flowUnit, std::optional<double> last, double hours) {
    if (!range)
        return {};
    const auto plantFlow = shuiheng::flowUnitInCubicMetresPerHour(flowUnit);
    if (!plantFlow)
        return {};
    if (meter.kind == shuiheng::MeterKind::Flowrate) {
        const auto meterFlow = shuiheng::flowUnitInCubicMetresPerHour(meter.unit);
        if (!meterFlow)
            return {};
        return QStringLiteral("%1 – %2 %3")
            .arg(rounded(range->low * *plantFlow / *meterFlow),
                 rounded(range->high * *plantFlow / *meterFlow), toQString(meter.unit));
    }
    const auto volume = shuiheng::volumeUnitInCubicMetres(meter.unit);
    if (!volume || !last || hours <= 0 || meter.factor <= 0)
        return {};
    const double perHour = *plantFlow / (*volume * meter.factor); // register units per plant flow unit·h
    return QStringLiteral("%1 – %2 %3")
        .arg(rounded(*last + range->low * perHour * hours), rounded(*last + range->high * perHour * hours),
             toQString(meter.unit));
}

QString nowIso() {
    const QDateTime now = QDateTime::currentDateTime();
    return now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate);
}

/// Where the camera's photos wait until their reading is saved: they are copied into the project
/// then, so a temporary folder is the right place (nothing of the user's is kept there).
QDir cameraFolder() {
    return QDir(QDir::temp().filePath(QStringLiteral("shuiheng-camera")));
}

} // namespace

ReadingEntryController::ReadingEntryController(QObject* parent)
    : SessionFollower(parent, Follows::Reload)
    , cards_(new RecordListModel({"meterId", "location", "kind", "unit", "lastValue", "lastTime", "expected",
                                  "state", "value", "readingId", "reason"},
                                 this)) {}

void ReadingEntryController::setRound(const QString& round) {
    if (round == round_)
        return;
    round_ = round;
    readingTime_.clear();
    emit readingTimeChanged();
    emit roundChanged();
    clearCheck();
    rebuild();
}

void ReadingEntryController::setReadingTime(const QString& time) {
    if (time == readingTime_)
        return;
    readingTime_ = time;
    emit readingTimeChanged();
}

void ReadingEntryController::setCurrentIndex(int index) {
    index = std::clamp(index, 0, std::max(0, count() - 1));
    if (index == currentIndex_)
        return;
    currentIndex_ = index;
    clearCheck();
    emit currentChanged();
}

void ReadingEntryController::next() {
    setCurrentIndex(currentIndex_ + 1);
}

void ReadingEntryController::previous() {
    setCurrentIndex(currentIndex_ - 1);
}

void ReadingEntryController::say(const QString& message, bool error) {
    message_ = message;
    messageIsError_ = error;
    emit checkedChanged();
}

void ReadingEntryController::clearCheck() {
    if (warnings_.isEmpty() && message_.isEmpty())
        return;
    warnings_.clear();
    message_.clear();
    messageIsError_ = false;
    emit checkedChanged();
}

std::string ReadingEntryController::entryTime() const {
    if (!readingTime_.trimmed().isEmpty())
        return readingTime_.trimmed().toStdString();
    // A past round is entered from the paper sheet: its readings are dated at the round's time.
    if (const auto round = rounds::epochSeconds(round_.toStdString())) {
        std::vector<double> times;
        for (const QString& r : rounds_)
            if (const auto t = rounds::epochSeconds(r.toStdString()))
                times.push_back(*t);
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        if (std::abs(now - *round) > rounds::tolerance(times))
            return round_.toStdString();
    }
    return nowIso().toStdString();
}

void ReadingEntryController::rebuild() {
    const QString keep = current().value(QStringLiteral("meterId")).toString();
    store::ProjectStore* project = session() ? session()->store() : nullptr;
    const shuiheng::Plant* plant = session() ? session()->plant()->plant() : nullptr;
    QList<QVariantMap> rows;
    QStringList planned;
    doneCount_ = 0;
    if (project && plant) {
        store::Campaign campaign;
        if (auto campaigns = project->campaigns(); campaigns && !campaigns->empty())
            campaign = campaigns->back();
        std::vector<double> roundTimes;
        for (const std::string& r : store::plannedRounds(campaign)) {
            planned << toQString(r);
            roundTimes.push_back(rounds::epochSeconds(r).value_or(0));
        }
        const double tolerance = rounds::tolerance(roundTimes);
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        if (round_.isEmpty() && !roundTimes.empty()) {
            // The round due now: the first not yet over, else the last.
            std::size_t due = roundTimes.size() - 1;
            for (std::size_t i = 0; i < roundTimes.size(); ++i)
                if (roundTimes[i] + tolerance >= now) {
                    due = i;
                    break;
                }
            round_ = planned.at(int(due));
            emit roundChanged();
        }
        const std::optional<double> round = rounds::epochSeconds(round_.toStdString());

        // The campaign's readings by meter, with their times.
        store::ReadingFilter filter;
        filter.campaign = campaign.id;
        std::map<std::string, std::vector<const store::StoredReading*>> byMeter;
        auto stored = project->readings(filter);
        if (stored) {
            for (const store::StoredReading& r : *stored)
                byMeter[r.reading.meter].push_back(&r);
            for (auto& [meter, list] : byMeter)
                std::stable_sort(list.begin(), list.end(),
                                 [](const auto* a, const auto* b) { return a->timeUtc < b->timeUtc; });
        }
        std::map<std::string, std::string> skipReasons;
        if (round)
            if (auto skips = project->skippedReadings(campaign.id))
                for (const store::SkippedReading& s : *skips)
                    if (const auto t = rounds::epochSeconds(s.round); t && std::abs(*t - *round) < 1)
                        skipReasons[s.meter] = s.reason;

        for (const shuiheng::Meter* meter : routeOrder(*plant, campaign.route)) {
            const auto& list = byMeter[meter->id];
            std::vector<double> times;
            std::vector<shuiheng::Reading> history;
            for (const store::StoredReading* r : list) {
                times.push_back(rounds::epochSeconds(r->reading.time).value_or(0));
                history.push_back(r->reading);
            }
            QVariantMap row{{QStringLiteral("meterId"), toQString(meter->id)},
                            {QStringLiteral("location"), meterLocation(*plant, *meter)},
                            {QStringLiteral("kind"), toQString(shuiheng::toString(meter->kind))},
                            {QStringLiteral("unit"), toQString(meter->unit)}};
            std::optional<std::size_t> inRound;
            rounds::Mark mark = rounds::Mark::Pending;
            if (round) {
                inRound = rounds::readingInRound(times, *round, tolerance);
                mark = rounds::markOf(times, *round, tolerance, skipReasons.contains(meter->id), now);
            }
            if (inRound) {
                row.insert(QStringLiteral("value"), list[*inRound]->reading.value);
                row.insert(QStringLiteral("readingId"), toQString(list[*inRound]->id));
            }
            if (const auto skip = skipReasons.find(meter->id); skip != skipReasons.end())
                row.insert(QStringLiteral("reason"), toQString(skip->second));
            // The last reading before this round (or the latest, without a round).
            std::optional<std::size_t> last;
            for (std::size_t i = 0; i < list.size(); ++i)
                if (i != inRound && (!round || times[i] < *round + tolerance))
                    last = i; // the list is in time order
            if (last) {
                row.insert(QStringLiteral("lastValue"), list[*last]->reading.value);
                row.insert(QStringLiteral("lastTime"), toQString(list[*last]->reading.time));
            }
            const double hours = last && round ? (*round - times[*last]) / 3600.0 : 0;
            row.insert(
                QStringLiteral("expected"),
                expectedText(*meter,
                             shuiheng::campaign::expectedRangeFromHistory(*meter, history, plant->flowUnit),
                             plant->flowUnit,
                             last ? std::optional<double>(list[*last]->reading.value) : std::nullopt, hours));
            row.insert(QStringLiteral("state"), QString::fromLatin1(rounds::toString(mark)));
            if (mark == rounds::Mark::OnTime || mark == rounds::Mark::Late || mark == rounds::Mark::Skipped)
                ++doneCount_;
            rows.append(row);
        }
    }
    rounds_ = planned;
    cards_->reset(rows);
    int index = 0;
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].value(QStringLiteral("meterId")).toString() == keep)
            index = i;
    currentIndex_ = index;
    emit cardsChanged();
    emit currentChanged();
}

void ReadingEntryController::advance() {
    for (int step = 1; step <= count(); ++step) {
        const int i = (currentIndex_ + step) % count();
        const QString state = cards_->get(i).value(QStringLiteral("state")).toString();
        if (state == QLatin1String("pending") || state == QLatin1String("missed")) {
            setCurrentIndex(i);
            return;
        }
    }
}

std::optional<double> ReadingEntryController::parseValue(const QString& valueText) {
    const QString meter = current().value(QStringLiteral("meterId")).toString();
    const QString text = valueText.trimmed();
    if (text.isEmpty()) {
        say(tr("Type the reading of meter %1 first.").arg(meter), true);
        return std::nullopt;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        say(tr("\"%1\" is not a number: type the digits the register of meter %2 shows.").arg(text, meter),
            true);
        return std::nullopt;
    }
    if (value < 0) {
        say(tr("A meter never reads below zero: %1 for meter %2 cannot be right.").arg(text, meter), true);
        return std::nullopt;
    }
    if (value > largestReading) {
        say(tr("%1 is too large for a reading of meter %2: check the digits.").arg(text, meter), true);
        return std::nullopt;
    }
    return value;
}

bool ReadingEntryController::check(const QString& valueText) {
    warnings_.clear();
    store::ProjectStore* project = session() ? session()->store() : nullptr;
    if (!project || count() == 0) {
        say(tr("There is no meter to read: open a project with meters first."), true);
        return false;
    }
    const auto value = parseValue(valueText);
    if (!value)
        return false;
    shuiheng::Reading candidate;
    candidate.meter = current().value(QStringLiteral("meterId")).toString().toStdString();
    candidate.time = entryTime();
    candidate.value = *value;
    auto checks = project->checkReading(
        candidate, current().value(QStringLiteral("readingId")).toString().toStdString());
    if (!checks) {
        say(toQString(checks.status().message()), true);
        return false;
    }
    for (const shuiheng::campaign::ReadingCheck& c : *checks)
        warnings_ << toQString(c.message);
    message_.clear();
    messageIsError_ = false;
    emit checkedChanged();
    return true;
}

bool ReadingEntryController::save(const QString& valueText, const QString& reason, const QString& photoPath) {
    if (!check(valueText))
        return false;
    store::ProjectStore* project = session()->store();
    const QVariantMap card = current();
    const QString meter = card.value(QStringLiteral("meterId")).toString();
    const QString readingId = card.value(QStringLiteral("readingId")).toString();
    const double value = valueText.trimmed().toDouble();
    const std::string why = reason.trimmed().toStdString();
    if (!readingId.isEmpty() && why.empty()) {
        say(tr("Meter %1 was read in this round already (%2): saving again changes that reading, so give "
               "the reason.")
                .arg(meter, number(card.value(QStringLiteral("value")).toDouble())),
            true);
        return false;
    }
    if (!warnings_.isEmpty() && why.empty()) {
        say(tr("Give the reason for the warning above (or correct the value), then save."), true);
        return false;
    }
    // The register's photo, from a file or the camera, goes with a new reading and with a correction.
    QByteArray photo;
    std::string photoType;
    if (!photoPath.trimmed().isEmpty()) {
        const QString path = localPath(photoPath.trimmed());
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            say(tr("The photo %1 cannot be read: %2. Nothing was saved.").arg(path, file.errorString()),
                true);
            return false;
        }
        photo = file.readAll();
        // As `shuiheng-cli readings add --photo`: by the name, and by the bytes where it has none.
        photoType = QMimeDatabase().mimeTypeForFileNameAndData(path, photo).name().toStdString();
    }
    if (!readingId.isEmpty()) {
        store::ReadingEdit edit;
        edit.value = value;
        edit.reason = why;
        edit.photo = photo;
        edit.photoType = photoType;
        if (auto edited = project->editReading(readingId.toStdString(), edit, {}); !edited) {
            say(tr("Not saved: %1").arg(toQString(edited.status().message())), true);
            return false;
        }
    } else {
        store::NewReading entry;
        entry.reading.meter = meter.toStdString();
        entry.reading.time = entryTime();
        entry.reading.value = value;
        entry.campaign = session()->campaignId();
        entry.reason = why;
        entry.photo = photo;
        entry.photoType = photoType;
        if (auto added = project->addReading(entry, {}); !added) {
            say(tr("Not saved: %1").arg(toQString(added.status().message())), true);
            return false;
        }
    }
    removeCameraPhoto(photoPath);
    const QString unit = card.value(QStringLiteral("unit")).toString();
    session()->reload(); // the rounds, the balance and these cards follow (rebuild on reloaded)
    advance();
    warnings_.clear();
    say(tr("Saved: meter %1 reads %2 %3.").arg(meter, number(value), unit), false);
    emit saved(meter);
    return true;
}

QString ReadingEntryController::cameraPhotoFile() {
    QDir folder = cameraFolder();
    if (!folder.mkpath(QStringLiteral("."))) {
        say(tr("The camera cannot save its photo: the folder %1 cannot be made.").arg(folder.path()), true);
        return {};
    }
    QString meter = current().value(QStringLiteral("meterId")).toString();
    meter.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"));
    return folder.filePath(
        QStringLiteral("%1-%2.jpg").arg(meter.isEmpty() ? QStringLiteral("meter") : meter, stamp));
}

void ReadingEntryController::removeCameraPhoto(const QString& photoPath) {
    const QString path = localPath(photoPath.trimmed());
    if (!path.isEmpty() &&
        QFileInfo(path).absolutePath() == QFileInfo(cameraFolder().path()).absoluteFilePath())
        QFile::remove(path); // its bytes are in the project now
}

bool ReadingEntryController::skip(const QString& reason) {
    store::ProjectStore* project = session() ? session()->store() : nullptr;
    if (!project || count() == 0) {
        say(tr("There is no meter to read: open a project with meters first."), true);
        return false;
    }
    const QString meter = current().value(QStringLiteral("meterId")).toString();
    if (round_.isEmpty()) {
        say(tr("There is no planned round to skip meter %1 in: plan the test window first.").arg(meter),
            true);
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        say(tr("Say why meter %1 is not read (e.g. under water, locked away).").arg(meter), true);
        return false;
    }
    store::SkippedReading entry;
    entry.meter = meter.toStdString();
    entry.campaign = session()->campaignId();
    entry.round = round_.toStdString();
    entry.reason = reason.trimmed().toStdString();
    if (auto skipped = project->skipReading(entry, {}); !skipped) {
        say(tr("Not saved: %1").arg(toQString(skipped.status().message())), true);
        return false;
    }
    session()->reload();
    advance();
    say(tr("Meter %1 skipped in this round: %2").arg(meter, reason.trimmed()), false);
    return true;
}

bool ReadingEntryController::findByPicture(const QString& picture) {
    const QString path = localPath(picture.trimmed());
    QString error;
    const auto text = shuiheng::qr::decodeQrFile(path, error);
    removeCameraPhoto(path); // a scan is not kept
    if (!text) {
        say(tr("No QR code could be read in the picture: hold the camera closer to the label and try again."),
            true);
        return false;
    }
    return find(*text);
}

bool ReadingEntryController::find(const QString& text) {
    const QString needle = text.trimmed();
    if (needle.isEmpty()) {
        say(tr("Type or scan a meter's id, serial number or QR label."), true);
        return false;
    }
    const shuiheng::Plant* plant = session() ? session()->plant()->plant() : nullptr;
    if (!plant || count() == 0) {
        say(tr("There is no meter to read: open a project with meters first."), true);
        return false;
    }
    auto rowOf = [&](const QString& id) {
        for (int i = 0; i < count(); ++i)
            if (cards_->get(i).value(QStringLiteral("meterId")).toString() == id)
                return i;
        return -1;
    };
    auto fields = [](const shuiheng::Meter& m) {
        return QStringList{toQString(m.id), toQString(m.serial), toQString(m.qrText)};
    };
    QList<const shuiheng::Meter*> exact, partial;
    for (const shuiheng::Meter& m : plant->meters) {
        const QStringList f = fields(m);
        if (std::any_of(f.cbegin(), f.cend(), [&](const QString& v) {
                return !v.isEmpty() && v.compare(needle, Qt::CaseInsensitive) == 0;
            }))
            exact << &m;
        else if (std::any_of(f.cbegin(), f.cend(),
                             [&](const QString& v) { return v.contains(needle, Qt::CaseInsensitive); }))
            partial << &m;
    }
    const QList<const shuiheng::Meter*>& found = exact.isEmpty() ? partial : exact;
    if (found.size() > 1) {
        say(tr("%n meter(s) match \"%1\": type more of the id or scan the label.", "", int(found.size()))
                .arg(needle),
            true);
        return false;
    }
    if (found.isEmpty()) {
        say(tr("No meter has the id, serial number or QR text \"%1\".").arg(needle), true);
        return false;
    }
    const shuiheng::Meter& meter = *found.front();
    const int row = rowOf(toQString(meter.id));
    if (row < 0) {
        say(tr("Meter %1 was taken out on %2: it is not read any more.")
                .arg(toQString(meter.id), toQString(meter.removed)),
            true);
        return false;
    }
    setCurrentIndex(row);
    say(tr("Meter %1 found.").arg(toQString(meter.id)), false);
    return true;
}
