// Reading a plant file: JSON text → Plant, with a diagnostic for every structural problem.

#include "io/atomic_file.h"
#include "io/json_depth.h"
#include "io/plant_file.h"
#include "validation/validate_plant.h"

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace shuiheng {
namespace {

using Json = nlohmann::json;

std::string_view jsonTypeName(const Json& value) {
    if (value.is_number())
        return "a number";
    if (value.is_string())
        return "a string";
    if (value.is_boolean())
        return "true/false";
    if (value.is_null())
        return "null";
    if (value.is_array())
        return "a list";
    return "an object";
}

/// Reads the fields of one JSON object, reporting wrong types and keeping unknown fields.
class ObjectReader {
public:
    ObjectReader(const Json& object, std::string location, std::string subject, Diagnostics& out)
        : object_(object)
        , location_(std::move(location))
        , subject_(std::move(subject))
        , out_(out) {}

    void setSubject(std::string subject) { subject_ = std::move(subject); }

    std::optional<std::string> string(const char* key, bool required) {
        known_.push_back(key);
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required)
                error(key, "is missing");
            return std::nullopt;
        }
        if (!it->is_string()) {
            error(key, fmt::format("must be a string, got {}", jsonTypeName(*it)));
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    std::optional<double> number(const char* key, bool required, std::string_view field = {}) {
        known_.push_back(key);
        const auto it = object_.find(key);
        const std::string name = field.empty() ? std::string(key) : std::string(field);
        if (it == object_.end()) {
            if (required)
                error(name, "is missing");
            return std::nullopt;
        }
        if (!it->is_number()) {
            error(name, fmt::format("must be a number, got {}", jsonTypeName(*it)));
            return std::nullopt;
        }
        const double value = it->get<double>();
        if (!std::isfinite(value)) {
            error(name, "must be a finite number");
            return std::nullopt;
        }
        return value;
    }

    /// A whole number (DN, level); a fraction or a number out of range is an error.
    std::optional<int> integer(const char* key) {
        const auto value = number(key, false);
        if (!value)
            return std::nullopt;
        if (std::trunc(*value) != *value || std::abs(*value) > 1e9) {
            error(key, fmt::format("must be a whole number, got {}", *value));
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

    const Json* object(const char* key) {
        known_.push_back(key);
        const auto it = object_.find(key);
        if (it == object_.end())
            return nullptr;
        if (!it->is_object()) {
            error(key, fmt::format("must be an object, got {}", jsonTypeName(*it)));
            return nullptr;
        }
        return &*it;
    }

    const Json* array(const char* key, bool required) {
        known_.push_back(key);
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required)
                error(key, "is missing");
            return nullptr;
        }
        if (!it->is_array()) {
            error(key, fmt::format("must be a list, got {}", jsonTypeName(*it)));
            return nullptr;
        }
        return &*it;
    }

    template <typename Enum>
    std::optional<Enum> choice(const char* key, bool required, std::optional<Enum> (*parse)(std::string_view),
                               std::string_view allowed) {
        const auto text = string(key, required);
        if (!text)
            return std::nullopt;
        const auto value = parse(*text);
        if (!value)
            error(key, fmt::format("unknown value '{}' (allowed: {})", *text, allowed));
        return value;
    }

    /// Everything not asked for so far: kept as raw JSON and noted.
    ExtraFields extras(std::string_view prefix = {}) {
        ExtraFields extra;
        for (const auto& [key, value] : object_.items()) {
            if (std::find(known_.begin(), known_.end(), key) != known_.end())
                continue;
            extra.emplace(key, value.dump());
            out_.push_back({Severity::Note, location_, subject_, std::string(prefix) + key,
                            "unknown field, kept as it is"});
        }
        return extra;
    }

    void error(std::string_view field, std::string message) {
        out_.push_back({Severity::Error, location_, subject_, std::string(field), std::move(message)});
    }

private:
    const Json& object_;
    std::string location_;
    std::string subject_;
    Diagnostics& out_;
    /// The keys asked for (string literals): held in place, as a plant file of 100,000 streams
    /// makes a reader per stream and growing a vector of strings for each cost a dozen allocations.
    boost::container::small_vector<std::string_view, 24> known_;
};

std::string idSubject(std::string_view what, const Json& object) {
    const auto it = object.find("id");
    if (it != object.end() && it->is_string())
        return fmt::format("{} {}", what, it->get<std::string>());
    return {};
}

template <typename Item, typename ReadOne>
std::vector<Item> readList(const Json* list, std::string_view name, Diagnostics& out, ReadOne readOne) {
    std::vector<Item> items;
    if (!list)
        return items;
    items.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& entry = (*list)[i];
        const std::string location = fmt::format("{}[{}]", name, i);
        if (!entry.is_object()) {
            out.push_back({Severity::Error, location, "", "",
                           fmt::format("must be an object, got {}", jsonTypeName(entry))});
            continue;
        }
        items.push_back(readOne(entry, location));
    }
    return items;
}

Node readNode(const Json& json, const std::string& location, Diagnostics& out) {
    ObjectReader r(json, location, idSubject("node", json), out);
    Node node;
    node.id = r.string("id", true).value_or("");
    node.name = r.string("name", false).value_or("");
    node.kind =
        r.choice<NodeKind>("kind", true, parseNodeKind, "source, unit, group, discharge, consumption, loss")
            .value_or(NodeKind::Unit);
    node.parent = r.string("parent", false).value_or("");
    node.origin = r.choice<SourceOrigin>(
        "origin", false, parseSourceOrigin,
        "municipal, groundwater, surface, reclaimed, rain, mine, brackish, purchased-steam, other");
    node.category = r.string("category", false).value_or("");
    node.extra = r.extras();
    return node;
}

Stream readStream(const Json& json, const std::string& location, Diagnostics& out) {
    ObjectReader r(json, location, idSubject("stream", json), out);
    Stream stream;
    stream.id = r.string("id", true).value_or("");
    stream.from = r.string("from", true).value_or("");
    stream.to = r.string("to", true).value_or("");
    stream.declaredType = r.choice<StreamType>("type", false, parseStreamType,
                                               "intake, cascade, recycle, discharge, consumption, leakage");
    if (const Json* m = r.object("measurement")) {
        ObjectReader mr(*m, location, idSubject("stream", json), out);
        Measurement measurement;
        const auto value = mr.number("value", true, "measurement.value");
        const auto sigma = mr.number("sigma", true, "measurement.sigma");
        measurement.value = value.value_or(0);
        measurement.sigma = sigma.value_or(0);
        measurement.extra = mr.extras("measurement.");
        if (value && sigma)
            stream.measurement = measurement;
    }
    stream.extra = r.extras();
    return stream;
}

Meter readMeter(const Json& json, const std::string& location, Diagnostics& out) {
    ObjectReader r(json, location, idSubject("meter", json), out);
    Meter meter;
    meter.id = r.string("id", true).value_or("");
    meter.stream = r.string("stream", true).value_or("");
    meter.kind = r.choice<MeterKind>("kind", true, parseMeterKind, "totalizer, flowrate")
                     .value_or(MeterKind::Totalizer);
    meter.unit = r.string("unit", true).value_or("");
    meter.mpe = r.number("mpe", true).value_or(0);
    meter.rollover = r.number("rollover", false);
    meter.factor = r.number("factor", false).value_or(1);
    meter.serial = r.string("serial", false).value_or("");
    meter.qrText = r.string("qrText", false).value_or("");
    meter.method =
        r.choice<ReadingMethod>("method", false, parseReadingMethod,
                                "electromagnetic, ultrasonic-clamp-on, mechanical, container, weir, "
                                "estimate, other");
    meter.dn = r.integer("dn");
    meter.accuracyClass = r.string("accuracyClass", false).value_or("");
    meter.calibrationDate = r.string("calibrationDate", false).value_or("");
    meter.calibrationDue = r.string("calibrationDue", false).value_or("");
    meter.certificate = r.string("certificate", false).value_or("");
    meter.level = r.integer("level");
    meter.installed = r.string("installed", false).value_or("");
    meter.removed = r.string("removed", false).value_or("");
    meter.extra = r.extras();
    return meter;
}

Reading readReading(const Json& json, const std::string& location, Diagnostics& out) {
    ObjectReader r(json, location, "", out);
    Reading reading;
    reading.meter = r.string("meter", true).value_or("");
    r.setSubject("reading of meter " + reading.meter);
    reading.time = r.string("time", true).value_or("");
    reading.value = r.number("value", true).value_or(0);
    reading.technician = r.string("technician", false).value_or("");
    reading.device = r.string("device", false).value_or("");
    reading.note = r.string("note", false).value_or("");
    reading.photo = r.string("photo", false).value_or("");
    reading.extra = r.extras();
    return reading;
}

Production readProduction(const Json& json, Diagnostics& out) {
    ObjectReader r(json, "production", "", out);
    Production production;
    production.quantity = r.number("quantity", true).value_or(0);
    production.unit = r.string("unit", true).value_or("");
    production.per = r.string("per", true).value_or("");
    production.extra = r.extras();
    return production;
}

/// "line 3, column 14: unexpected end of input" from a nlohmann parse error.
std::string describeParseError(const nlohmann::json::parse_error& e, std::string_view text) {
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    std::string what = e.what();
    // Keep the reason, drop the prefix and the echo of the bytes read (which may be binary).
    if (auto pos = what.find("syntax error while parsing"); pos != std::string::npos)
        what = what.substr(pos);
    else if (auto colon = what.find(": "); colon != std::string::npos)
        what = what.substr(colon + 2);
    if (auto last = what.find("; last read"); last != std::string::npos)
        what.erase(last);
    if (e.byte >= text.size() && text.find_first_not_of(" \t\r\n") != std::string_view::npos)
        what += " (the text ends here: is the file cut short?)";
    return fmt::format("line {}, column {}", line, column) + ": " + what;
}

/// Where a number the parser could not hold sits, as a diagnostic naming the id and field when the
/// path leads into a node, stream, meter or reading (read from `json`, parsed with the number nulled).
Diagnostic describeOverflow(const OverflowingNumber& number, std::string_view text, const Json& json) {
    std::string token(text.substr(number.offset, number.length));
    if (token.size() > 40)
        token = token.substr(0, 30) + "...";
    Diagnostic d{Severity::Error, "plant", "", "",
                 fmt::format("must be a finite number; {} is too large for any number", token)};
    std::size_t fieldFrom = 0;
    const auto& path = number.path;
    const auto* list = path.empty() ? nullptr : std::get_if<std::string>(&path[0]);
    const auto* index = path.size() < 2 ? nullptr : std::get_if<std::size_t>(&path[1]);
    if (list && index &&
        (*list == "nodes" || *list == "streams" || *list == "meters" || *list == "readings")) {
        d.location = fmt::format("{}[{}]", *list, *index);
        fieldFrom = 2;
        const Json* entry = nullptr;
        if (const auto it = json.find(*list); it != json.end() && it->is_array() && *index < it->size())
            entry = &(*it)[*index];
        if (entry && entry->is_object()) {
            if (*list == "readings") {
                const auto meter = entry->find("meter");
                if (meter != entry->end() && meter->is_string())
                    d.subject = "reading of meter " + meter->get<std::string>();
            } else {
                d.subject = idSubject(std::string_view(*list).substr(0, list->size() - 1), *entry);
            }
        }
    } else if (list && *list == "production" && path.size() > 1) {
        d.location = "production";
        fieldFrom = 1;
    }
    for (std::size_t i = fieldFrom; i < path.size(); ++i) {
        if (const auto* key = std::get_if<std::string>(&path[i]))
            d.field += (d.field.empty() ? "" : ".") + *key;
        else
            d.field += fmt::format("[{}]", std::get<std::size_t>(path[i]));
    }
    return d;
}

/// Drops the errors from index `from` on that repeat an earlier error's location and field: one
/// problem found twice (by the reader, then by validation) is reported once, as first found.
void dropRepeatedErrors(Diagnostics& diagnostics, std::size_t from) {
    auto isError = [](const Diagnostic& d) { return d.severity == Severity::Error; };
    const auto first = diagnostics.begin() + static_cast<std::ptrdiff_t>(from);
    const auto repeats = [&](const Diagnostic& d) {
        return isError(d) && !d.field.empty() &&
               std::any_of(diagnostics.begin(), first, [&](const Diagnostic& e) {
                   return isError(e) && e.location == d.location && e.field == d.field;
               });
    };
    diagnostics.erase(std::remove_if(first, diagnostics.end(), repeats), diagnostics.end());
}

} // namespace

