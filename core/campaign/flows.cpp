// Meter readings → measured flows (shared/contract.md, "Campaign data in the plant file";
// docs/campaigns.md says the same in our words and gives the grading rules).

#include "campaign/flows.h"

#include "model/iso_time.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

namespace shuiheng::campaign {
namespace {

/// A reading with its parsed time, for sorting by time (never by the text).
/// What the derivation needs of a reading, kept together so that it never goes back to the
/// (large) Reading objects scattered in memory.
struct TimedReading {
    double time = 0;       ///< seconds since 1970 UTC
    double value = 0;      ///< the reading's value
    std::size_t index = 0; ///< into Plant::readings
    bool photo = false;    ///< it has a photo
};

/// What one meter gives: its samples and what was left out on the way.
struct MeterSamples {
    std::size_t meter = 0;
    std::vector<TimedReading> readings; ///< usable readings, in time order
    std::vector<FlowSample> samples;
    int leftOut = 0;           ///< readings or intervals that could not be used (each has a diagnostic)
    std::size_t used = 0;      ///< readings the samples use
    std::size_t withPhoto = 0; ///< of them, those with a photo
};

std::string at(std::string_view list, std::size_t i) {
    return fmt::format("{}[{}]", list, i);
}

std::string meterName(const Meter& m) {
    return "meter " + m.id;
}

/// Shortest text that reads back as the same number.
std::string num(double value) {
    return fmt::format("{}", value);
}

class Deriver {
public:
    explicit Deriver(const Plant& plant)
        : plant_(plant) {}

    FlowDerivation run() {
        const auto plantFactor = flowUnitInCubicMetresPerHour(plant_.flowUnit);
        if (!plantFactor) {
            report(Severity::Error, "plant", "", "flowUnit",
                   fmt::format("unknown flow unit '{}': no flow can be derived", plant_.flowUnit));
            return std::move(out_);
        }
        plantFactor_ = *plantFactor;
        if (plant_.meters.empty())
            return std::move(out_);
        collectReadings();
        std::unordered_map<std::string_view, std::vector<std::size_t>> metersOfStream;
        for (std::size_t m = 0; m < perMeter_.size(); ++m)
            metersOfStream[plant_.meters[perMeter_[m].meter].stream].push_back(m);
        for (std::size_t s = 0; s < plant_.streams.size(); ++s) {
            const auto it = metersOfStream.find(plant_.streams[s].id);
            if (it == metersOfStream.end())
                continue;
            deriveStream(s, it->second);
            metersOfStream.erase(it); // a repeated stream id gets its meters once
        }
        return std::move(out_);
    }

private:
    const Plant& plant_;
    double plantFactor_ = 1;
    std::vector<MeterSamples> perMeter_; ///< one per distinct meter id, in file order
    FlowDerivation out_;

    void report(Severity severity, std::string location, std::string subject, std::string field,
                std::string message) {
        out_.diagnostics.push_back(
            {severity, std::move(location), std::move(subject), std::move(field), std::move(message)});
    }

    static std::optional<double> windowEdge(const std::string& text) {
        return text.empty() ? std::nullopt : parseIsoTime(text);
    }

