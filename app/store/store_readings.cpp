// Readings, campaigns, production data, attachments and results of the project store.

#include "campaign/reading_checks.h"
#include "model/iso_time.h"
#include "store/extra_json.h"
#include "store/ids.h"
#include "store/store_internal.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace shuiheng::store {

using namespace detail;

namespace {

/// A reading of a meter's history: what the checks and the search for repeats need.
struct Past {
    std::string time;
    double value = 0;
};

/// Readings of one meter by time, for the plausibility checks and for finding repeats.
struct MeterHistory {
    std::multimap<double, Past> byTime;
    std::optional<campaign::ExpectedRange> expected;

    /// What checkReading looks at: the latest reading, the ones just before and after `t`, and those at
    /// `t`. Giving it these alone finds exactly what the whole history would, at any history length.
    std::vector<Reading> neighbourhood(const std::string& meter, double t) const {
        std::vector<Reading> out;
        if (byTime.empty())
            return out;
        auto add = [&](const Past& p) {
            Reading r;
            r.meter = meter;
            r.time = p.time;
            r.value = p.value;
            out.push_back(std::move(r));
        };
        constexpr double same = 1e-3;
        add(std::prev(byTime.end())->second);
        auto low = byTime.lower_bound(t - same);
        if (low != byTime.begin())
            add(std::prev(low)->second);
        auto high = byTime.upper_bound(t + same);
        for (auto it = low; it != high; ++it)
            add(it->second);
        if (high != byTime.end())
            add(high->second);
        return out;
    }

    bool hasIdentical(const std::string& time, double value, double t) const {
        for (auto it = byTime.lower_bound(t - 1e-3); it != byTime.end() && it->first <= t + 1e-3; ++it)
            if (it->second.time == time && it->second.value == value)
                return true;
        return false;
    }

