#include "store/ids.h"

#include "model/iso_time.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <mutex>

namespace shuiheng::store {

std::string newId() {
    // 48 bits of Unix milliseconds, version 7, 12 bits of counter within the millisecond (so ids of
    // one process sort in creation order), the variant, 62 random bits.
    static std::mutex mutex;
    static std::uint64_t lastMs = 0;
    static std::uint32_t counter = 0;
    std::uint64_t ms = 0;
    std::uint32_t seq = 0;
    {
        const std::lock_guard lock(mutex);
        ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
        if (ms <= lastMs) {
            ms = lastMs;
            if (++counter > 0xfff) { // 4096 ids in one millisecond: borrow the next millisecond
                ++ms;
                counter = 0;
            }
        } else {
            counter = QRandomGenerator::global()->bounded(0x400u); // leave room to count up
        }
        lastMs = ms;
        seq = counter;
    }
    const std::uint64_t random = QRandomGenerator::global()->generate64();
    const std::uint64_t high = (ms << 16) | 0x7000u | seq;
    const std::uint64_t low = (random & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    static constexpr char hex[] = "0123456789abcdef";
    std::string text(36, '-');
    std::size_t at = 0;
    auto put = [&](std::uint64_t value, int digits) {
        for (int i = digits - 1; i >= 0; --i)
            text[at++] = hex[(value >> (4 * i)) & 0xf];
    };
    put(high >> 32, 8);
    ++at;
    put((high >> 16) & 0xffff, 4);
    ++at;
    put(high & 0xffff, 4);
    ++at;
    put(low >> 48, 4);
    ++at;
    put(low & 0xffffffffffffULL, 12);
    return text;
}

bool looksLikeId(std::string_view text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

std::string utcText(double epochSeconds) {
    // By hand rather than through QDateTime: a bulk import formats a million of these.
    using namespace std::chrono;
    const auto ms = static_cast<long long>(std::floor(epochSeconds * 1000.0 + 0.5));
    const long long msPerDay = 86400000LL;
    long long days = ms / msPerDay, rest = ms % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    const year_month_day date{sys_days{std::chrono::days{days}}};
    const int y = static_cast<int>(date.year());
    if (y < 0 || y > 9999)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
    std::string text = "0000-00-00T00:00:00.000Z";
    auto put = [&](std::size_t at, long long value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            text[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, y, 4);
    put(5, static_cast<unsigned>(date.month()), 2);
    put(8, static_cast<unsigned>(date.day()), 2);
    put(11, rest / 3600000, 2);
    put(14, rest / 60000 % 60, 2);
    put(17, rest / 1000 % 60, 2);
    put(20, rest % 1000, 3);
    return text;
}

std::optional<std::string> utcTextOf(std::string_view isoTime) {
    const auto seconds = parseIsoTime(isoTime);
    if (!seconds)
        return std::nullopt;
    return utcText(*seconds);
}

Now now() {
    const QDateTime local = QDateTime::currentDateTime();
    return {utcText(static_cast<double>(local.toMSecsSinceEpoch()) / 1000.0), local.offsetFromUtc() / 60};
}

std::string localNowText() {
    const QDateTime local = QDateTime::currentDateTime();
    const QDateTime withOffset =
        QDateTime::fromSecsSinceEpoch(local.toSecsSinceEpoch(), Qt::OffsetFromUTC, local.offsetFromUtc());
    return withOffset.toString(Qt::ISODate).toStdString();
}

} // namespace shuiheng::store
