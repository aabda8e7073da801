#include "benchmarking/quotas/quota_table.h"

#include "indicators/plant_indicators.h"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace shuiheng::benchmarking {
namespace {

using Json = nlohmann::ordered_json;

std::string text(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

class Validator {
public:
    std::vector<std::string> errors;

    void tableError(const std::string& message) { errors.push_back(message); }
    void rowError(std::size_t index, const std::string& id, const std::string& message) {
        errors.push_back(id.empty() ? fmt::format("row {}: {}", index + 1, message)
                                    : fmt::format("row {} ({}): {}", index + 1, id, message));
    }

    /// Checks a row already read; `index` counts from 0.
    void checkRow(std::size_t index, const QuotaRow& row, const std::string& unitText,
                  const std::string& better, std::set<std::string>& ids) {
        if (row.id.empty())
            rowError(index, row.id, "missing id");
        else if (!isValidQuotaId(row.id))
            rowError(index, row.id, "the id may hold only letters, digits, '.', '_' and '-'");
        else if (!ids.insert(row.id).second)
            rowError(index, row.id, "the id is used by an earlier row");
        if (row.industry.empty())
            rowError(index, row.id, "missing industry");
        if (row.indicator.empty())
            rowError(index, row.id, "missing indicator");
        if (unitText.empty())
            rowError(index, row.id, "missing unit");
        else if (!parseQuotaUnit(unitText))
            rowError(
                index, row.id,
                fmt::format("unknown unit '{}' (known: {})", unitText, fmt::join(knownQuotaUnits(), ", ")));
        else {
            const bool rate = row.unit.ratio;
            const bool wantsRate = row.indicator.find("Rate") != std::string::npos ||
                                   row.indicator.find("Share") != std::string::npos ||
                                   row.indicator.find("Recovery") != std::string::npos ||
                                   row.indicator.find("Coverage") != std::string::npos ||
                                   row.indicator == "concentrationRatio";
            if (rate != wantsRate)
                rowError(
                    index, row.id,
                    fmt::format("unit '{}' does not fit indicator {} ({})", unitText, row.indicator,
                                wantsRate ? "a rate: \"1\" or \"%\"" : "a volume per amount, e.g. m3/t"));
        }
        if (better != "lower" && better != "higher" && !better.empty())
            rowError(index, row.id, fmt::format("better must be \"lower\" or \"higher\", not '{}'", better));
        if (better.empty() && !indicators::higherIsBetter(row.indicator))
            rowError(index, row.id, "say whether lower or higher values are better (\"better\")");
        if (row.source.document.empty())
            rowError(index, row.id, "missing source (the document the values come from)");
        if (row.levels.empty())
            rowError(index, row.id, "no levels");
        std::set<std::string> keys;
        for (std::size_t k = 0; k < row.levels.size(); ++k) {
            const QuotaLevel& l = row.levels[k];
            if (l.key.empty())
                rowError(index, row.id, fmt::format("level {} has no key", k + 1));
            else if (!keys.insert(l.key).second)
                rowError(index, row.id, fmt::format("level key '{}' appears twice", l.key));
            if (!std::isfinite(l.value))
                rowError(index, row.id, fmt::format("level '{}' has no numeric value", l.key));
            else if (l.value < 0)
                rowError(index, row.id, fmt::format("level '{}' is negative ({:g})", l.key, l.value));
            if (k == 0 || !std::isfinite(l.value) || !std::isfinite(row.levels[k - 1].value))
                continue;
            const QuotaLevel& before = row.levels[k - 1];
            const bool worse = row.higherIsBetter ? l.value < before.value : l.value > before.value;
            if (worse)
                rowError(
                    index, row.id,
                    fmt::format("level '{}' ({:g}) is less demanding than the level before it, '{}' ({:g}): "
                                "levels go from the least to the most demanding ({} is better)",
                                l.key, l.value, before.key, before.value,
                                row.higherIsBetter ? "higher" : "lower"));
        }
        for (const QuotaAdjustment& a : row.adjustments)
            if (a.when.empty() || !(a.factor > 0) || !std::isfinite(a.factor))
                rowError(index, row.id, "an adjustment needs a condition (\"when\") and a factor above 0");
    }
};

void readMeta(const Json& doc, QuotaTable& t) {
    t.id = text(doc, "id");
    t.title = text(doc, "title");
    t.kind = text(doc, "kind");
    t.authority = text(doc, "authority");
    t.region = text(doc, "region");
    t.edition = text(doc, "edition");
    t.note = text(doc, "note");
    if (doc.contains("library") && doc["library"].is_object()) {
        const Json& lib = doc["library"];
        t.version =
            lib.contains("version") && lib["version"].is_number_integer() ? lib["version"].get<int>() : 0;
        t.importedAt = text(lib, "importedAt");
        t.importedFrom = text(lib, "importedFrom");
    }
}

void checkMeta(const QuotaTable& t, Validator& v) {
    if (t.id.empty())
        v.tableError("missing table id");
    else if (!isValidQuotaId(t.id))
        v.tableError("table id '" + t.id + "' may hold only letters, digits, '.', '_' and '-'");
    if (t.kind != "quota" && t.kind != "threshold")
        v.tableError("kind must be \"quota\" or \"threshold\", not '" + t.kind + "'");
    if (t.region.empty())
        v.tableError("missing region (\"national\" or a province)");
}

QuotaRow betterFromText(QuotaRow row, const std::string& better) {
    if (better == "higher")
        row.higherIsBetter = true;
    else if (better == "lower")
        row.higherIsBetter = false;
    else if (const auto h = indicators::higherIsBetter(row.indicator))
        row.higherIsBetter = *h;
    return row;
}

std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    cells.push_back(cell);
    return cells;
}

} // namespace