    void add(double t, const std::string& time, double value) { byTime.emplace(t, Past{time, value}); }
};

/// The current readings of the `wanted` meters (`excludeId` left out), with each meter's expected range
/// from its history.
Result<std::map<std::string, MeterHistory>>
loadHistories(Database& db, const std::map<std::string, Meter>& meters, const std::set<std::string>& wanted,
              const std::string& flowUnit, const std::string& excludeId = {}) {
    std::map<std::string, MeterHistory> histories;
    std::map<std::string, std::vector<Reading>> all;
    auto collect = [&](const QString& sql, const std::vector<std::string>& args) -> Status {
        auto rows = db.dialect().rowReader(db.handle(), sql, args);
        if (!rows)
            return rows.status();
        RowReader& q = **rows;
        std::string meter;
        for (;;) {
            auto more = q.next();
            if (!more)
                return more.status();
            if (!*more)
                return {};
            meter = q.text(3);
            if (!wanted.contains(meter) || (!excludeId.empty() && q.text(2) == excludeId))
                continue;
            Reading r;
            r.meter = meter;
            r.time = q.text(0);
            r.value = q.real(1);
            if (const auto t = parseIsoTime(r.time)) {
                histories[r.meter].add(*t, r.time, r.value);
                all[r.meter].push_back(std::move(r));
            }
        }
    };
    const QString columns = QStringLiteral("SELECT time_text, value, reading_id, meter_id FROM reading WHERE "
                                           "superseded_by IS NULL AND deleted = 0");
    if (wanted.size() <= 16) {
        for (const std::string& meter : wanted)
            if (Status s = collect(columns + QStringLiteral(" AND meter_id = ?"), {meter}); !s)
                return s;
    } else if (Status s = collect(columns, {}); !s) {
        return s;
    }
    for (auto& [meter, readings] : all)
        if (readings.size() >= 3)
            if (const auto m = meters.find(meter); m != meters.end())
                histories[meter].expected = campaign::expectedRangeFromHistory(m->second, readings, flowUnit);
    for (const std::string& meter : wanted)
        histories[meter];
    return histories;
}

struct CampaignWindow {
    std::string id;
    double start = -std::numeric_limits<double>::infinity();
    double end = std::numeric_limits<double>::infinity();
};

Result<std::vector<CampaignWindow>> campaignWindows(Database& db) {
    auto live = liveEntities(db, campaignTable());
    if (!live)
        return live.status();
    std::vector<CampaignWindow> windows;
    for (const auto& [key, version] : *live) {
        const Campaign c = campaignFrom(key, version.values);
        if (c.windowStart.empty() && c.windowEnd.empty())
            continue; // no window: readings go there only when named
        CampaignWindow w;
        w.id = c.id;
        if (const auto t = parseIsoTime(c.windowStart))
            w.start = *t;
        if (const auto t = parseIsoTime(c.windowEnd))
            w.end = *t;
        windows.push_back(w);
    }
    // Ids are time-ordered: the latest-created campaign first.
    std::sort(windows.begin(), windows.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    return windows;
}

/// The last entry number handed out (store_meta "reading_seq": no index on reading.seq to keep up).
Result<long long> readingSeq(Database& db) {
    auto q = db.select(QStringLiteral("SELECT meta_value FROM store_meta WHERE meta_key = 'reading_seq'"));
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::Damaged, "the project has no reading counter");
    return q->value(0).toString().toLongLong();
}

Status setReadingSeq(Database& db, long long seq) {
    return db.execute(QStringLiteral("UPDATE store_meta SET meta_value = ? WHERE meta_key = 'reading_seq'"),
                      {QString::number(seq)});
}

Result<bool> campaignExists(Database& db, const std::string& id) {
    auto v = currentVersion(db, campaignTable(), qs(id));
    if (!v)
        return v.status();
    return v->has_value() && !(*v)->deleted;
}

std::string joinErrors(const std::vector<std::string>& errors) {
    std::string text;
    const std::size_t shown = std::min<std::size_t>(errors.size(), 20);
    for (std::size_t i = 0; i < shown; ++i)
        text += (i ? "\n" : "") + errors[i];
    if (errors.size() > shown)
        text += fmt::format("\n... and {} more", errors.size() - shown);
    return text;
}

Status checkRoundTimes(const std::vector<std::string>& rounds) {
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    for (const std::string& r : rounds)
        if (!hhmm.match(qs(r)).hasMatch())
            return {ErrorKind::InvalidInput, "reading round '" + r + "' is not a time of day like 08:00"};
    return {};
}

Status checkCampaign(const Campaign& c) {
    std::optional<double> start, end;
    if (!c.windowStart.empty() && !(start = parseIsoTime(c.windowStart)))
        return {ErrorKind::InvalidInput, "window start '" + c.windowStart +
                                             "' is not an ISO time with offset (2026-06-01T08:00:00+08:00)"};
    if (!c.windowEnd.empty() && !(end = parseIsoTime(c.windowEnd)))
        return {ErrorKind::InvalidInput, "window end '" + c.windowEnd +
                                             "' is not an ISO time with offset (2026-06-07T08:00:00+08:00)"};
    if (start && end && *end < *start)
        return {ErrorKind::InvalidInput, "the window ends before it starts"};
    std::set<std::string> routed;
    for (const std::string& meter : c.route)
        if (meter.empty() || !routed.insert(meter).second)
            return {ErrorKind::InvalidInput, meter.empty() ? std::string("the route names an empty meter id")
                                                           : "the route names meter " + meter + " twice"};
    return checkRoundTimes(c.roundTimes);
}

StoredReading storedFrom(RowReader& q) {
    // Columns as storedFrom(QSqlQuery&).
    StoredReading s;
    s.id = q.text(0);
    s.version = static_cast<int>(q.integer(1));
    s.campaign = q.text(2);
    s.timeUtc = q.text(3);
    s.reading.meter = q.text(4);
    s.reading.time = q.text(5);
    s.reading.value = q.real(6);
    s.reading.technician = q.text(7);
    s.reading.device = q.text(8);
    s.reading.note = q.text(9);
    s.reading.photo = q.text(10);
    if (const std::string_view extra = q.text(11); !extra.empty())
        s.reading.extra = extrasFromJson(std::string(extra));
    s.entered = q.text(12);
    return s;
}

StoredReading storedFrom(QSqlQuery& q) {
    // reading_id, version, campaign_id, time_utc, meter_id, time_text, value, technician, device, note,
    // photo, extra, entered
    StoredReading s;
    s.id = ss(q.value(0));
    s.version = q.value(1).toInt();
    s.campaign = ss(q.value(2));
    s.timeUtc = ss(q.value(3));
    s.reading.meter = ss(q.value(4));
    s.reading.time = ss(q.value(5));
    s.reading.value = q.value(6).toDouble();
    s.reading.technician = ss(q.value(7));
    s.reading.device = ss(q.value(8));
    s.reading.note = ss(q.value(9));
    s.reading.photo = ss(q.value(10));
    s.reading.extra = extrasFromJson(ss(q.value(11)));
    s.entered = ss(q.value(12));
    return s;
}

const QString readingColumns = QStringLiteral(
    "r.reading_id, r.version, r.campaign_id, r.time_utc, r.meter_id, r.time_text, r.value, r.technician, "
    "r.device, r.note, r.photo, r.extra, c.at_utc");

} // namespace

std::string_view warningKindText(campaign::ReadingWarning warning) {
    switch (warning) {
    case campaign::ReadingWarning::BelowPrevious:
        return "below-previous";
    case campaign::ReadingWarning::OutsideExpected:
        return "outside-expected";
    case campaign::ReadingWarning::TimeOutOfOrder:
        return "time-out-of-order";
    case campaign::ReadingWarning::Duplicate:
        return "duplicate";
    case campaign::ReadingWarning::NotFinite:
        return "not-finite";
    }
    return "?";
}

