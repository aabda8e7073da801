// Plausibility of a reading at entry: warnings with a reason, never a block (docs/campaigns.md).

#include "campaign/reading_checks.h"

#include "campaign/flows.h"
#include "model/iso_time.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace shuiheng::campaign {
namespace {

/// Two parsed times closer than this are the same time (parsing leaves rounding in fractions).
constexpr double sameTimeSeconds = 1e-3;

std::string num(double value) {
    return fmt::format("{}", value);
}

std::string flowText(double flow, const std::string& unit) {
    return fmt::format("{:.4g} {}", flow, unit);
}

std::string hoursText(double hours) {
    return hours >= 48 ? fmt::format("{:.3g} d", hours / 24) : fmt::format("{:.3g} h", hours);
}

struct Neighbours {
    const Reading* previous = nullptr; ///< latest strictly before the candidate
    double previousTime = 0;
    const Reading* next = nullptr; ///< earliest strictly after the candidate
    double nextTime = 0;
    const Reading* latest = nullptr; ///< latest of all
    double latestTime = 0;
    const Reading* same = nullptr; ///< one at the candidate's time
};

Neighbours neighbours(const Meter& meter, const std::vector<Reading>& history, double time) {
    Neighbours n;
    for (const Reading& r : history) {
        if (!r.meter.empty() && r.meter != meter.id)
            continue;
        if (!std::isfinite(r.value))
            continue;
        const auto t = parseIsoTime(r.time);
        if (!t)
            continue;
        if (!n.latest || *t > n.latestTime) {
            n.latest = &r;
            n.latestTime = *t;
        }
        if (std::abs(*t - time) < sameTimeSeconds) {
            if (!n.same)
                n.same = &r;
        } else if (*t < time) {
            if (!n.previous || *t > n.previousTime) {
                n.previous = &r;
                n.previousTime = *t;
            }
        } else if (!n.next || *t < n.nextTime) {
            n.next = &r;
            n.nextTime = *t;
        }
    }
    return n;
}

/// The flow the candidate implies, in the plant's flow unit: over the interval since the previous
/// reading (totalizer, rollover counted) or the reading itself (flowrate); `over` says which.
std::optional<double> impliedFlow(const Meter& meter, double value, double time, const Neighbours& n,
                                  const std::string& plantFlowUnit, std::string& over) {
    const auto plantFactor = flowUnitInCubicMetresPerHour(plantFlowUnit);
    if (!plantFactor)
        return std::nullopt;
    if (meter.kind == MeterKind::Flowrate) {
        const auto unit = flowUnitInCubicMetresPerHour(meter.unit);
        if (!unit)
            return std::nullopt;
        over = "the flow";
        return value * *unit / *plantFactor;
    }
    const auto volume = volumeUnitInCubicMetres(meter.unit);
    if (!volume || !n.previous || time <= n.previousTime)
        return std::nullopt;
    double difference = value - n.previous->value;
    if (difference < 0 && meter.rollover)
        difference += *meter.rollover;
    if (difference < 0)
        return std::nullopt;
    const double hours = (time - n.previousTime) / 3600.0;
    over = fmt::format("the implied flow over {} since {}", hoursText(hours), n.previous->time);
    return difference * meter.factor * *volume / hours / *plantFactor;
}

} // namespace

