#include "validation/validate_plant.h"

#include "model/iso_time.h"
#include "model/plant_graph.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace shuiheng {
namespace {

std::string number(double value) {
    return fmt::format("{}", value);
}

class Checker {
public:
    explicit Checker(const Plant& plant)
        : plant_(plant)
        , graph_(plant) {}

    Diagnostics run() {
        checkPlant();
        checkNodes();
        checkHierarchy();
        checkStreams();
        checkUnitsHaveFlow();
        checkMeters();
        checkReadings();
        checkProduction();
        return std::move(out_);
    }

private:
    const Plant& plant_;
    PlantGraph graph_;
    Diagnostics out_;

    void report(Severity severity, std::string location, std::string subject, std::string field,
                std::string message) {
        out_.push_back(
            {severity, std::move(location), std::move(subject), std::move(field), std::move(message)});
    }

    /// "streams[12]", written out only when something is reported: on a plant of 100,000 streams
    /// formatting it for every entry cost more than the checks.
    struct Where {
        std::string_view array;
        std::size_t index;
    };
    void report(Severity severity, const Where& where, std::string subject, std::string field,
                std::string message) {
        report(severity, at(where.array, where.index), std::move(subject), std::move(field),
               std::move(message));
    }

    static std::string at(std::string_view array, std::size_t i) { return fmt::format("{}[{}]", array, i); }
    static std::string nodeName(const Node& n) {
        return "node " + (n.id.empty() ? std::string("(no id)") : n.id);
    }
    static std::string streamName(const Stream& s) {
        return "stream " + (s.id.empty() ? std::string("(no id)") : s.id);
    }

    void checkPlant() {
        if (plant_.name.empty())
            report(Severity::Warning, "plant", "", "name", "the plant has no name");
        if (!flowUnitInCubicMetresPerHour(plant_.flowUnit))
            report(Severity::Error, "plant", "", "flowUnit",
                   fmt::format("unknown flow unit '{}' (use m3/h, m3/d, L/s, t/h, ...)", plant_.flowUnit));
        if (plant_.nodes.empty())
            report(Severity::Error, "plant", "", "nodes", "the plant has no nodes");
    }

    void checkNodes() {
        std::unordered_map<std::string_view, std::size_t> firstSeen;
        firstSeen.reserve(plant_.nodes.size());
        for (std::size_t i = 0; i < plant_.nodes.size(); ++i) {
            const Node& n = plant_.nodes[i];
            const Where where{"nodes", i};
            if (n.id.empty()) {
                report(Severity::Error, where, "", "id", "the node has no id");
            } else if (auto [it, inserted] = firstSeen.try_emplace(n.id, i); !inserted) {
                report(Severity::Error, where, nodeName(n), "id",
                       fmt::format("duplicate id: nodes[{}] has the same id", it->second));
            }
            if (n.origin && n.kind != NodeKind::Source)
                report(Severity::Warning, where, nodeName(n), "origin",
                       fmt::format("only sources have an origin; this is a {}", toString(n.kind)));
            if (!n.category.empty() && n.kind != NodeKind::Unit)
                report(Severity::Warning, where, nodeName(n), "category",
                       fmt::format("only units have a category; this is a {}", toString(n.kind)));
            if (!n.parent.empty() && n.kind != NodeKind::Unit && n.kind != NodeKind::Group)
                report(
                    Severity::Error, where, nodeName(n), "parent",
                    fmt::format("only units and groups belong to a group; this is a {}", toString(n.kind)));
        }
    }

    /// Whether following the parents from the node leads back to it (not merely into a cycle above).
    bool onParentCycle(NodeIndex node) const {
        auto up = graph_.parentGroup(node);
        for (std::size_t steps = 0; up && steps < plant_.nodes.size(); ++steps) {
            if (*up == node)
                return true;
            up = graph_.parentGroup(*up);
        }
        return false;
    }