std::vector<std::string> plannedRounds(const Campaign& campaign) {
    std::vector<std::string> out;
    const QDateTime start = QDateTime::fromString(qs(campaign.windowStart), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(qs(campaign.windowEnd), Qt::ISODate);
    if (!start.isValid() || !end.isValid() || campaign.roundTimes.empty() || end < start)
        return out;
    const int offset = start.offsetFromUtc();
    const QDateTime localStart = start.toOffsetFromUtc(offset);
    const QDateTime localEnd = end.toOffsetFromUtc(offset);
    for (QDate day = localStart.date(); day <= localEnd.date() && out.size() < 10000; day = day.addDays(1))
        for (const std::string& round : campaign.roundTimes) {
            const QTime time = QTime::fromString(qs(round), QStringLiteral("HH:mm"));
            if (!time.isValid())
                continue;
            const QDateTime at(day, time, Qt::OffsetFromUTC, offset);
            if (at >= start && at <= end)
                out.push_back(at.toString(Qt::ISODate).toStdString());
        }
    return out;
}

namespace {
/// How many rows ahead the bulk writer fetches its next readings (a few SQLite inserts' time).
constexpr std::size_t prefetchDistance = 8;

/// Readings per INSERT statement when many are written: one statement of 50 rows costs SQLite
/// less than 50 of one row (each run of a statement starts its program, opens a cursor on the table
/// and on each index, and ends them again).
constexpr std::size_t readingsPerStatement = 50;
/// The values bound per reading row in readingInsertSql.
constexpr int valuesPerReading = 13;

/// INSERT of `rows` readings, `valuesPerReading` placeholders each (multi-row VALUES: SQLite and
/// PostgreSQL both take it).
QString readingInsertSql(std::size_t rows) {
    QString sql =
        QStringLiteral("INSERT INTO reading (reading_id, version, change_id, deleted, seq, campaign_id, "
                       "meter_id, time_text, time_utc, value, technician, device, note, photo, extra) "
                       "VALUES ");
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += QStringLiteral("(?, 1, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    return sql;
}
} // namespace

namespace detail {

Result<std::string> campaignHolding(Database& db, const std::vector<double>& times) {
    auto windows = campaignWindows(db);
    if (!windows)
        return windows.status();
    for (const CampaignWindow& w : *windows)
        if (std::all_of(times.begin(), times.end(), [&](double t) { return t >= w.start && t <= w.end; }))
            return w.id;
    return std::string();
}

std::string sha256Hex(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

Result<std::string> storeAttachment(Database& db, const QString& changeId, const QByteArray& bytes,
                                    const std::string& mediaType) {
    const std::string hash = sha256Hex(bytes);
    auto existing =
        db.select(QStringLiteral("SELECT byte_size FROM attachment WHERE sha256 = ?"), {qs(hash)});
    if (!existing)
        return existing.status();
    if (existing->next())
        return hash;
    if (Status s =
            db.execute(QStringLiteral("INSERT INTO attachment (sha256, change_id, media_type, byte_size, "
                                      "content) VALUES (?, ?, ?, ?, ?)"),
                       {qs(hash), changeId, qs(mediaType), static_cast<qlonglong>(bytes.size()), bytes});
        !s)
        return s;
    return hash;
}

Result<ImportReport> insertReadings(Database& db, const QString& changeId,
                                    const std::vector<NewReading>& entries, const ImportOptions& options,
                                    const InsertControl& control, const std::string& flowUnit,
                                    std::vector<std::vector<campaign::ReadingCheck>>* checks) {
    ImportReport report;
    std::set<std::string> wanted;
    for (const NewReading& e : entries)
        wanted.insert(e.reading.meter);
    auto meters = liveMeters(db, &wanted);
    if (!meters)
        return meters.status();

    // 1. Everything is checked before anything is written: all or nothing.
    struct Prepared {
        const NewReading* entry = nullptr;
        const Meter* meter = nullptr;
        MeterHistory* history = nullptr;
        std::string time;     ///< set when the entry gave none (now)
        std::string photo;    ///< set when the entry brought the photo's bytes
        std::string campaign; ///< the campaign the reading goes to
        double t = 0;
        long long seq = 0;    ///< entry number
        bool skipped = false; ///< already present
        std::string id;
        std::vector<campaign::ReadingCheck> found;

        const std::string& timeText() const { return time.empty() ? entry->reading.time : time; }
        const std::string& photoHash() const { return photo.empty() ? entry->reading.photo : photo; }
    };
    std::vector<Prepared> prepared;
    prepared.reserve(entries.size());
    std::vector<std::string> errors;
    std::map<std::string, bool> knownCampaigns;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const NewReading& e = entries[i];
        const Reading& r = e.reading;
        Prepared p;
        p.entry = &e;
        if (r.time.empty())
            p.time = localNowText();
        auto where = [&] {
            return entries.size() == 1 ? std::string("the reading") : fmt::format("reading {}", i + 1);
        };
        const auto meter = meters->find(r.meter);
        if (meter == meters->end()) {
            errors.push_back(r.meter.empty() ? where() + ": no meter given"
                                             : fmt::format("{}: unknown meter '{}'", where(), r.meter));
            continue;
        }
        p.meter = &meter->second;
        const auto t = parseIsoTime(p.timeText());
        if (!t) {
            errors.push_back(fmt::format("{} of meter {}: time '{}' is not an ISO time with offset, e.g. "
                                         "2026-06-01T08:00:00+08:00",
                                         where(), r.meter, p.timeText()));
            continue;
        }
        if (!std::isfinite(r.value)) {
            errors.push_back(fmt::format("{} of meter {}: the value is not a number", where(), r.meter));
            continue;
        }
        p.t = *t;
        p.campaign = !e.campaign.empty() ? e.campaign : options.campaign;
        if (!p.campaign.empty()) {
            auto known = knownCampaigns.find(p.campaign);
            if (known == knownCampaigns.end()) {
                auto exists = campaignExists(db, p.campaign);
                if (!exists)
                    return exists.status();
                known = knownCampaigns.emplace(p.campaign, *exists).first;
            }
            if (!known->second) {
                errors.push_back(fmt::format("{}: unknown campaign '{}'", where(), p.campaign));
                continue;
            }
        }
        prepared.push_back(std::move(p));
    }
    if (!errors.empty())
        return Status(ErrorKind::InvalidInput, joinErrors(errors));

    // 2. The campaign of readings that name none: the latest whose window holds the time.
    auto windows = campaignWindows(db);
    if (!windows)
        return windows.status();
    for (Prepared& p : prepared)
        if (p.campaign.empty() && control.assignByWindow)
            for (const CampaignWindow& w : *windows)
                if (p.t >= w.start && p.t <= w.end) {
                    p.campaign = w.id;
                    break;
                }

    // 3. Plausibility and repeats, meter by meter (a meter's readings in the order given), on a second
    // thread while this one writes the meters already checked: the checks of one meter never look at
    // another's readings. Entry numbers follow the order given.
    auto histories = loadHistories(db, *meters, wanted, flowUnit);
    if (!histories)
        return histories.status();
    auto counter = readingSeq(db);
    if (!counter)
        return counter.status();
    const long long firstSeq = *counter;
    std::unordered_map<const Meter*, std::pair<MeterHistory*, std::size_t>> byMeter; // history, rank by id
    std::size_t rank = 0;
    for (const auto& [id, meter] : *meters)
        byMeter.emplace(&meter, std::pair{&(*histories)[id], rank++});
    std::vector<std::vector<std::uint32_t>> groups(meters->size()); // by meter rank, in the order given
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        Prepared& p = prepared[i];
        const auto& [history, meterRank] = byMeter.at(p.meter);
        p.history = history;
        p.seq = firstSeq + static_cast<long long>(i) + 1;
        groups[meterRank].push_back(static_cast<std::uint32_t>(i));
    }
    if (Status s = setReadingSeq(db, firstSeq + static_cast<long long>(prepared.size())); !s)
        return s;

    std::mutex mutex;
    std::condition_variable groupChecked;
    std::size_t checkedGroups = 0;
    std::atomic<bool> stop{false};
    std::string checkFailure;
    auto checkGroups = [&] {
        try {
            for (std::size_t g = 0; g < groups.size() && !stop; ++g) {
                for (std::uint32_t i : groups[g]) {
                    Prepared& p = prepared[i];
                    const Reading& r = p.entry->reading;
                    MeterHistory& history = *p.history;
                    if (control.dedupe && history.hasIdentical(p.timeText(), r.value, p.t)) {
                        p.skipped = true;
                        continue;
                    }
                    if (p.time.empty()) {
                        p.found = campaign::checkReading(*p.meter, history.neighbourhood(r.meter, p.t), r,
                                                         flowUnit, history.expected);
                    } else {
                        Reading now = r;
                        now.time = p.time;
                        p.found = campaign::checkReading(*p.meter, history.neighbourhood(r.meter, p.t), now,
                                                         flowUnit, history.expected);
                    }
                    history.add(p.t, p.timeText(), r.value);
                }
                const std::lock_guard lock(mutex);
                checkedGroups = g + 1;
                groupChecked.notify_one();
            }
        } catch (const std::exception& e) {
            const std::lock_guard lock(mutex);
            checkFailure = e.what();
            checkedGroups = groups.size();
            groupChecked.notify_one();
        }
    };
    std::thread checker;
    if (prepared.size() >= 2000)
        checker = std::thread(checkGroups);
    else
        checkGroups();
    const auto stopChecker = qScopeGuard([&] {
        stop = true;
        if (checker.joinable())
            checker.join();
    });

    // 4. Written meter by meter in time order, so that every index grows at its end (a bulk import of
    // a million readings is several times faster so).
    auto insertOne = db.dialect().rowInserter(db.handle(), readingInsertSql(1));
    if (!insertOne)
        return insertOne.status();
    // Prepared only for a statement's worth of readings: for one reading added by hand, preparing the
    // 50-row statement would cost more than its insert.
    std::unique_ptr<RowInserter> insertMany;
    if (prepared.size() >= readingsPerStatement) {
        auto made = db.dialect().rowInserter(db.handle(), readingInsertSql(readingsPerStatement));
        if (!made)
            return made.status();
        insertMany = std::move(*made);
    }
    auto insertWarning = db.dialect().rowInserter(
        db.handle(),
        QStringLiteral("INSERT INTO reading_warning (warning_id, reading_id, version, change_id, kind, "
                       "message, reason) VALUES (?, ?, 1, ?, ?, ?, ?)"));
    if (!insertWarning)
        return insertWarning.status();
    RowInserter& warningRow = **insertWarning;
    const std::string change = changeId.toStdString();

    // The readings waiting for their statement, and the texts made for them: bound by reference, so
    // they must live until the statement has run.
    std::array<Prepared*, readingsPerStatement> batch{};
    std::array<std::string, readingsPerStatement> utcs, extras;
    std::size_t batched = 0;
    // The reading waiting in `slot`, as the `position`th row of the statement.
    auto bind = [&](RowInserter& row, std::size_t slot, std::size_t position) {
        const Prepared& p = *batch[slot];
        const Reading& r = p.entry->reading;
        const int base = static_cast<int>(position) * valuesPerReading;
        row.text(base + 0, p.id);
        row.text(base + 1, change);
        row.integer(base + 2, p.seq);
        if (p.campaign.empty())
            row.null(base + 3);
        else
            row.text(base + 3, p.campaign);
        row.text(base + 4, r.meter);
        row.text(base + 5, p.timeText());
        row.text(base + 6, utcs[slot]);
        row.real(base + 7, r.value);
        row.text(base + 8, r.technician);
        row.text(base + 9, r.device);
        row.text(base + 10, r.note);
        row.text(base + 11, p.photoHash());
        row.text(base + 12, extras[slot]);
    };
    // A warning names its reading's row, so it is written once that row is.
    std::string warningId;
    auto writeWarnings = [&](std::size_t first, std::size_t end) -> Status {
        for (std::size_t slot = first; slot < end; ++slot) {
            const Prepared& p = *batch[slot];
            const std::string& reason = !p.entry->reason.empty() ? p.entry->reason : options.reason;
            for (const campaign::ReadingCheck& check : p.found) {
                warningId = newId();
                warningRow.text(0, warningId);
                warningRow.text(1, p.id);
                warningRow.text(2, change);
                warningRow.text(3, warningKindText(check.warning));
                warningRow.text(4, check.message);
                warningRow.text(5, reason);
                if (Status s = warningRow.insert(); !s)
                    return s;
            }
        }
        return {};
    };

    std::optional<std::string> madeCampaign;
    std::vector<std::uint32_t> inTime;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        {
            std::unique_lock lock(mutex);
            groupChecked.wait(lock, [&] { return checkedGroups > g; });
            if (!checkFailure.empty())
                return Status(ErrorKind::Internal, "checking the readings: " + checkFailure);
        }
        inTime.clear();
        for (std::uint32_t i : groups[g])
            if (!prepared[i].skipped)
                inTime.push_back(i);
        std::stable_sort(inTime.begin(), inTime.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return prepared[a].t < prepared[b].t; });
        for (std::size_t k = 0; k < inTime.size(); ++k) {
            // The readings of one meter lie far apart in the input (one per round): fetch the next
            // ones while SQLite works on this one, or every row waits for two cache misses.
            if (k + prefetchDistance < inTime.size()) {
                const Prepared& ahead = prepared[inTime[k + prefetchDistance]];
                __builtin_prefetch(&ahead);
                __builtin_prefetch(ahead.entry);
            }
            Prepared* p = &prepared[inTime[k]];
            const Reading& r = p->entry->reading;
            if (p->campaign.empty() && control.makeCampaign) {
                if (!madeCampaign) {
                    auto made = control.makeCampaign();
                    if (!made)
                        return made.status();
                    madeCampaign = *made;
                }
                p->campaign = *madeCampaign;
            }
            if (!p->entry->photo.isEmpty()) {
                auto hash = storeAttachment(db, changeId, p->entry->photo, p->entry->photoType);
                if (!hash)
                    return hash.status();
                p->photo = *hash;
            }
            p->id = newId();
            batch[batched] = p;
            utcs[batched] = utcText(p->t);
            extras[batched] = r.extra.empty() ? std::string() : extrasToJson(r.extra);
            if (!insertMany) {
                bind(**insertOne, batched, 0);
                if (Status s = (*insertOne)->insert(); !s)
                    return s;
                if (Status s = writeWarnings(batched, batched + 1); !s)
                    return s;
                continue;
            }
            bind(*insertMany, batched, batched);
            if (++batched == readingsPerStatement) {
                if (Status s = insertMany->insert(); !s)
                    return s;
                if (Status s = writeWarnings(0, batched); !s)
                    return s;
                batched = 0;
            }
        }
    }
    // The last readings, fewer than a statement's worth, one row each.
    for (std::size_t slot = 0; slot < batched; ++slot) {
        bind(**insertOne, slot, 0);
        if (Status s = (*insertOne)->insert(); !s)
            return s;
        if (Status s = writeWarnings(slot, slot + 1); !s)
            return s;
    }

    // 5. The report, in the order given.
    if (checks)
        checks->assign(entries.size(), {});
    for (Prepared& p : prepared) {
        if (p.skipped) {
            ++report.readingsSkipped;
            continue;
        }
        ++report.readingsAdded;
        if (report.campaign.empty())
            report.campaign = p.campaign;
        for (const campaign::ReadingCheck& check : p.found) {
            ++report.warningCount;
            if (report.warnings.size() < 100)
                report.warnings.push_back(check.message);
        }
        if (options.returnIds)
            report.ids.push_back(p.id);
        if (checks)
            (*checks)[static_cast<std::size_t>(p.entry - entries.data())] = std::move(p.found);
    }
    return report;
}

} // namespace detail