    void collectReadings() {
        std::unordered_map<std::string_view, std::size_t> slotOfMeter;
        for (std::size_t m = 0; m < plant_.meters.size(); ++m)
            if (slotOfMeter.try_emplace(plant_.meters[m].id, perMeter_.size()).second)
                perMeter_.push_back({m, {}, {}, 0, 0, 0});
        std::string_view lastText;
        std::optional<double> lastTime;
        for (std::size_t i = 0; i < plant_.readings.size(); ++i) {
            const Reading& r = plant_.readings[i];
            const auto slot = slotOfMeter.find(r.meter);
            if (slot == slotOfMeter.end()) {
                report(Severity::Error, at("readings", i), "reading of meter " + r.meter, "meter",
                       fmt::format("unknown meter '{}': the reading is left out", r.meter));
                continue;
            }
            MeterSamples& ms = perMeter_[slot->second];
            // Readings come in rounds: many in a row share the time text, parsed once.
            if (r.time != lastText) {
                lastText = r.time;
                lastTime = parseIsoTime(r.time);
            }
            const auto time = lastTime;
            if (!time || !std::isfinite(r.value)) {
                report(Severity::Error, at("readings", i), "reading of meter " + r.meter,
                       time ? "value" : "time",
                       time ? std::string("not a finite number: the reading is left out")
                            : fmt::format("'{}' is not an ISO 8601 time with offset: the reading is left out",
                                          r.time));
                ++ms.leftOut;
                continue;
            }
            ms.readings.push_back({*time, r.value, i, !r.photo.empty()});
        }
        for (MeterSamples& ms : perMeter_) {
            const Meter& meter = plant_.meters[ms.meter];
            const auto installed = windowEdge(meter.installed);
            const auto removed = windowEdge(meter.removed);
            if (installed || removed) {
                std::erase_if(ms.readings, [&](const TimedReading& tr) {
                    const bool before = installed && tr.time < *installed;
                    const bool after = removed && tr.time > *removed;
                    if (!before && !after)
                        return false;
                    report(Severity::Warning, at("readings", tr.index), meterName(meter), "time",
                           fmt::format("{} is {} the meter was {} ({}): the reading is left out",
                                       plant_.readings[tr.index].time, before ? "before" : "after",
                                       before ? "installed" : "removed",
                                       before ? meter.installed : meter.removed));
                    ++ms.leftOut;
                    return true;
                });
            }
            std::sort(ms.readings.begin(), ms.readings.end(),
                      [](const TimedReading& a, const TimedReading& b) {
                          return a.time < b.time || (a.time == b.time && a.index < b.index);
                      });
            if (meter.kind == MeterKind::Totalizer)
                totalizerSamples(ms);
            else
                flowrateSamples(ms);
        }
    }

    void totalizerSamples(MeterSamples& ms) {
        const Meter& meter = plant_.meters[ms.meter];
        const std::string where = at("meters", ms.meter);
        const auto volume = volumeUnitInCubicMetres(meter.unit);
        if (!volume) {
            report(Severity::Error, where, meterName(meter), "unit",
                   fmt::format("unknown volume unit '{}': the meter gives no flow", meter.unit));
            return;
        }
        if (ms.readings.size() < 2) {
            report(Severity::Warning, where, meterName(meter), "",
                   ms.readings.empty() ? std::string("no reading: a totalizer needs two to give a flow")
                                       : fmt::format("one reading ({}): a totalizer needs two to give a flow",
                                                     plant_.readings[ms.readings.front().index].time));
            return;
        }
        const double toPlantUnit = *volume * meter.factor / plantFactor_;
        ms.samples.reserve(ms.readings.size() - 1);
        std::size_t previous = 0;
        std::size_t lastEnd = ms.readings.size(); // none yet
        for (std::size_t k = 1; k < ms.readings.size(); ++k) {
            const TimedReading& a = ms.readings[previous];
            const TimedReading& b = ms.readings[k];
            const double seconds = b.time - a.time;
            if (seconds <= 0) {
                // Sorted, so equal times: an interval of zero length has no flow.
                report(Severity::Error, at("readings", b.index), meterName(meter), "time",
                       fmt::format("readings[{}] and readings[{}] are at the same time ({}): an interval of "
                                   "zero length has no flow; readings[{}] (value {}) is left out",
                                   a.index, b.index, plant_.readings[b.index].time, b.index, num(b.value)));
                ++ms.leftOut;
                continue; // the interval goes on from the first of the two
            }
            double difference = b.value - a.value;
            bool rolledOver = false;
            if (difference < 0) {
                if (!meter.rollover) {
                    report(Severity::Error, at("readings", b.index), meterName(meter), "value",
                           fmt::format("{} at {} is lower than {} at {} and the meter has no rollover: the "
                                       "interval is left out (a misreading, or a replaced meter?)",
                                       num(b.value), plant_.readings[b.index].time, num(a.value),
                                       plant_.readings[a.index].time));
                    ++ms.leftOut;
                    previous = k;
                    continue;
                }
                difference += *meter.rollover;
                rolledOver = true;
            }
            const double hours = seconds / 3600.0;
            FlowSample sample;
            sample.firstReading = a.index;
            sample.lastReading = b.index;
            sample.flow = difference * toPlantUnit / hours;
            sample.rolledOver = rolledOver;
            sample.meter = ms.meter;
            sample.hours = hours;
            ms.samples.push_back(sample);
            // Evidence: the first reading of the interval is new unless it ended the last one.
            if (lastEnd != previous) {
                ++ms.used;
                ms.withPhoto += a.photo ? 1 : 0;
            }
            ++ms.used;
            ms.withPhoto += b.photo ? 1 : 0;
            lastEnd = k;
            previous = k;
        }
    }