PlantFileResult parsePlantJson(std::string_view text) {
    PlantFileResult result;
    auto& out = result.diagnostics;
    auto fail = [&](std::string location, std::string message) {
        out.push_back({Severity::Error, std::move(location), "", "", std::move(message)});
        return result;
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail("file", "the file is empty");
    if (const auto depth = jsonNestingTooDeep(text, maxJsonNesting))
        return fail(fmt::format("byte {}", *depth),
                    fmt::format("the JSON nests deeper than {} levels; a plant file "
                                "never does",
                                maxJsonNesting));
    Json json;
    std::vector<OverflowingNumber> overflowing;
    try {
        json = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return fail("file", "not valid JSON at " + describeParseError(e, text));
    } catch (const nlohmann::json::out_of_range&) {
        // A number too large for a double (1e999): the parser stops without saying where. Find each
        // such number, read the text again with null in its place, and report it by id and field.
        overflowing = findOverflowingNumbers(text);
        if (overflowing.empty() || overflowing.front().path.empty())
            return fail("file", "not valid JSON: a number is too large for any number");
        std::string patched(text);
        for (const OverflowingNumber& number : overflowing)
            if (number.length >= 4) // always: the shortest overflowing number is 5 characters long
                patched.replace(number.offset, number.length, "null" + std::string(number.length - 4, ' '));
        try {
            json = Json::parse(patched);
        } catch (const nlohmann::json::parse_error& e) {
            return fail("file", "not valid JSON at " + describeParseError(e, patched));
        } catch (const nlohmann::json::exception& e) {
            return fail("file", std::string("not valid JSON: ") + e.what());
        }
    }
    if (!json.is_object())
        return fail("file", fmt::format("a plant file is a JSON object, this is {}", jsonTypeName(json)));
    for (const OverflowingNumber& number : overflowing)
        out.push_back(describeOverflow(number, text, json));
    const std::size_t firstReaderDiagnostic = out.size();

    ObjectReader top(json, "plant", "", out);
    const auto format = top.string("format", true);
    if (format && *format != plantFileFormat)
        top.error("format", fmt::format("is '{}', expected '{}'", *format, plantFileFormat));
    const auto version = top.number("version", true);
    if (version && *version != plantFileVersion)
        top.error("version", fmt::format("version {} is not supported; this Shuiheng reads version {}",
                                         *version, plantFileVersion));
    if (!format || *format != plantFileFormat || !version || *version != plantFileVersion) {
        dropRepeatedErrors(out, firstReaderDiagnostic);
        return result; // not a plant file we understand: the rest would only add noise
    }

    Plant plant;
    plant.name = top.string("name", false).value_or("");
    plant.flowUnit = top.string("flowUnit", true).value_or("");
    plant.nodes = readList<Node>(top.array("nodes", true), "nodes", out,
                                 [&](const Json& j, const std::string& at) { return readNode(j, at, out); });
    plant.streams =
        readList<Stream>(top.array("streams", true), "streams", out,
                         [&](const Json& j, const std::string& at) { return readStream(j, at, out); });
    plant.meters =
        readList<Meter>(top.array("meters", false), "meters", out,
                        [&](const Json& j, const std::string& at) { return readMeter(j, at, out); });
    plant.readings =
        readList<Reading>(top.array("readings", false), "readings", out,
                          [&](const Json& j, const std::string& at) { return readReading(j, at, out); });
    if (const Json* production = top.object("production"))
        plant.production = readProduction(*production, out);
    plant.extra = top.extras();
    result.plant = std::move(plant);
    dropRepeatedErrors(out, firstReaderDiagnostic);
    return result;
}

PlantFileResult loadPlantFile(const std::filesystem::path& path) {
    std::string error;
    const auto text = readWholeFile(path, error);
    if (!text) {
        PlantFileResult result;
        result.diagnostics.push_back({Severity::Error, "file", "", "", error});
        return result;
    }
    PlantFileResult result = parsePlantJson(*text);
    if (result.plant) {
        Diagnostics semantic = validatePlant(*result.plant);
        // A node or meter whose kind could not be read was taken for a unit or a totalizer; what
        // validation says about it on that assumption ("the unit has no inflow") would only mislead.
        std::vector<std::string> unknownKind;
        for (const Diagnostic& d : result.diagnostics)
            if (d.severity == Severity::Error && d.field == "kind")
                unknownKind.push_back(d.location);
        std::erase_if(semantic, [&](const Diagnostic& d) {
            const bool dependsOnKind = d.location.starts_with("nodes[")
                                           ? d.field.empty() || d.field == "origin" || d.field == "category"
                                           : d.location.starts_with("meters[") && d.field == "unit";
            return dependsOnKind &&
                   std::find(unknownKind.begin(), unknownKind.end(), d.location) != unknownKind.end();
        });
        const std::size_t structural = result.diagnostics.size();
        result.diagnostics.insert(result.diagnostics.end(), semantic.begin(), semantic.end());
        dropRepeatedErrors(result.diagnostics, structural);
    }
    return result;
}

} // namespace shuiheng