Result<AddedReading> ProjectStore::addReading(const NewReading& entry, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto unit = flowUnit(*db_);
    if (!unit)
        return unit.status();
    auto change = recordChange(*db_, actor, "add reading", entry.reason,
                               fmt::format("meter {} at {}: {}", entry.reading.meter,
                                           entry.reading.time.empty() ? "now" : entry.reading.time,
                                           entry.reading.value));
    if (!change)
        return change.status();
    ImportOptions options;
    options.returnIds = true;
    std::vector<std::vector<campaign::ReadingCheck>> checks;
    auto report = insertReadings(*db_, *change, {entry}, options, InsertControl{}, *unit, &checks);
    if (!report)
        return report.status();
    if (Status s = transaction.commit(); !s)
        return s;
    return AddedReading{report->ids.front(), checks.front()};
}

Result<ImportReport> ProjectStore::addReadings(const std::vector<NewReading>& entries, const Actor& actor,
                                               const ImportOptions& options) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto unit = flowUnit(*db_);
    if (!unit)
        return unit.status();
    auto change = recordChange(*db_, actor, "import readings", options.reason,
                               fmt::format("{} readings{}", entries.size(),
                                           options.source.empty() ? "" : " from " + options.source));
    if (!change)
        return change.status();
    InsertControl control;
    control.dedupe = true;
    auto report = insertReadings(*db_, *change, entries, options, control, *unit, nullptr);
    if (!report)
        return report.status();
    if (Status s = transaction.commit(); !s)
        return s;
    return report;
}