const QuotaRow* QuotaTable::findRow(std::string_view rowId) const {
    for (const QuotaRow& r : rows)
        if (r.id == rowId)
            return &r;
    return nullptr;
}

bool isValidQuotaId(std::string_view id) {
    if (id.empty() || id.front() == '.')
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return false;
    return true;
}

QuotaTableResult parseQuotaTable(std::string_view input) {
    QuotaTableResult result;
    const Json doc = Json::parse(input, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        result.errors.push_back("not a JSON object");
        return result;
    }
    if (text(doc, "format") != quotaTableFormat || !doc.contains("version") || doc["version"] != 1) {
        result.errors.push_back(
            fmt::format("not a quota table: \"format\" must be \"{}\" and \"version\" 1", quotaTableFormat));
        return result;
    }
    QuotaTable t;
    readMeta(doc, t);
    Validator v;
    checkMeta(t, v);
    if (!doc.contains("rows") || !doc["rows"].is_array() || doc["rows"].empty()) {
        v.tableError("no rows");
        result.errors = v.errors;
        return result;
    }
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const Json& j : doc["rows"]) {
        QuotaRow row;
        row.id = text(j, "id");
        row.industry = text(j, "industry");
        row.product = text(j, "product");
        row.indicator = j.contains("indicator") ? text(j, "indicator") : "unitProductIntake";
        row.conditions = text(j, "conditions");
        row.verification = text(j, "verification");
        const std::string unitText = text(j, "unit");
        if (const auto u = parseQuotaUnit(unitText))
            row.unit = *u;
        const std::string better = text(j, "better");
        row = betterFromText(std::move(row), better);
        if (j.contains("source") && j["source"].is_object()) {
            row.source.document = text(j["source"], "document");
            row.source.edition = text(j["source"], "edition");
            row.source.table = text(j["source"], "table");
            row.source.via = text(j["source"], "via");
        }
        if (j.contains("levels") && j["levels"].is_array())
            for (const Json& l : j["levels"]) {
                QuotaLevel level;
                level.key = text(l, "key");
                level.name = text(l, "name");
                level.value = l.is_object() && l.contains("value") && l["value"].is_number()
                                  ? l["value"].get<double>()
                                  : std::nan("");
                row.levels.push_back(level);
            }
        if (j.contains("adjustments") && j["adjustments"].is_array())
            for (const Json& a : j["adjustments"])
                row.adjustments.push_back({text(a, "when"),
                                           a.is_object() && a.contains("factor") && a["factor"].is_number()
                                               ? a["factor"].get<double>()
                                               : 0.0,
                                           text(a, "note")});
        if (!j.is_object())
            v.rowError(index, "", "not an object");
        else
            v.checkRow(index, row, unitText, better, ids);
        t.rows.push_back(std::move(row));
        ++index;
    }
    result.errors = v.errors;
    if (result.errors.empty())
        result.table = std::move(t);
    return result;
}