    void flowrateSamples(MeterSamples& ms) {
        const Meter& meter = plant_.meters[ms.meter];
        const auto flowUnit = flowUnitInCubicMetresPerHour(meter.unit);
        if (!flowUnit) {
            report(Severity::Error, at("meters", ms.meter), meterName(meter), "unit",
                   fmt::format("unknown flow unit '{}': the meter gives no flow", meter.unit));
            return;
        }
        if (ms.readings.empty()) {
            report(Severity::Warning, at("meters", ms.meter), meterName(meter), "", "no reading");
            return;
        }
        const double toPlantUnit = *flowUnit / plantFactor_;
        ms.samples.reserve(ms.readings.size());
        for (const TimedReading& tr : ms.readings) {
            FlowSample sample;
            sample.firstReading = sample.lastReading = tr.index;
            sample.flow = tr.value * toPlantUnit;
            sample.meter = ms.meter;
            ms.samples.push_back(sample);
            ++ms.used;
            ms.withPhoto += tr.photo ? 1 : 0;
        }
    }

    /// The time a meter's samples start: its installation, else its first usable reading.
    double startOf(const MeterSamples& ms) const {
        if (const auto installed = windowEdge(plant_.meters[ms.meter].installed))
            return *installed;
        return ms.readings.empty() ? 0 : ms.readings.front().time;
    }

    void deriveStream(std::size_t stream, std::vector<std::size_t> meters) {
        const Stream& s = plant_.streams[stream];
        std::stable_sort(meters.begin(), meters.end(), [&](std::size_t a, std::size_t b) {
            return startOf(perMeter_[a]) < startOf(perMeter_[b]);
        });
        DerivedFlow flow;
        flow.stream = s.id;
        double mpeSum = 0;
        std::size_t n = 0;
        for (std::size_t m : meters) {
            const MeterSamples& ms = perMeter_[m];
            if (ms.samples.empty())
                continue;
            const Meter& meter = plant_.meters[ms.meter];
            flow.meters.push_back(meter.id);
            mpeSum += meter.mpe * static_cast<double>(ms.samples.size());
            n += ms.samples.size();
        }
        if (n == 0) {
            report(Severity::Warning, at("streams", stream), "stream " + s.id, "",
                   "the stream is metered but no reading gives a flow: it stays unmeasured");
            return;
        }
        flow.n = static_cast<int>(n);
        grade(flow, meters);
        // The samples, meter after meter: each meter's are no longer needed on their own.
        flow.samples.reserve(n);
        for (std::size_t m : meters) {
            MeterSamples& ms = perMeter_[m];
            if (flow.samples.empty())
                flow.samples = std::move(ms.samples);
            else
                flow.samples.insert(flow.samples.end(), ms.samples.begin(), ms.samples.end());
            ms.samples.clear();
        }
        double sum = 0;
        for (const FlowSample& sample : flow.samples)
            sum += sample.flow;
        const double mean = sum / static_cast<double>(n);
        double squares = 0;
        for (const FlowSample& sample : flow.samples)
            squares += (sample.flow - mean) * (sample.flow - mean);
        flow.meter = flow.meters.back();
        flow.value = mean;
        flow.uA =
            n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) / std::sqrt(static_cast<double>(n)) : 0;
        flow.mpe = mpeSum / static_cast<double>(n);
        flow.uB = flow.mpe * std::abs(mean) / std::sqrt(3.0);
        flow.sigma = std::hypot(flow.uA, flow.uB);
        out_.flows.push_back(std::move(flow));
    }