namespace {

/// What the store's checks find about `candidate` against its meter's current readings (`excludeId`
/// left out: the reading being edited); empty when the meter is unknown or the time unreadable.
Result<std::vector<campaign::ReadingCheck>> checkAgainstHistory(Database& db, const Reading& candidate,
                                                                const std::string& unit,
                                                                const std::string& excludeId) {
    const std::set<std::string> only{candidate.meter};
    auto meters = liveMeters(db, &only);
    if (!meters)
        return meters.status();
    std::vector<campaign::ReadingCheck> found;
    if (const auto m = meters->find(candidate.meter); m != meters->end()) {
        auto histories = loadHistories(db, *meters, only, unit, excludeId);
        if (!histories)
            return histories.status();
        const MeterHistory& history = (*histories)[candidate.meter];
        if (const auto t = parseIsoTime(candidate.time))
            found = campaign::checkReading(m->second, history.neighbourhood(candidate.meter, *t), candidate,
                                           unit, history.expected);
    }
    return found;
}

} // namespace

Result<std::vector<campaign::ReadingCheck>> ProjectStore::checkReading(const Reading& candidate,
                                                                       const std::string& replacing) {
    if (Status s = requireOpen(false); !s)
        return s;
    auto unit = flowUnit(*db_);
    if (!unit)
        return unit.status();
    if (Status s = requireLiveMeter(*db_, candidate.meter); !s)
        return s;
    if (!parseIsoTime(candidate.time))
        return Status(ErrorKind::InvalidInput,
                      "time '" + candidate.time +
                          "' is not an ISO time with offset, e.g. 2026-06-01T08:00:00+08:00");
    return checkAgainstHistory(*db_, candidate, *unit, replacing);
}

