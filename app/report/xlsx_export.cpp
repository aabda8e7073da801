#include "report/xlsx_export.h"

#include "model/plant_graph.h"
#include "report/report_strings.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <xlsxwriter.h>

namespace shuiheng::report {
namespace {

using Json = nlohmann::json;

struct Formats {
    lxw_format* header;
    lxw_format* text;
    lxw_format* flow;
    lxw_format* rate;
    lxw_format* z;
    lxw_format* plain;
};

Formats makeFormats(lxw_workbook* book) {
    Formats f{};
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE6EEF6);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    f.text = workbook_add_format(book);
    f.flow = workbook_add_format(book);
    format_set_num_format(f.flow, "0.00");
    f.rate = workbook_add_format(book);
    format_set_num_format(f.rate, "0.00%");
    f.z = workbook_add_format(book);
    format_set_num_format(f.z, "+0.00;-0.00;0.00");
    f.plain = workbook_add_format(book);
    format_set_num_format(f.plain, "General");
    return f;
}

/// One sheet: the header row written, frozen and filtered, the column widths set.
class Sheet {
public:
    Sheet(lxw_workbook* book, const Formats& f, const std::string& name,
          const std::vector<std::string>& headers, const std::vector<double>& widths)
        : sheet_(workbook_add_worksheet(book, name.c_str()))
        , f_(f)
        , columns_(headers.size()) {
        worksheet_set_row(sheet_, 0, 32, nullptr);
        for (std::size_t c = 0; c < headers.size(); ++c) {
            worksheet_write_string(sheet_, 0, col(c), headers[c].c_str(), f.header);
            worksheet_set_column(sheet_, col(c), col(c), c < widths.size() ? widths[c] : 12, nullptr);
        }
        worksheet_freeze_panes(sheet_, 1, 0);
    }
    ~Sheet() {
        if (row_ > 1)
            worksheet_autofilter(sheet_, 0, 0, row_ - 1, col(columns_ - 1));
    }
    Sheet& text(const std::string& s) {
        worksheet_write_string(sheet_, row_, col(next_++), s.c_str(), f_.text);
        return *this;
    }
    Sheet& number(std::optional<double> v, lxw_format* format) {
        if (v && std::isfinite(*v))
            worksheet_write_number(sheet_, row_, col(next_), *v, format);
        ++next_;
        return *this;
    }
    void endRow() {
        ++row_;
        next_ = 0;
    }

private:
    static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
    lxw_worksheet* sheet_;
    const Formats& f_;
    std::size_t columns_;
    lxw_row_t row_ = 1;
    std::size_t next_ = 0;
};

std::string prettyUnit(std::string unit) {
    for (std::size_t at = unit.find("m3"); at != std::string::npos; at = unit.find("m3", at + 1))
        unit.replace(at, 2, "m³");
    return unit;
}

std::string sheetName(const Json& words, const char* key, const char* fallback) {
    const std::string name = word(words, "sheets", key);
    return name == key ? fallback : name;
}

void readingsSheet(lxw_workbook* book, const Formats& f, const Plant& plant, const Json& w) {
    std::map<std::string, const Meter*> meters;
    for (const Meter& m : plant.meters)
        meters[m.id] = &m;
    Sheet sheet(book, f, sheetName(w, "readings", "Readings"),
                {word(w, "columns", "meter"), word(w, "columns", "stream"), word(w, "columns", "time"),
                 word(w, "columns", "reading") + " (" + word(w, "xlsx", "registerUnit") + ")",
                 word(w, "columns", "unit"), word(w, "columns", "technician"), word(w, "columns", "remark")},
                {10, 10, 28, 16, 10, 12, 30});
    for (const Reading& r : plant.readings) {
        const auto m = meters.find(r.meter);
        sheet.text(r.meter)
            .text(m != meters.end() ? m->second->stream : "")
            .text(r.time)
            .number(r.value, f.plain)
            .text(m != meters.end() ? prettyUnit(m->second->unit) : "")
            .text(r.technician)
            .text(r.note);
        sheet.endRow();
    }
}

void flowsSheet(lxw_workbook* book, const Formats& f, const Plant& plant, const ReportResults& results,
                const Json& w) {
    const PlantGraph graph(plant);
    const std::string u = " (" + prettyUnit(plant.flowUnit) + ")";
    Sheet sheet(book, f, sheetName(w, "flows", "Flows"),
                {word(w, "columns", "stream"), word(w, "columns", "from"), word(w, "columns", "to"),
                 word(w, "columns", "type"), word(w, "columns", "measured") + u, "σ" + u,
                 word(w, "columns", "reconciled") + u, "σ" + u, word(w, "columns", "status"), "z",
                 word(w, "columns", "grade"), "n", "u_A" + u, "u_B" + u},
                {8, 18, 18, 10, 14, 10, 14, 10, 12, 8, 8, 6, 10, 10});
    const auto& edges = results.balance.reconciliation.edges;
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        const Stream& st = plant.streams[s];
        const balance::EdgeEstimate& e = edges[s];
        const campaign::DerivedFlow* d = results.derivedFlow(st.id);
        static const char* const statusKeys[] = {"redundant", "nonredundant", "observable", "unobservable"};
        sheet.text(st.id).text(st.from).text(st.to);
        sheet.text(graph.isConnected(s) ? word(w, "streamTypes", std::string(toString(graph.typeOf(s))))
                                        : "");
        sheet.number(st.measurement ? std::optional(st.measurement->value) : std::nullopt, f.flow);
        sheet.number(st.measurement ? std::optional(st.measurement->sigma) : std::nullopt, f.flow);
        sheet.number(e.value, f.flow).number(e.sigma, f.flow);
        sheet.text(word(w, "status", statusKeys[static_cast<int>(e.status)]));
        sheet.number(e.z, f.z);
        sheet.text(d ? std::string(campaign::toString(d->grade)) : "");
        sheet.number(d ? std::optional<double>(d->n) : std::nullopt, f.plain);
        sheet.number(d ? std::optional(d->uA) : std::nullopt, f.flow);
        sheet.number(d ? std::optional(d->uB) : std::nullopt, f.flow);
        sheet.endRow();
    }
}

