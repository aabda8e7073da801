// The engine's memory layout and heap policy: OptionalNumber behaves as the std::optional<double> it
// replaces in EdgeEstimate, estimates take half a cache line, and with the programs' heap policy a
// repeated reconciliation gets its memory without page faults.

#include "balance/heap_policy.h"
#include "balance/optional_number.h"
#include "balance/reconciliation.h"
#include "random_networks.h"

#include <QtTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <sys/resource.h>

using namespace shuiheng::balance;

namespace {

long minorPageFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

/// Doubles of every kind: random bit patterns (denormals, infinities, NaNs of any payload among
/// them), the signed zeros, and ordinary flows.
double anyDouble(std::mt19937_64& rng) {
    switch (rng() % 4) {
    case 0:
        return std::bit_cast<double>(rng());
    case 1:
        return (rng() & 1) ? 0.0 : -0.0;
    default:
        return test::uniform01(rng) * 1e4 - 5e3;
    }
}

} // namespace

class TestEngineMemory : public QObject {
    Q_OBJECT

private slots:
    void absentByDefaultAndFromNullopt() {
        const OptionalNumber none;
        QVERIFY(!none.has_value());
        QVERIFY(!none);
        QVERIFY(none == std::nullopt);
        QVERIFY(!OptionalNumber(std::nullopt).has_value());
        QVERIFY(!OptionalNumber(std::optional<double>()).has_value());
        QCOMPARE(none.value_or(7.5), 7.5);
        QVERIFY_THROWS_EXCEPTION(std::bad_optional_access, none.value());
        QVERIFY(!static_cast<std::optional<double>>(none).has_value());
    }

    void aNaNIsAbsent() {
        // The engine never reports a NaN: one given to it reads as "no number", never as a number.
        const OptionalNumber nan(std::numeric_limits<double>::quiet_NaN());
        QVERIFY(!nan.has_value());
        QVERIFY(nan == OptionalNumber());
    }

    void behavesAsStdOptionalOnAnyDouble() {
        // Property: for any double and for absence, OptionalNumber answers as std::optional<double>
        // does (NaN excepted, above), and converting either way loses nothing, not even a zero's sign.
        std::mt19937_64 rng(20261126);
        for (int k = 0; k < 100000; ++k) {
            const double x = anyDouble(rng);
            const bool present = !std::isnan(x) && rng() % 5 != 0;
            const std::optional<double> reference = present ? std::optional<double>(x) : std::nullopt;
            OptionalNumber n = reference;
            QCOMPARE(n.has_value(), present);
            QCOMPARE(static_cast<bool>(n), present);
            QCOMPARE(n.value_or(-1.25), present ? x : -1.25);
            const std::optional<double> back = n;
            QCOMPARE(back.has_value(), present);
            if (present) {
                QCOMPARE(std::bit_cast<std::uint64_t>(*n), std::bit_cast<std::uint64_t>(x));
                QCOMPARE(std::bit_cast<std::uint64_t>(n.value()),
                         std::bit_cast<std::uint64_t>(back.value_or(0)));
            }
            // Equality as std::optional has it: both absent, or both present and equal.
            const bool same = rng() % 2 == 0;
            const double y = same ? x : anyDouble(rng);
            const bool otherPresent = same ? present : !std::isnan(y);
            const OptionalNumber other = otherPresent ? OptionalNumber(y) : OptionalNumber();
            QCOMPARE(n == other, present == otherPresent && (!present || x == y));
            n.reset();
            QVERIFY(!n.has_value());
        }
    }

    void anEstimateIsHalfACacheLine() {
        QCOMPARE(sizeof(EdgeEstimate), std::size_t{32});
        QCOMPARE(alignof(EdgeEstimate), std::size_t{32});
        const std::vector<EdgeEstimate> estimates(3);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(estimates.data()) % 32, std::uintptr_t{0});
    }

    void repeatedReconciliationTakesNoPageFaults() {
        // With the programs' heap policy the second reconciliation of a plant reuses the memory the
        // first one freed; glibc's default would hand most of it back and fault it in again.
        keepFreedMemory();
        const auto plant = test::largePlant(42, 20000);
        const ReconciliationResult first = reconcile(plant.network);
        QVERIFY(first.failure.empty());
        for (int k = 0; k < 2; ++k) // the heap grows once more: `first` holds part of it
            reconcile(plant.network);
        long faults = 0;
        for (int k = 0; k < 3; ++k) {
            const long before = minorPageFaults();
            const ReconciliationResult again = reconcile(plant.network);
            faults = std::max(faults, minorPageFaults() - before);
            QCOMPARE(again.global.statistic, first.global.statistic);
        }
        qInfo("page faults of a repeated reconciliation of %zu streams: at most %ld",
              plant.network.edges.size(), faults);
        QVERIFY2(faults < 50, qPrintable(QString("%1 page faults").arg(faults)));
    }
};

QTEST_GUILESS_MAIN(TestEngineMemory)
#include "tst_engine_memory.moc"