Result<std::vector<campaign::ReadingCheck>> ProjectStore::editReading(const std::string& id, double newValue,
                                                                      const std::string& reason,
                                                                      const Actor& actor) {
    ReadingEdit edit;
    edit.value = newValue;
    edit.reason = reason;
    return editReading(id, edit, actor);
}

Result<std::vector<campaign::ReadingCheck>>
ProjectStore::editReading(const std::string& id, const ReadingEdit& edit, const Actor& actor) {
    const double newValue = edit.value;
    const std::string& reason = edit.reason;
    if (Status s = requireOpen(true); !s)
        return s;
    if (reason.empty())
        return Status(ErrorKind::InvalidInput, "an edit of a reading needs a reason");
    if (!std::isfinite(newValue))
        return Status(ErrorKind::InvalidInput, "the new value is not a number");
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto current = currentVersion(*db_, readingTable(), qs(id));
    if (!current)
        return current.status();
    if (!*current || (*current)->deleted)
        return Status(ErrorKind::NotFound,
                      !*current ? "no reading with id " + id : "reading " + id + " was deleted");
    const Version& v = **current;
    const EntityTable& table = readingTable();
    const int valueAt = fieldIndex(table, "value");
    const double oldValue = v.values[valueAt].toDouble();
    const int photoAt = fieldIndex(table, "photo");
    const bool newPhoto = !edit.photo.isEmpty() && ss(v.values[photoAt]) != sha256Hex(edit.photo);
    if (oldValue == newValue && !newPhoto)
        return std::vector<campaign::ReadingCheck>{};
    const std::string meterId = ss(v.values[fieldIndex(table, "meter_id")]);
    const std::string time = ss(v.values[fieldIndex(table, "time_text")]);
    auto unit = flowUnit(*db_);
    if (!unit)
        return unit.status();
    Reading candidate;
    candidate.meter = meterId;
    candidate.time = time;
    candidate.value = newValue;
    auto checked = checkAgainstHistory(*db_, candidate, *unit, id);
    if (!checked)
        return checked.status();
    const std::vector<campaign::ReadingCheck>& found = *checked;
    auto change = recordChange(*db_, actor, "edit reading", reason,
                               fmt::format("reading {} of meter {} at {}: {} → {}{}", id, meterId, time,
                                           auditText(oldValue).value_or(""), auditText(newValue).value_or(""),
                                           newPhoto ? ", a new photo of the register" : ""));
    if (!change)
        return change.status();
    QVariantList values = v.values;
    values[valueAt] = newValue;
    if (newPhoto) {
        auto hash = storeAttachment(*db_, *change, edit.photo, edit.photoType);
        if (!hash)
            return hash.status();
        values[photoAt] = qs(*hash);
    }
    auto written = putVersion(*db_, table, *change, qs(id), values, &v);
    if (!written)
        return written.status();
    for (const campaign::ReadingCheck& check : found)
        if (Status s = db_->execute(
                QStringLiteral("INSERT INTO reading_warning (warning_id, reading_id, version, "
                               "change_id, kind, message, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {qs(newId()), qs(id), v.version + 1, *change,
                 QString::fromLatin1(warningKindText(check.warning).data()), qs(check.message), qs(reason)});
            !s)
            return s;
    if (Status s = transaction.commit(); !s)
        return s;
    return found;
}