/// One sheet per level: level 1 the site, then every group and unit of each deeper level.
void balanceSheets(lxw_workbook* book, const Formats& f, const Plant& plant, const ReportResults& results,
                   const Json& w) {
    const PlantGraph graph(plant);
    const auto& report = results.indicators;
    std::map<int, std::vector<std::pair<std::string, std::string>>> levels; // level → (scope, name)
    levels[1].push_back({std::string(indicators::siteScope), word(w, "closure", "site")});
    for (NodeIndex k = 0; k < plant.nodes.size(); ++k) {
        const Node& n = plant.nodes[k];
        if ((n.kind == NodeKind::Group || n.kind == NodeKind::Unit) && report.find("intake", n.id))
            levels[graph.level(k)].push_back({n.id, n.name});
    }
    const std::string u = " (" + prettyUnit(plant.flowUnit) + ")";
    const std::vector<std::pair<const char*, const char*>> quantities = {
        {"intake", "Vf"},   {"circulating", "Vcy"}, {"cascade", "Vs"},   {"reused", "Vr"},
        {"totalUse", "Vt"}, {"consumption", "Vco"}, {"discharge", "Vd"}, {"leakage", "Vl"}};
    for (const auto& [level, scopes] : levels) {
        std::vector<std::string> headers = {word(w, "columns", "id"), word(w, "columns", "name")};
        std::vector<double> widths = {10, 22};
        for (const auto& [key, symbol] : quantities) {
            headers.push_back(word(w, "indicators", key) + " " + symbol + u);
            headers.push_back("σ " + std::string(symbol) + u);
            widths.push_back(13);
            widths.push_back(9);
        }
        headers.push_back(word(w, "indicators", "reuseRate") + " R");
        headers.push_back("σ R");
        widths.push_back(11);
        widths.push_back(9);
        Sheet sheet(book, f, sheetName(w, "balance", "Balance") + " " + std::to_string(level), headers,
                    widths);
        for (const auto& [scope, name] : scopes) {
            sheet.text(scope).text(name);
            for (const auto& [key, symbol] : quantities) {
                const indicators::Indicator* i = report.find(key, scope);
                sheet.number(i ? i->value : std::nullopt, f.flow).number(i ? i->sigma : std::nullopt, f.flow);
            }
            const indicators::Indicator* r = report.find("reuseRate", scope);
            sheet.number(r ? r->value : std::nullopt, f.rate).number(r ? r->sigma : std::nullopt, f.rate);
            sheet.endRow();
        }
    }
}