    void checkHierarchy() {
        for (std::size_t i = 0; i < plant_.nodes.size(); ++i) {
            const Node& n = plant_.nodes[i];
            const Where where{"nodes", i};
            if (!n.parent.empty()) {
                const auto parent = graph_.findNode(n.parent);
                if (!parent)
                    report(Severity::Error, where, nodeName(n), "parent",
                           fmt::format("unknown node '{}'", n.parent));
                else if (plant_.nodes[*parent].kind != NodeKind::Group)
                    report(Severity::Error, where, nodeName(n), "parent",
                           fmt::format("'{}' is a {}, not a group", n.parent,
                                       toString(plant_.nodes[*parent].kind)));
                else if (onParentCycle(i))
                    report(Severity::Error, where, nodeName(n), "parent",
                           "groups nest in a cycle: this node is, through its parents, inside itself");
            }
            if (n.kind == NodeKind::Group && graph_.level(i) != 0 && graph_.unitsUnder(i).empty())
                report(Severity::Warning, where, nodeName(n), "", "the group holds no units");
        }
    }

    void checkMeasurement(const Stream& s, const Where& where) {
        if (!s.measurement)
            return;
        const Measurement& m = *s.measurement;
        if (!std::isfinite(m.value))
            report(Severity::Error, where, streamName(s), "measurement.value", "must be a finite number");
        else if (m.value < 0)
            report(Severity::Error, where, streamName(s), "measurement.value",
                   fmt::format("a flow must not be negative, got {} (reverse the stream instead)",
                               number(m.value)));
        if (!std::isfinite(m.sigma))
            report(Severity::Error, where, streamName(s), "measurement.sigma", "must be a finite number");
        else if (m.sigma < 0)
            report(Severity::Error, where, streamName(s), "measurement.sigma",
                   fmt::format("must not be negative, got {}", number(m.sigma)));
    }

    void checkStreamEnds(StreamIndex i, const Stream& s, const Where& where) {
        // A stream in the graph has both ends resolved to units, sources or sinks: only their kinds
        // are left to check. The others are looked up to say what is wrong (an end left empty may
        // have met a node without an id in the graph: it is reported all the same).
        if (graph_.isConnected(i) && !s.from.empty() && !s.to.empty()) {
            checkEndKinds(s, where, plant_.nodes[graph_.fromNode(i)].kind,
                          plant_.nodes[graph_.toNode(i)].kind);
            return;
        }
        // Out of the graph, at least one end is empty, unknown or a group (the graph holds every
        // stream whose ends resolve otherwise), so the kinds are not checked.
        for (const auto& [field, id] : {std::pair{"from", &s.from}, std::pair{"to", &s.to}}) {
            const auto node = graph_.findNode(*id);
            if (id->empty())
                report(Severity::Error, where, streamName(s), field, "missing node id");
            else if (!node)
                report(Severity::Error, where, streamName(s), field, fmt::format("unknown node '{}'", *id));
            else if (plant_.nodes[*node].kind == NodeKind::Group)
                report(Severity::Error, where, streamName(s), field,
                       fmt::format("'{}' is a group; streams join units, sources and sinks", *id));
        }
    }

    void checkEndKinds(const Stream& s, const Where& where, NodeKind from, NodeKind to) {
        if (isBoundary(from) && isBoundary(to)) {
            report(Severity::Error, where, streamName(s), "",
                   fmt::format("joins two boundary nodes ({} '{}' → {} '{}'); a stream must pass a unit",
                               toString(from), s.from, toString(to), s.to));
            return;
        }
        if (isSink(from))
            report(Severity::Error, where, streamName(s), "from",
                   fmt::format("'{}' is a {} node: water does not flow out of it", s.from, toString(from)));
        if (to == NodeKind::Source)
            report(Severity::Error, where, streamName(s), "to",
                   fmt::format("'{}' is a source: water does not flow into it", s.to));
    }

    void checkDeclaredType(StreamIndex i, const Stream& s, const Where& where) {
        if (!s.declaredType || !graph_.isConnected(i))
            return;
        const NodeIndex from = graph_.fromNode(i);
        const NodeIndex to = graph_.toNode(i);
        if (*s.declaredType == StreamType::Recycle) {
            if (plant_.nodes[from].kind != NodeKind::Unit || plant_.nodes[to].kind != NodeKind::Unit)
                report(Severity::Error, where, streamName(s), "type",
                       "a recycle stream circulates between units; this one touches the boundary");
            return;
        }
        const StreamType derived = graph_.typeOf(i);
        if (derived != *s.declaredType)
            report(Severity::Error, where, streamName(s), "type",
                   fmt::format("declared '{}' but its ends make it '{}'", toString(*s.declaredType),
                               toString(derived)));
    }

