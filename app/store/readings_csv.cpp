#include "store/readings_csv.h"

#include "model/iso_time.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace shuiheng::store {
namespace {

struct Record {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

/// Splits RFC 4180 text into records; a quote left open is an error.
std::vector<Record> splitRecords(std::string_view text, std::vector<std::string>& errors) {
    std::vector<Record> records;
    Record current;
    std::string field;
    bool quoted = false, fieldStarted = false;
    std::size_t line = 1, quoteLine = 0;
    current.line = 1;
    auto endField = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank)
            records.push_back(std::move(current));
        current = Record{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == ',') {
            endField();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n' || c == '\r') {
            endRecord();
            current.line = ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        errors.push_back(fmt::format("line {}: a quote opened here is never closed", quoteLine));
    if (!field.empty() || !current.fields.empty())
        endRecord();
    return records;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<double> number(const std::string& text) {
    std::string_view s = text;
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

bool needsQuotes(const std::string& s) {
    return s.find_first_of(",\"\r\n") != std::string::npos ||
           (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t'));
}

std::string csvField(const std::string& s) {
    if (!needsQuotes(s))
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

CsvReadings parseReadingsCsv(std::string_view text, std::string_view defaultOffset) {
    CsvReadings out;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    const std::vector<Record> records = splitRecords(text, out.errors);
    if (records.empty()) {
        out.errors.push_back("the file is empty: a header row (" + std::string(readingsCsvHeader) +
                             ") and one reading a row were expected");
        return out;
    }
    const Record& header = records.front();
    const std::size_t errorsBefore = out.errors.size();
    int meterAt = -1, timeAt = -1, valueAt = -1, technicianAt = -1, deviceAt = -1, noteAt = -1, photoAt = -1;
    std::vector<std::pair<int, std::string>> others;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string original = trimmed(header.fields[i]);
        const std::string name = lower(original);
        int* slot = name == "meter"        ? &meterAt
                    : name == "time"       ? &timeAt
                    : name == "value"      ? &valueAt
                    : name == "technician" ? &technicianAt
                    : name == "device"     ? &deviceAt
                    : name == "note"       ? &noteAt
                    : name == "photo"      ? &photoAt
                                           : nullptr;
        if (slot && *slot >= 0) {
            out.errors.push_back(fmt::format("line {}: column '{}' appears twice", header.line, original));
        } else if (slot) {
            *slot = static_cast<int>(i);
        } else if (original.empty()) {
            out.errors.push_back(fmt::format("line {}: column {} has no name", header.line, i + 1));
        } else {
            others.emplace_back(static_cast<int>(i), original);
            out.notes.push_back(
                fmt::format("column '{}' is not one of {}: kept with each reading as an extra field",
                            original, readingsCsvHeader));
        }
    }
    for (auto [at, name] : {std::pair{meterAt, "meter"}, {timeAt, "time"}, {valueAt, "value"}})
        if (at < 0)
            out.errors.push_back(fmt::format("line {}: the header has no '{}' column (expected {})",
                                             header.line, name, readingsCsvHeader));
    if (out.errors.size() != errorsBefore)
        return out;

    auto cell = [](const Record& r, int at) {
        return at >= 0 ? r.fields[static_cast<std::size_t>(at)] : std::string();
    };
    for (std::size_t k = 1; k < records.size(); ++k) {
        const Record& r = records[k];
        if (r.fields.size() != header.fields.size()) {
            out.errors.push_back(fmt::format("line {}: {} fields, the header has {}", r.line, r.fields.size(),
                                             header.fields.size()));
            continue;
        }
        Reading reading;
        reading.meter = trimmed(cell(r, meterAt));
        reading.time = trimmed(cell(r, timeAt));
        const std::string valueText = trimmed(cell(r, valueAt));
        const std::size_t before = out.errors.size();
        if (reading.meter.empty())
            out.errors.push_back(fmt::format("line {}: no meter", r.line));
        if (!parseIsoTime(reading.time)) {
            const std::string completed = reading.time + std::string(defaultOffset);
            if (!defaultOffset.empty() && parseIsoTime(completed))
                reading.time = completed;
            else
                out.errors.push_back(
                    fmt::format("line {}: time '{}' is not a date and time with offset, e.g. "
                                "2026-06-01T08:00:00+08:00",
                                r.line, reading.time));
        }
        const auto value = number(valueText);
        if (!value)
            out.errors.push_back(
                valueText.find(',') != std::string::npos
                    ? fmt::format("line {}: value '{}' is not a number (use a point as the decimal mark)",
                                  r.line, valueText)
                    : fmt::format("line {}: value '{}' is not a number", r.line, valueText));
        if (out.errors.size() != before)
            continue;
        reading.value = *value;
        reading.technician = cell(r, technicianAt);
        reading.device = cell(r, deviceAt);
        reading.note = cell(r, noteAt);
        reading.photo = trimmed(cell(r, photoAt));
        for (const auto& [at, name] : others)
            if (const std::string v = cell(r, at); !v.empty())
                reading.extra.emplace(name, nlohmann::json(v).dump());
        out.readings.push_back(std::move(reading));
        out.lines.push_back(r.line);
    }
    if (!out.errors.empty()) {
        out.readings.clear();
        out.lines.clear();
    }
    return out;
}

std::string readingsToCsv(const std::vector<Reading>& readings) {
    std::string out(readingsCsvHeader);
    out += '\n';
    for (const Reading& r : readings) {
        out += csvField(r.meter);
        out += ',';
        out += csvField(r.time);
        out += ',';
        out += fmt::format("{}", r.value);
        out += ',';
        out += csvField(r.technician);
        out += ',';
        out += csvField(r.device);
        out += ',';
        out += csvField(r.note);
        out += '\n';
    }
    return out;
}

} // namespace shuiheng::store