void indicatorsSheet(lxw_workbook* book, const Formats& f, const ReportResults& results, const Json& w) {
    Sheet sheet(book, f, sheetName(w, "indicators", "Indicators"),
                {word(w, "columns", "scope"), "key", word(w, "columns", "indicator"),
                 word(w, "columns", "value"), "σ", word(w, "columns", "unit"), word(w, "columns", "remark")},
                {10, 24, 26, 14, 12, 12, 50});
    for (const indicators::Indicator& i : results.indicators.indicators) {
        const bool rate = i.unit == "1" && i.key != "concentrationRatio";
        sheet.text(i.scope).text(i.key).text(word(w, "indicators", i.key));
        sheet.number(i.value, rate ? f.rate : f.flow).number(i.sigma, rate ? f.rate : f.flow);
        sheet.text(rate ? "%" : prettyUnit(i.unit)).text(indicatorRemark(w, i));
        sheet.endRow();
    }
}

void benchmarkSheet(lxw_workbook* book, const Formats& f, const ReportResults& results, const Json& w) {
    Sheet sheet(book, f, sheetName(w, "benchmark", "Benchmark"),
                {"table", "row", word(w, "columns", "indicator"), word(w, "columns", "value"), "σ",
                 word(w, "columns", "unit"), word(w, "columns", "level"), word(w, "columns", "limit"),
                 word(w, "columns", "met"), word(w, "columns", "probability"),
                 word(w, "benchmark", "source")},
                {22, 16, 24, 12, 10, 10, 14, 12, 10, 12, 36});
    auto rows = [&](const std::vector<benchmarking::Comparison>& list) {
        for (const benchmarking::Comparison& c : list) {
            const bool rate = c.unit == "1";
            for (const benchmarking::LevelResult& l : c.levels) {
                sheet.text(c.table).text(c.row).text(word(w, "indicators", c.indicator));
                sheet.number(c.value, rate ? f.rate : f.flow).number(c.sigma, rate ? f.rate : f.flow);
                sheet.text(rate ? "%" : prettyUnit(c.unit)).text(l.name);
                sheet.number(l.limit, rate ? f.rate : f.plain);
                sheet.text(l.met ? (*l.met ? word(w, "benchmark", "met") : word(w, "benchmark", "notMet"))
                                 : "");
                sheet.number(l.probability, f.rate);
                sheet.text(c.source.document + (c.source.edition.empty() ? "" : "-" + c.source.edition) +
                           " " + c.source.table);
                sheet.endRow();
            }
        }
    };
    rows(results.benchmark.quotas);
    rows(results.benchmark.thresholds);
}

} // namespace

std::string exportXlsx(const std::string& path, const ReportSource& source, const ReportResults& results,
                       const Json& words) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temporary = target.parent_path() / (".~" + target.filename().string() + "." +
                                                       std::to_string(::getpid()) + ".tmp");
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(temporary.c_str(), &options);
    if (!book)
        return path + ": the spreadsheet could not be created";
    const Formats f = makeFormats(book);
    readingsSheet(book, f, source.plant, words);
    flowsSheet(book, f, results.measured, results, words);
    balanceSheets(book, f, source.plant, results, words);
    indicatorsSheet(book, f, results, words);
    benchmarkSheet(book, f, results, words);
    if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return path + ": " + lxw_strerror(error);
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return path + ": " + ec.message();
    }
    return {};
}

} // namespace shuiheng::report