    void checkStreams() {
        std::unordered_map<std::string_view, std::size_t> firstSeen;
        firstSeen.reserve(plant_.streams.size());
        for (StreamIndex i = 0; i < plant_.streams.size(); ++i) {
            const Stream& s = plant_.streams[i];
            const Where where{"streams", i};
            if (s.id.empty())
                report(Severity::Error, where, "", "id", "the stream has no id");
            else if (auto [it, inserted] = firstSeen.try_emplace(s.id, i); !inserted)
                report(Severity::Error, where, streamName(s), "id",
                       fmt::format("duplicate id: streams[{}] has the same id", it->second));
            checkStreamEnds(i, s, where);
            checkDeclaredType(i, s, where);
            checkMeasurement(s, where);
        }
    }

    void checkUnitsHaveFlow() {
        // By the ids the streams name: a stream whose other end is broken (and reported) still
        // feeds or drains this unit.
        // The node an id names is the first with that id (findNode); the graph has it already for
        // every stream it holds.
        std::vector<bool> fed(plant_.nodes.size(), false), drained(plant_.nodes.size(), false);
        for (StreamIndex k = 0; k < plant_.streams.size(); ++k) {
            const Stream& s = plant_.streams[k];
            if (s.from == s.to)
                continue;
            const bool connected = graph_.isConnected(k);
            if (const auto to = connected ? graph_.toNode(k) : graph_.findNode(s.to))
                fed[*to] = true;
            if (const auto from = connected ? graph_.fromNode(k) : graph_.findNode(s.from))
                drained[*from] = true;
        }
        for (NodeIndex i = 0; i < plant_.nodes.size(); ++i) {
            const Node& n = plant_.nodes[i];
            // A node repeating an earlier id gets no streams (they go to the first); its id is reported.
            if (n.kind != NodeKind::Unit || graph_.findNode(n.id) != i)
                continue;
            const bool hasIn = fed[i];
            const bool hasOut = drained[i];
            if (!hasIn)
                report(Severity::Error, at("nodes", i), nodeName(n), "",
                       "the unit has no inflow (circulation alone does not feed it)");
            if (!hasOut)
                report(Severity::Error, at("nodes", i), nodeName(n), "",
                       "the unit has no outflow (circulation alone does not drain it)");
        }
        for (NodeIndex i : graph_.unitsCutOffFromBoundary()) {
            const Node& n = plant_.nodes[i];
            if (graph_.findNode(n.id) != i)
                continue;
            report(Severity::Warning, at("nodes", i), nodeName(n), "",
                   "no chain of streams links this unit to a source or sink; its flows cannot be balanced "
                   "against the site");
        }
    }

    void checkMeters() {
        std::unordered_map<std::string_view, std::size_t> firstSeen;
        std::unordered_set<std::string_view> metered;
        for (std::size_t i = 0; i < plant_.meters.size(); ++i) {
            const Meter& m = plant_.meters[i];
            const Where where{"meters", i};
            const std::string name = "meter " + (m.id.empty() ? std::string("(no id)") : m.id);
            if (m.id.empty())
                report(Severity::Error, where, "", "id", "the meter has no id");
            else if (auto [it, inserted] = firstSeen.try_emplace(m.id, i); !inserted)
                report(Severity::Error, where, name, "id",
                       fmt::format("duplicate id: meters[{}] has the same id", it->second));
            const auto stream = graph_.findStream(m.stream);
            if (!stream) {
                report(Severity::Error, where, name, "stream", fmt::format("unknown stream '{}'", m.stream));
            } else {
                if (plant_.streams[*stream].measurement)
                    report(Severity::Error, where, name, "stream",
                           fmt::format("stream '{}' has a measurement and a meter: say which one holds",
                                       m.stream));
                if (!metered.insert(m.stream).second)
                    report(Severity::Note, where, name, "stream",
                           fmt::format("stream '{}' has more than one meter (a replacement?)", m.stream));
            }
            const bool unitKnown = m.kind == MeterKind::Totalizer
                                       ? volumeUnitInCubicMetres(m.unit).has_value()
                                       : flowUnitInCubicMetresPerHour(m.unit).has_value();
            if (!unitKnown)
                report(Severity::Error, where, name, "unit",
                       fmt::format("unknown {} unit '{}'", m.kind == MeterKind::Totalizer ? "volume" : "flow",
                                   m.unit));
            if (!std::isfinite(m.mpe) || m.mpe < 0 || m.mpe >= 1)
                report(Severity::Error, where, name, "mpe",
                       fmt::format("must be a fraction in [0, 1), got {}", number(m.mpe)));
            if (m.rollover && (!std::isfinite(*m.rollover) || *m.rollover <= 0))
                report(Severity::Error, where, name, "rollover",
                       fmt::format("must be a positive number, got {}", number(*m.rollover)));
            if (!std::isfinite(m.factor) || m.factor <= 0)
                report(Severity::Error, where, name, "factor",
                       fmt::format("must be a positive number, got {}", number(m.factor)));
            checkMeterRecord(m, where, name);
        }
        checkMetersInTurn();
    }