Status ProjectStore::deleteReading(const std::string& id, const std::string& reason, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    if (reason.empty())
        return {ErrorKind::InvalidInput, "deleting a reading needs a reason"};
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto current = currentVersion(*db_, readingTable(), qs(id));
    if (!current)
        return current.status();
    if (!*current || (*current)->deleted)
        return {ErrorKind::NotFound,
                !*current ? "no reading with id " + id : "reading " + id + " was deleted already"};
    auto change = recordChange(*db_, actor, "delete reading", reason, "reading " + id);
    if (!change)
        return change.status();
    if (Status s = markDeleted(*db_, readingTable(), *change, qs(id), **current); !s)
        return s;
    return transaction.commit();
}

Result<std::vector<StoredReading>> ProjectStore::readings(const ReadingFilter& filter) {
    if (Status s = requireOpen(false); !s)
        return s;
    QString sql =
        QStringLiteral("SELECT %1 FROM reading r JOIN change_set c ON c.change_id = r.change_id WHERE "
                       "r.superseded_by IS NULL")
            .arg(readingColumns);
    std::vector<std::string> args;
    if (!filter.includeDeleted)
        sql += QStringLiteral(" AND r.deleted = 0");
    if (!filter.meter.empty()) {
        sql += QStringLiteral(" AND r.meter_id = ?");
        args.push_back(filter.meter);
    }
    if (!filter.campaign.empty()) {
        sql += QStringLiteral(" AND r.campaign_id = ?");
        args.push_back(filter.campaign);
    }
    sql += QStringLiteral(" ORDER BY r.seq");
    auto rows = db_->dialect().rowReader(db_->handle(), sql, args);
    if (!rows)
        return rows.status();
    std::vector<StoredReading> out;
    for (;;) {
        auto more = (*rows)->next();
        if (!more)
            return more.status();
        if (!*more)
            break;
        out.push_back(storedFrom(**rows));
    }
    return out;
}

Result<StoredReading> ProjectStore::reading(const std::string& id) {
    if (Status s = requireOpen(false); !s)
        return s;
    auto q =
        db_->select(QStringLiteral("SELECT %1 FROM reading r JOIN change_set c ON c.change_id = r.change_id "
                                   "WHERE r.reading_id = ? AND r.superseded_by IS NULL")
                        .arg(readingColumns),
                    {qs(id)});
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::NotFound, "no reading with id " + id);
    return storedFrom(*q);
}

Result<std::vector<RecordedWarning>> ProjectStore::warnings(const std::string& readingId) {
    if (Status s = requireOpen(false); !s)
        return s;
    QString sql = QStringLiteral("SELECT reading_id, version, kind, message, reason FROM reading_warning");
    QVariantList args;
    if (!readingId.empty()) {
        sql += QStringLiteral(" WHERE reading_id = ?");
        args << qs(readingId);
    }
    sql += QStringLiteral(" ORDER BY warning_id");
    auto q = db_->select(sql, args);
    if (!q)
        return q.status();
    std::vector<RecordedWarning> out;
    while (q->next())
        out.push_back(
            {ss(q->value(0)), q->value(1).toInt(), ss(q->value(2)), ss(q->value(3)), ss(q->value(4))});
    return out;
}