    /// The grade (docs/campaigns.md): every shortcoming costs one or two steps from A, down to D.
    void grade(DerivedFlow& flow, const std::vector<std::size_t>& meters) const {
        int steps = 0;
        std::vector<std::string> estimated, notRecorded, expired;
        int leftOut = 0;
        std::size_t withPhoto = 0, evidenced = 0;
        for (std::size_t m : meters) {
            const MeterSamples& ms = perMeter_[m];
            leftOut += ms.leftOut;
            if (ms.samples.empty())
                continue;
            const Meter& meter = plant_.meters[ms.meter];
            if (meter.method == ReadingMethod::Estimate) {
                estimated.push_back(meter.id);
                continue; // no register to photograph, no instrument to calibrate
            }
            evidenced += ms.used;
            withPhoto += ms.withPhoto;
            // The local date of the last reading used, as written.
            const std::string& lastTime = plant_.readings[ms.samples.back().lastReading].time;
            const std::string lastDate = lastTime.substr(0, 10);
            if (meter.calibrationDate.empty() && meter.calibrationDue.empty())
                notRecorded.push_back(meter.id);
            else if (meter.calibrationDue.size() == 10 && lastDate > meter.calibrationDue)
                expired.push_back(fmt::format("meter {} was due {}, read until {}", meter.id,
                                              meter.calibrationDue, lastDate));
        }
        auto join = [](const std::vector<std::string>& items) {
            std::string text;
            for (const std::string& item : items)
                text += (text.empty() ? "" : ", ") + item;
            return text;
        };
        if (!estimated.empty()) {
            steps += 2;
            flow.gradeReasons.push_back("estimated, not measured (" + join(estimated) + ")");
        }
        if (!expired.empty()) {
            steps += 2;
            flow.gradeReasons.push_back("calibration expired: " + join(expired));
        }
        if (!notRecorded.empty()) {
            steps += 1;
            flow.gradeReasons.push_back("no calibration recorded (" + join(notRecorded) + ")");
        }
        if (flow.n == 1) {
            steps += 1;
            flow.gradeReasons.push_back("a single sample: its repeatability is unknown (uA = 0)");
        }
        if (withPhoto < evidenced) {
            steps += 1;
            flow.gradeReasons.push_back(fmt::format("{} of {} readings {} no photo", evidenced - withPhoto,
                                                    evidenced, evidenced - withPhoto == 1 ? "has" : "have"));
        }
        if (leftOut > 0) {
            steps += 1;
            flow.gradeReasons.push_back(
                fmt::format("{} reading{} or interval{} left out (see the diagnostics)", leftOut,
                            leftOut == 1 ? "" : "s", leftOut == 1 ? "" : "s"));
        }
        flow.grade = static_cast<QualityGrade>(std::min(steps, 3));
    }
};

} // namespace

FlowDerivation deriveFlows(const Plant& plant) {
    return Deriver(plant).run();
}

Plant withDerivedMeasurements(const Plant& plant, const FlowDerivation& derivation) {
    Plant out = plant;
    std::unordered_map<std::string_view, std::size_t> streamIndex;
    for (std::size_t s = 0; s < out.streams.size(); ++s)
        streamIndex.try_emplace(out.streams[s].id, s);
    for (const DerivedFlow& flow : derivation.flows)
        if (const auto it = streamIndex.find(flow.stream); it != streamIndex.end())
            out.streams[it->second].measurement = Measurement{flow.value, flow.sigma, {}};
    return out;
}

Plant withDerivedMeasurements(const Plant& plant) {
    if (plant.meters.empty())
        return plant;
    return withDerivedMeasurements(plant, deriveFlows(plant));
}

std::string_view toString(QualityGrade grade) {
    switch (grade) {
    case QualityGrade::A:
        return "A";
    case QualityGrade::B:
        return "B";
    case QualityGrade::C:
        return "C";
    case QualityGrade::D:
        return "D";
    }
    return "?";
}

} // namespace shuiheng::campaign
