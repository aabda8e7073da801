#include "campaign_planner.h"

#include "campaign/meter_route.h"
#include "meter_route.h"
#include "project_session.h"
#include "qt_text.h"
#include "store/project_store.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

namespace store = shuiheng::store;

/// The campaign a plan makes.
struct PlannedCampaign {
    store::Campaign campaign;
};

namespace {

QDateTime parsed(const std::string& iso) {
    return QDateTime::fromString(toQString(iso), Qt::ISODate);
}

/// "08:00, 20:00" or "8:00 20:00" → {"08:00", "20:00"}; an empty list and `bad` set to the first item
/// that is not a time of day.
std::vector<std::string> timesOf(const QString& text, QString& bad) {
    std::vector<std::string> times;
    for (const QString& item :
         text.split(QRegularExpression(QStringLiteral("[,，;；\\s]+")), Qt::SkipEmptyParts)) {
        const QTime time = QTime::fromString(item, QStringLiteral("H:mm"));
        if (!time.isValid()) {
            bad = item;
            return {};
        }
        times.push_back(time.toString(QStringLiteral("HH:mm")).toStdString());
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

} // namespace

CampaignPlanner::CampaignPlanner(QObject* parent)
    : SessionFollower(parent, Follows::Reload)
    , route_(new RecordListModel({"meterId", "location", "kind", "position"}, this)) {}

void CampaignPlanner::setMessage(const QString& message) {
    if (message == message_)
        return;
    message_ = message;
    emit messageChanged();
}

void CampaignPlanner::changed() {
    modified_ = true;
    setMessage({});
    emit planChanged();
}

void CampaignPlanner::setName(const QString& name) {
    if (name != name_) {
        name_ = name;
        changed();
    }
}

void CampaignPlanner::setFirstDay(const QString& day) {
    if (day != firstDay_) {
        firstDay_ = day;
        changed();
    }
}

void CampaignPlanner::setLastDay(const QString& day) {
    if (day != lastDay_) {
        lastDay_ = day;
        changed();
    }
}

void CampaignPlanner::setReadingTimes(const QString& times) {
    if (times != readingTimes_) {
        readingTimes_ = times;
        changed();
    }
}

void CampaignPlanner::load() {
    campaignId_.clear();
    meters_.clear();
    const QDateTime now = QDateTime::currentDateTime();
    offsetSeconds_ = now.offsetFromUtc();
    name_ = tr("Water-balance test");
    firstDay_ = now.date().toString(Qt::ISODate);
    lastDay_ = now.date().addDays(2).toString(Qt::ISODate);
    readingTimes_ = QStringLiteral("08:00, 20:00");
    store::ProjectStore* project = session() ? session()->store() : nullptr;
    std::vector<std::string> route;
    if (project) {
        if (auto campaigns = project->campaigns(); campaigns && !campaigns->empty()) {
            const store::Campaign& c = campaigns->back(); // the current campaign is the latest
            campaignId_ = c.id;
            name_ = toQString(c.name);
            route = c.route;
            const QDateTime start = parsed(c.windowStart), end = parsed(c.windowEnd);
            if (start.isValid()) {
                offsetSeconds_ = start.offsetFromUtc();
                firstDay_ = start.date().toString(Qt::ISODate);
            } else if (const shuiheng::Plant* plant = session()->plant()->plant();
                       plant && !plant->readings.empty()) {
                // No window yet: plan in the offset the readings were taken in.
                if (const QDateTime first = parsed(plant->readings.front().time); first.isValid())
                    offsetSeconds_ = first.offsetFromUtc();
            }
            if (end.isValid())
                lastDay_ = end.toOffsetFromUtc(offsetSeconds_).date().toString(Qt::ISODate);
            QStringList times;
            for (const std::string& t : c.roundTimes)
                times << toQString(t);
            readingTimes_ = times.join(QStringLiteral(", "));
        }
    }
    if (const shuiheng::Plant* plant = session() ? session()->plant()->plant() : nullptr)
        for (const shuiheng::Meter* meter : routeOrder(*plant, route))
            meters_.push_back(meter->id);
    modified_ = false;
    showRoute();
    emit planChanged();
}

void CampaignPlanner::showRoute() {
    const shuiheng::Plant* plant = session() ? session()->plant()->plant() : nullptr;
    QList<QVariantMap> rows;
    for (const std::string& id : meters_) {
        QVariantMap row{{QStringLiteral("meterId"), toQString(id)},
                        {QStringLiteral("position"), rows.size() + 1}};
        if (plant)
            for (const shuiheng::Meter& m : plant->meters)
                if (m.id == id) {
                    row.insert(QStringLiteral("location"), meterLocation(*plant, m));
                    row.insert(QStringLiteral("kind"), toQString(shuiheng::toString(m.kind)));
                }
        rows.append(row);
    }
    route_->reset(rows);
}

void CampaignPlanner::move(int from, int to) {
    const int size = int(meters_.size());
    if (from < 0 || from >= size || to < 0 || to >= size || from == to)
        return;
    const std::string id = meters_[std::size_t(from)];
    meters_.erase(meters_.begin() + from);
    meters_.insert(meters_.begin() + to, id);
    showRoute();
    changed();
}

void CampaignPlanner::revert() {
    load();
    setMessage({});
}

QString CampaignPlanner::makeCampaign(PlannedCampaign& out) const {
    if (name_.trimmed().isEmpty())
        return tr("The test window needs a name.");
    const QDate first = QDate::fromString(firstDay_.trimmed(), Qt::ISODate);
    const QDate last = QDate::fromString(lastDay_.trimmed(), Qt::ISODate);
    if (!first.isValid())
        return tr("The first day \"%1\" is not a date (write it as 2026-06-01).").arg(firstDay_);
    if (!last.isValid())
        return tr("The last day \"%1\" is not a date (write it as 2026-06-03).").arg(lastDay_);
    if (last < first)
        return tr("The last day comes before the first day.");
    if (first.daysTo(last) > 366)
        return tr("A test window of more than a year is not a test window: check the days.");
    QString bad;
    const std::vector<std::string> times = timesOf(readingTimes_, bad);
    if (!bad.isEmpty())
        return tr("\"%1\" is not a time of day (write the reading times as 08:00, 20:00).").arg(bad);
    if (times.empty())
        return tr("Give at least one daily reading time, e.g. 08:00.");
    store::Campaign& c = out.campaign;
    c.id = campaignId_;
    c.name = name_.trimmed().toStdString();
    c.windowStart =
        QDateTime(first, QTime(0, 0), Qt::OffsetFromUTC, offsetSeconds_).toString(Qt::ISODate).toStdString();
    c.windowEnd = QDateTime(last, QTime(23, 59, 59), Qt::OffsetFromUTC, offsetSeconds_)
                      .toString(Qt::ISODate)
                      .toStdString();
    c.roundTimes = times;
    c.route = meters_;
    return {};
}

int CampaignPlanner::plannedRounds() const {
    PlannedCampaign planned;
    return makeCampaign(planned).isEmpty() ? int(store::plannedRounds(planned.campaign).size()) : 0;
}

bool CampaignPlanner::save() {
    store::ProjectStore* project = session() ? session()->store() : nullptr;
    if (!project) {
        setMessage(tr("Open a project first."));
        return false;
    }
    PlannedCampaign planned;
    if (const QString problem = makeCampaign(planned); !problem.isEmpty()) {
        setMessage(problem);
        return false;
    }
    if (!campaignId_.empty()) {
        // Keep what the plan does not edit (the note).
        if (auto campaigns = project->campaigns())
            for (const store::Campaign& c : *campaigns)
                if (c.id == campaignId_)
                    planned.campaign.note = c.note;
        if (const store::Status s = project->updateCampaign(planned.campaign, {}, "plan the test window");
            !s) {
            setMessage(tr("The plan was not saved: %1").arg(toQString(s.message())));
            return false;
        }
    } else if (auto added = project->addCampaign(planned.campaign, {}); !added) {
        setMessage(tr("The plan was not saved: %1").arg(toQString(added.status().message())));
        return false;
    }
    modified_ = false;
    session()->reload(); // reads the plan back (load() runs on reloaded)
    setMessage(tr("Saved: %n round(s) planned.", "", plannedRounds()));
    return true;
}