Result<std::string> ProjectStore::addCampaign(const Campaign& campaign, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    if (Status s = checkCampaign(campaign); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    const std::string id = newId();
    auto change = recordChange(*db_, actor, "add campaign", "", campaign.name);
    if (!change)
        return change.status();
    auto written =
        putVersion(*db_, campaignTable(), *change, qs(id), campaignValues(campaign), nullptr, false);
    if (!written)
        return written.status();
    if (Status s = transaction.commit(); !s)
        return s;
    return id;
}

Status ProjectStore::updateCampaign(const Campaign& campaign, const Actor& actor, const std::string& reason) {
    if (Status s = requireOpen(true); !s)
        return s;
    if (Status s = checkCampaign(campaign); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto current = currentVersion(*db_, campaignTable(), qs(campaign.id));
    if (!current)
        return current.status();
    if (!*current || (*current)->deleted)
        return {ErrorKind::NotFound, "no campaign with id " + campaign.id};
    auto change = recordChange(*db_, actor, "edit campaign", reason, campaign.name);
    if (!change)
        return change.status();
    auto written =
        putVersion(*db_, campaignTable(), *change, qs(campaign.id), campaignValues(campaign), &**current);
    if (!written)
        return written.status();
    return transaction.commit();
}

Result<std::vector<Campaign>> ProjectStore::campaigns() {
    if (Status s = requireOpen(false); !s)
        return s;
    auto live = liveEntities(*db_, campaignTable());
    if (!live)
        return live.status();
    std::vector<Campaign> out;
    for (const auto& [key, version] : *live)
        out.push_back(campaignFrom(key, version.values));
    return out; // by id: in the order created
}

Status ProjectStore::setProduction(const std::string& campaignId, const ProductionData& data,
                                   const Actor& actor, const std::string& reason) {
    if (Status s = requireOpen(true); !s)
        return s;
    if (!std::isfinite(data.quantity) || (data.valueAdded && !std::isfinite(*data.valueAdded)) ||
        (data.workingDays && !std::isfinite(*data.workingDays)))
        return {ErrorKind::InvalidInput, "production figures must be numbers"};
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto exists = campaignExists(*db_, campaignId);
    if (!exists)
        return exists.status();
    if (!*exists)
        return {ErrorKind::NotFound, "no campaign with id " + campaignId};
    auto current = currentVersion(*db_, productionTable(), qs(campaignId));
    if (!current)
        return current.status();
    auto change = recordChange(*db_, actor, "set production data", reason, "campaign " + campaignId);
    if (!change)
        return change.status();
    auto written = putVersion(*db_, productionTable(), *change, qs(campaignId), productionValues(data),
                              *current ? &**current : nullptr);
    if (!written)
        return written.status();
    return transaction.commit();
}

Result<std::optional<ProductionData>> ProjectStore::production(const std::string& campaignId) {
    if (Status s = requireOpen(false); !s)
        return s;
    auto current = currentVersion(*db_, productionTable(), qs(campaignId));
    if (!current)
        return current.status();
    if (!*current || (*current)->deleted)
        return std::optional<ProductionData>();
    return std::optional<ProductionData>(productionFrom((*current)->values));
}

Result<std::string> ProjectStore::addAttachment(const QByteArray& bytes, const std::string& mediaType,
                                                const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto change = recordChange(*db_, actor, "add attachment", "", fmt::format("{} bytes", bytes.size()));
    if (!change)
        return change.status();
    auto hash = storeAttachment(*db_, *change, bytes, mediaType);
    if (!hash)
        return hash.status();
    if (Status s = transaction.commit(); !s)
        return s;
    return hash;
}

Result<QByteArray> ProjectStore::attachment(const std::string& sha256) {
    if (Status s = requireOpen(false); !s)
        return s;
    auto q = db_->select(QStringLiteral("SELECT content FROM attachment WHERE sha256 = ?"), {qs(sha256)});
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::NotFound, "no attachment " + sha256);
    return q->value(0).toByteArray();
}

Result<std::string> ProjectStore::saveResult(const std::string& campaignId, const std::string& kind,
                                             const std::string& json, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    auto change = recordChange(*db_, actor, "save result", "", kind);
    if (!change)
        return change.status();
    const std::string id = newId();
    if (Status s = db_->execute(
            QStringLiteral("INSERT INTO result (result_id, change_id, campaign_id, kind, "
                           "computed_utc, content) VALUES (?, ?, ?, ?, ?, ?)"),
            {qs(id), *change,
             campaignId.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(qs(campaignId)),
             qs(kind), qs(now().utc), qs(json)});
        !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    return id;
}

Result<std::vector<StoredResult>> ProjectStore::results(const std::string& campaignId) {
    if (Status s = requireOpen(false); !s)
        return s;
    QString sql = QStringLiteral("SELECT result_id, campaign_id, kind, computed_utc, content FROM result");
    QVariantList args;
    if (!campaignId.empty()) {
        sql += QStringLiteral(" WHERE campaign_id = ?");
        args << qs(campaignId);
    }
    sql += QStringLiteral(" ORDER BY computed_utc, result_id");
    auto q = db_->select(sql, args);
    if (!q)
        return q.status();
    std::vector<StoredResult> out;
    while (q->next())
        out.push_back({ss(q->value(0)), ss(q->value(1)), ss(q->value(2)), ss(q->value(3)), ss(q->value(4))});
    return out;
}

} // namespace shuiheng::store