QuotaTableResult parseQuotaTableCsv(std::string_view csv, const QuotaTable& meta) {
    QuotaTableResult result;
    Validator v;
    QuotaTable t = meta;
    t.rows.clear();
    checkMeta(t, v);
    std::vector<std::vector<std::string>> lines;
    std::size_t start = 0;
    if (csv.substr(0, 3) == "\xEF\xBB\xBF")
        start = 3;
    while (start < csv.size()) {
        std::size_t end = csv.find('\n', start);
        if (end == std::string_view::npos)
            end = csv.size();
        const std::string_view line = csv.substr(start, end - start);
        if (line.find_first_not_of(" \r\t,") != std::string_view::npos)
            lines.push_back(splitCsvLine(line));
        start = end + 1;
    }
    const std::vector<std::string> header{"id",     "industry",     "product",   "indicator", "unit",
                                          "better", "levels",       "source",    "edition",   "table",
                                          "via",    "verification", "conditions"};
    if (lines.empty() || lines.front() != header) {
        v.tableError(fmt::format("the first line must be the header {}", fmt::join(header, ",")));
        result.errors = v.errors;
        return result;
    }
    std::set<std::string> ids;
    for (std::size_t index = 0; index + 1 < lines.size(); ++index) {
        std::vector<std::string> c = lines[index + 1];
        if (c.size() != header.size()) {
            v.rowError(index, c.empty() ? "" : c[0],
                       fmt::format("{} cells where the header has {}", c.size(), header.size()));
            continue;
        }
        QuotaRow row;
        row.id = c[0];
        row.industry = c[1];
        row.product = c[2];
        row.indicator = c[3].empty() ? "unitProductIntake" : c[3];
        if (const auto u = parseQuotaUnit(c[4]))
            row.unit = *u;
        row = betterFromText(std::move(row), c[5]);
        std::size_t at = 0;
        const std::string& levels = c[6];
        while (at < levels.size()) {
            std::size_t end = levels.find(';', at);
            if (end == std::string::npos)
                end = levels.size();
            const std::string item = levels.substr(at, end - at);
            const auto eq = item.find('=');
            QuotaLevel level;
            std::string key = item.substr(0, eq);
            if (const auto colon = key.find(':'); colon != std::string::npos) {
                level.name = key.substr(colon + 1);
                key = key.substr(0, colon);
            }
            level.key = key;
            level.value = std::nan("");
            if (eq != std::string::npos) {
                try {
                    std::size_t used = 0;
                    const std::string number = item.substr(eq + 1);
                    level.value = std::stod(number, &used);
                    if (used != number.size())
                        level.value = std::nan("");
                } catch (const std::exception&) {
                    level.value = std::nan("");
                }
            }
            row.levels.push_back(level);
            at = end + 1;
        }
        row.source = {c[7], c[8], c[9], c[10]};
        row.verification = c[11];
        row.conditions = c[12];
        v.checkRow(index, row, c[4], c[5], ids);
        t.rows.push_back(std::move(row));
    }
    if (t.rows.empty() && v.errors.empty())
        v.tableError("no rows");
    result.errors = v.errors;
    if (result.errors.empty())
        result.table = std::move(t);
    return result;
}

std::string toJson(const QuotaTable& t) {
    Json doc;
    doc["format"] = quotaTableFormat;
    doc["version"] = 1;
    doc["id"] = t.id;
    doc["title"] = t.title;
    doc["kind"] = t.kind;
    doc["authority"] = t.authority;
    doc["region"] = t.region;
    doc["edition"] = t.edition;
    if (!t.note.empty())
        doc["note"] = t.note;
    if (t.version > 0)
        doc["library"] = {
            {"version", t.version}, {"importedAt", t.importedAt}, {"importedFrom", t.importedFrom}};
    Json rows = Json::array();
    for (const QuotaRow& r : t.rows) {
        Json j;
        j["id"] = r.id;
        j["industry"] = r.industry;
        j["product"] = r.product;
        j["indicator"] = r.indicator;
        j["unit"] = r.unit.text;
        j["better"] = r.higherIsBetter ? "higher" : "lower";
        Json levels = Json::array();
        for (const QuotaLevel& l : r.levels)
            levels.push_back({{"key", l.key}, {"name", l.name}, {"value", l.value}});
        j["levels"] = std::move(levels);
        if (!r.adjustments.empty()) {
            Json adjustments = Json::array();
            for (const QuotaAdjustment& a : r.adjustments)
                adjustments.push_back({{"when", a.when}, {"factor", a.factor}, {"note", a.note}});
            j["adjustments"] = std::move(adjustments);
        }
        if (!r.conditions.empty())
            j["conditions"] = r.conditions;
        j["source"] = {{"document", r.source.document},
                       {"edition", r.source.edition},
                       {"table", r.source.table},
                       {"via", r.source.via}};
        j["verification"] = r.verification;
        rows.push_back(std::move(j));
    }
    doc["rows"] = std::move(rows);
    return doc.dump(2) + "\n";
}

} // namespace shuiheng::benchmarking