std::vector<ReadingCheck> checkReading(const Meter& meter, const std::vector<Reading>& history,
                                       const Reading& candidate, const std::string& plantFlowUnit,
                                       const std::optional<ExpectedRange>& expected) {
    std::vector<ReadingCheck> out;
    if (!std::isfinite(candidate.value)) {
        out.push_back({ReadingWarning::NotFinite,
                       fmt::format("meter {}: the value at {} is not a number", meter.id, candidate.time)});
        return out;
    }
    const auto time = parseIsoTime(candidate.time);
    if (!time)
        return out;
    const Neighbours n = neighbours(meter, history, *time);
    const bool totalizer = meter.kind == MeterKind::Totalizer;

    if (n.latest && *time < n.latestTime - sameTimeSeconds)
        out.push_back(
            {ReadingWarning::TimeOutOfOrder,
             fmt::format("meter {}: {} is earlier than its latest reading ({} at {}): entered late, "
                         "or is the device clock wrong?",
                         meter.id, candidate.time, num(n.latest->value), n.latest->time)});
    if (n.same)
        out.push_back(
            {ReadingWarning::Duplicate,
             fmt::format("meter {} already has a reading at {} ({}){}", meter.id, n.same->time,
                         num(n.same->value),
                         n.same->value == candidate.value
                             ? ": the same value, entered twice?"
                             : fmt::format(", this one says {}: which holds?", num(candidate.value)))});
    if (totalizer && n.previous && candidate.value < n.previous->value) {
        const std::string why =
            meter.rollover ? fmt::format("did the register pass its rollover at {}, or is it a misreading?",
                                         num(*meter.rollover))
                           : std::string("the meter has no rollover: a misreading, or a replaced meter?");
        out.push_back({ReadingWarning::BelowPrevious,
                       fmt::format("meter {}: {} at {} is lower than the previous reading {} at {}: {}",
                                   meter.id, num(candidate.value), candidate.time, num(n.previous->value),
                                   n.previous->time, why)});
    }
    if (totalizer && n.next && n.next->value < candidate.value && !meter.rollover)
        out.push_back(
            {ReadingWarning::BelowPrevious,
             fmt::format("meter {}: {} at {} is higher than the next reading {} at {}: a misreading?",
                         meter.id, num(candidate.value), candidate.time, num(n.next->value), n.next->time)});

    std::string over;
    const auto flow = impliedFlow(meter, candidate.value, *time, n, plantFlowUnit, over);
    if (expected && flow && (*flow < expected->low || *flow > expected->high))
        out.push_back({ReadingWarning::OutsideExpected,
                       fmt::format("meter {}: {} at {}: {} is {}, outside the expected {} to {}", meter.id,
                                   num(candidate.value), candidate.time, over, flowText(*flow, plantFlowUnit),
                                   num(expected->low), flowText(expected->high, plantFlowUnit))});
    // Order of the enum: BelowPrevious, OutsideExpected, TimeOutOfOrder, Duplicate, NotFinite.
    std::stable_sort(out.begin(), out.end(),
                     [](const ReadingCheck& a, const ReadingCheck& b) { return a.warning < b.warning; });
    return out;
}

std::optional<ExpectedRange> expectedRangeFromHistory(const Meter& meter, const std::vector<Reading>& history,
                                                      const std::string& plantFlowUnit, double spread) {
    // The meter alone on a stream of its own: deriveFlows computes its flows exactly as for the plant.
    Plant plant;
    plant.flowUnit = plantFlowUnit;
    Stream stream;
    stream.id = meter.stream.empty() ? std::string("stream") : meter.stream;
    plant.streams.push_back(stream);
    Meter alone = meter;
    alone.stream = stream.id;
    alone.installed.clear();
    alone.removed.clear();
    plant.meters.push_back(alone);
    for (const Reading& r : history)
        if (r.meter.empty() || r.meter == meter.id) {
            plant.readings.push_back(r);
            plant.readings.back().meter = meter.id;
        }
    const FlowDerivation derivation = deriveFlows(plant);
    if (derivation.flows.empty() || derivation.flows.front().samples.size() < 2)
        return std::nullopt;
    std::vector<double> flows;
    for (const FlowSample& sample : derivation.flows.front().samples)
        flows.push_back(sample.flow);
    std::sort(flows.begin(), flows.end());
    const std::size_t middle = flows.size() / 2;
    const double median = flows.size() % 2 ? flows[middle] : (flows[middle - 1] + flows[middle]) / 2;
    const double a = median * (1 - spread), b = median * (1 + spread);
    return ExpectedRange{std::min(a, b), std::max(a, b)};
}

} // namespace shuiheng::campaign