    /// A calendar date as calibration certificates give it: YYYY-MM-DD, a day that exists.
    static bool isIsoDate(const std::string& text) {
        return text.size() == 10 && parseIsoTime(text + "T00:00:00Z").has_value();
    }

    /// The extensions of the contract's meter: size, level, calibration, installation window.
    void checkMeterRecord(const Meter& m, const Where& where, const std::string& name) {
        if (m.dn && *m.dn <= 0)
            report(Severity::Error, where, name, "dn",
                   fmt::format("the nominal size must be a positive number of millimetres, got {}", *m.dn));
        if (m.level && (*m.level < 1 || *m.level > 3))
            report(Severity::Error, where, name, "level",
                   fmt::format("metering levels are 1 (site), 2 (workshop) and 3 (equipment), got {}",
                               *m.level));
        for (const auto& [field, date] : {std::pair{"calibrationDate", &m.calibrationDate},
                                          std::pair{"calibrationDue", &m.calibrationDue}})
            if (!date->empty() && !isIsoDate(*date))
                report(Severity::Error, where, name, field,
                       fmt::format("'{}' is not a date YYYY-MM-DD, e.g. 2026-03-31", *date));
        if (isIsoDate(m.calibrationDate) && isIsoDate(m.calibrationDue) &&
            m.calibrationDue < m.calibrationDate)
            report(Severity::Error, where, name, "calibrationDue",
                   fmt::format("the calibration expires ({}) before it was made ({})", m.calibrationDue,
                               m.calibrationDate));
        std::optional<double> window[2];
        for (int k = 0; k < 2; ++k) {
            const std::string& text = k == 0 ? m.installed : m.removed;
            if (text.empty())
                continue;
            window[k] = parseIsoTime(text);
            if (!window[k])
                report(Severity::Error, where, name, k == 0 ? "installed" : "removed",
                       fmt::format("'{}' is not an ISO 8601 time with offset, e.g. 2026-06-01T08:00:00+08:00",
                                   text));
        }
        if (window[0] && window[1] && *window[1] <= *window[0])
            report(Severity::Error, where, name, "removed",
                   fmt::format("the meter comes out ({}) {} it goes in ({})", m.removed,
                               *window[1] == *window[0] ? "when" : "before", m.installed));
    }

    /// Meters replacing each other on one stream must not read the same water twice: a warning
    /// when the time spans of their readings overlap.
    void checkMetersInTurn() {
        std::unordered_map<std::string_view, std::pair<double, double>> span; // meter → first, last reading
        for (const Reading& r : plant_.readings)
            if (const auto t = parseIsoTime(r.time)) {
                auto [it, inserted] = span.try_emplace(r.meter, *t, *t);
                it->second.first = std::min(it->second.first, *t);
                it->second.second = std::max(it->second.second, *t);
            }
        std::unordered_map<std::string_view, std::vector<std::size_t>> onStream;
        for (std::size_t i = 0; i < plant_.meters.size(); ++i)
            onStream[plant_.meters[i].stream].push_back(i);
        for (const auto& [stream, meters] : onStream) {
            for (std::size_t a = 0; a < meters.size(); ++a)
                for (std::size_t b = a + 1; b < meters.size(); ++b) {
                    const Meter& first = plant_.meters[meters[a]];
                    const Meter& second = plant_.meters[meters[b]];
                    const auto sa = span.find(first.id), sb = span.find(second.id);
                    if (first.id == second.id || sa == span.end() || sb == span.end())
                        continue;
                    const double from = std::max(sa->second.first, sb->second.first);
                    const double to = std::min(sa->second.second, sb->second.second);
                    if (to > from)
                        report(Severity::Warning, at("meters", meters[b]), "meter " + second.id, "stream",
                               fmt::format("its readings overlap in time with those of meter {} on the same "
                                           "stream '{}': the water between would count twice",
                                           first.id, std::string(stream)));
                }
        }
    }

