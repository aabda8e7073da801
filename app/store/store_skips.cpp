// Readings skipped in a round: the meter was not read, and why. Insert-only rows of reading_skip,
// each in a change of its own, so the skip and its reason are in the project's log.

#include "model/iso_time.h"
#include "store/ids.h"
#include "store/store_internal.h"

#include <QSqlQuery>
#include <fmt/format.h>

namespace shuiheng::store {

using namespace detail;

Result<std::string> ProjectStore::skipReading(const SkippedReading& skip, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    if (skip.reason.empty())
        return Status(ErrorKind::InvalidInput, "skipping meter " + skip.meter + " needs a reason");
    const auto t = parseIsoTime(skip.round);
    if (!t)
        return Status(ErrorKind::InvalidInput,
                      "round '" + skip.round +
                          "' is not an ISO time with offset, e.g. 2026-06-01T08:00:00+08:00");
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Status s = requireLiveMeter(*db_, skip.meter); !s)
        return s;
    std::string campaign = skip.campaign;
    if (campaign.empty()) {
        auto holding = campaignHolding(*db_, {*t});
        if (!holding)
            return holding.status();
        campaign = *holding;
    }
    auto change = recordChange(*db_, actor, "skip reading", skip.reason,
                               fmt::format("meter {} in the round of {}", skip.meter, skip.round));
    if (!change)
        return change.status();
    const std::string id = newId();
    if (Status s = db_->execute(QStringLiteral("INSERT INTO reading_skip (skip_id, change_id, campaign_id, "
                                               "meter_id, round_text, round_utc, reason) VALUES (?, ?, ?, ?, "
                                               "?, ?, ?)"),
                                {qs(id), *change, campaign.empty() ? QVariant() : QVariant(qs(campaign)),
                                 qs(skip.meter), qs(skip.round), qs(utcText(*t)), qs(skip.reason)});
        !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    return id;
}

Result<std::vector<SkippedReading>> ProjectStore::skippedReadings(const std::string& campaignId) {
    if (Status s = requireOpen(false); !s)
        return s;
    QString sql = QStringLiteral("SELECT s.skip_id, s.campaign_id, s.meter_id, s.round_text, s.round_utc, "
                                 "s.reason, c.at_utc, c.who FROM reading_skip s JOIN change_set c ON "
                                 "c.change_id = s.change_id");
    QVariantList args;
    if (!campaignId.empty()) {
        sql += QStringLiteral(" WHERE s.campaign_id = ?");
        args << qs(campaignId);
    }
    sql += QStringLiteral(" ORDER BY c.at_utc, s.skip_id");
    auto q = db_->select(sql, args);
    if (!q)
        return q.status();
    std::vector<SkippedReading> out;
    while (q->next()) {
        SkippedReading s;
        s.id = ss(q->value(0));
        s.campaign = ss(q->value(1));
        s.meter = ss(q->value(2));
        s.round = ss(q->value(3));
        s.roundUtc = ss(q->value(4));
        s.reason = ss(q->value(5));
        s.at = ss(q->value(6));
        s.who = ss(q->value(7));
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace shuiheng::store
