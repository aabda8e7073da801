#include "round_progress.h"

#include <QDateTime>
#include <QString>
#include <algorithm>
#include <cmath>

namespace rounds {

std::optional<double> epochSeconds(const std::string& isoTime) {
    const QDateTime time = QDateTime::fromString(QString::fromStdString(isoTime), Qt::ISODate);
    return time.isValid() ? std::optional<double>(double(time.toMSecsSinceEpoch()) / 1000.0) : std::nullopt;
}

double tolerance(const std::vector<double>& roundTimes) {
    double result = 90 * 60;
    for (std::size_t i = 1; i < roundTimes.size(); ++i)
        result = std::min(result, (roundTimes[i] - roundTimes[i - 1]) / 2);
    return result;
}

std::optional<std::size_t> readingInRound(const std::vector<double>& readingTimes, double round,
                                          double tolerance) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < readingTimes.size(); ++i) {
        const double distance = std::abs(readingTimes[i] - round);
        if (distance <= tolerance && (!best || distance < std::abs(readingTimes[*best] - round)))
            best = i;
    }
    return best;
}

Mark markOf(const std::vector<double>& readingTimes, double round, double tolerance, bool skipped,
            double now) {
    if (const auto i = readingInRound(readingTimes, round, tolerance))
        return readingTimes[*i] - round > lateAfterSeconds ? Mark::Late : Mark::OnTime;
    if (skipped)
        return Mark::Skipped;
    return round + tolerance < now ? Mark::Missed : Mark::Pending;
}

const char* toString(Mark mark) {
    switch (mark) {
    case Mark::Pending:
        return "pending";
    case Mark::OnTime:
        return "on-time";
    case Mark::Late:
        return "late";
    case Mark::Skipped:
        return "skipped";
    case Mark::Missed:
        return "missed";
    }
    return "pending";
}

} // namespace rounds