    static bool isSha256Hex(const std::string& text) {
        return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
               });
    }

    void checkReadings() {
        std::unordered_map<std::string_view, const Meter*> meters;
        for (const Meter& m : plant_.meters)
            meters.try_emplace(m.id, &m);
        struct Timed {
            std::string_view meter;
            double time;
            std::size_t index;
        };
        std::vector<Timed> timed;
        for (std::size_t i = 0; i < plant_.readings.size(); ++i) {
            const Reading& r = plant_.readings[i];
            const Where where{"readings", i};
            const std::string name = "reading of meter " + r.meter;
            const auto meter = meters.find(r.meter);
            if (meter == meters.end())
                report(Severity::Error, where, name, "meter", fmt::format("unknown meter '{}'", r.meter));
            const auto time = parseIsoTime(r.time);
            if (!time)
                report(Severity::Error, where, name, "time",
                       fmt::format("'{}' is not an ISO 8601 time with offset, e.g. 2026-06-01T08:00:00+08:00",
                                   r.time));
            if (!std::isfinite(r.value))
                report(Severity::Error, where, name, "value", "must be a finite number");
            else if (r.value < 0)
                report(Severity::Error, where, name, "value",
                       fmt::format("must not be negative, got {}", number(r.value)));
            if (!r.photo.empty() && !isSha256Hex(r.photo))
                report(Severity::Error, where, name, "photo",
                       fmt::format("must be the SHA-256 of the photo in 64 hexadecimal digits, got '{}'",
                                   r.photo.size() > 70 ? r.photo.substr(0, 64) + "..." : r.photo));
            if (!time)
                continue;
            timed.push_back({r.meter, *time, i});
            if (meter == meters.end())
                continue;
            const Meter& m = *meter->second;
            const auto installed = m.installed.empty() ? std::nullopt : parseIsoTime(m.installed);
            const auto removed = m.removed.empty() ? std::nullopt : parseIsoTime(m.removed);
            if (installed && *time < *installed)
                report(Severity::Warning, where, name, "time",
                       fmt::format("{} is before the meter was installed ({}): the reading is not used",
                                   r.time, m.installed));
            else if (removed && *time > *removed)
                report(Severity::Warning, where, name, "time",
                       fmt::format("{} is after the meter was removed ({}): the reading is not used", r.time,
                                   m.removed));
        }
        // The same meter and time twice (by the instant, whatever the offset it is written with).
        std::sort(timed.begin(), timed.end(), [](const Timed& a, const Timed& b) {
            return a.meter != b.meter ? a.meter < b.meter
                   : a.time != b.time ? a.time < b.time
                                      : a.index < b.index;
        });
        for (std::size_t k = 1; k < timed.size(); ++k) {
            const Timed& a = timed[k - 1];
            const Timed& b = timed[k];
            if (a.meter == b.meter && b.time - a.time < 1e-3) {
                const Reading& first = plant_.readings[a.index];
                const Reading& second = plant_.readings[b.index];
                report(Severity::Warning, at("readings", b.index), "reading of meter " + second.meter, "time",
                       fmt::format("readings[{}] has the same meter and time ({}){}", a.index, first.time,
                                   first.value == second.value
                                       ? ": entered twice?"
                                       : fmt::format(" with another value ({} and {}): which holds?",
                                                     number(first.value), number(second.value))));
            }
        }
    }

    void checkProduction() {
        if (!plant_.production)
            return;
        const Production& p = *plant_.production;
        if (!std::isfinite(p.quantity) || p.quantity <= 0)
            report(Severity::Error, "production", "", "quantity",
                   fmt::format("must be a positive number, got {}", number(p.quantity)));
        if (p.unit.empty())
            report(Severity::Error, "production", "", "unit", "the product unit is missing (t, MW·h, ...)");
        if (!periodInHours(p.per))
            report(Severity::Error, "production", "", "per",
                   fmt::format("unknown period '{}' (use h, d, month or a)", p.per));
    }
};

} // namespace

Diagnostics validatePlant(const Plant& plant) {
    return Checker(plant).run();
}

} // namespace shuiheng
