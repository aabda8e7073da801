// shuiheng-cli quotas list|show|import|check: the quota library (docs/benchmarking.md) — the
// shipped tables and a bureau's own, versioned imports.

#include "benchmarking/quotas/quota_library.h"
#include "cli/benchmarking_commands.h"
#include "cli/exit_codes.h"
#include "cli/text_table.h"
#include "io/atomic_file.h"

#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace shuiheng::cli {
namespace {

using Json = nlohmann::ordered_json;
using namespace benchmarking;

struct QuotasArgs {
    std::string library;
    bool json = false;
    std::string id;
    int version = -1;
    std::string file;
    bool replace = false;
    bool csv = false;
    QuotaTable meta;
};

std::string nowIso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string versionWord(const QuotaTable& t) {
    return t.version == 0 ? "shipped" : fmt::format("v{}", t.version);
}

std::string levelsText(const QuotaRow& r) {
    std::string text;
    for (const QuotaLevel& l : r.levels)
        text += fmt::format("{}{} {:g}", text.empty() ? "" : " / ", l.name.empty() ? l.key : l.name, l.value);
    return text;
}

void list(const QuotasArgs& args, int& status) {
    const QuotaLibrary lib = loadQuotaLibrary(shippedDataDir() / "quotas", userQuotaDir(args.library));
    for (const std::string& e : lib.errors)
        std::cerr << "warning: " << e << '\n';
    if (args.json) {
        Json tables = Json::array();
        for (const QuotaTable& t : lib.inForce) {
            const bool overrides = t.version > 0 && lib.find(t.id, 0);
            tables.push_back({{"id", t.id},
                              {"version", t.version},
                              {"kind", t.kind},
                              {"region", t.region},
                              {"edition", t.edition},
                              {"title", t.title},
                              {"rows", t.rows.size()},
                              {"replacesShipped", overrides},
                              {"path", t.path}});
        }
        Json versions = Json::array();
        for (const QuotaTable& t : lib.versions)
            versions.push_back(
                {{"id", t.id}, {"version", t.version}, {"importedAt", t.importedAt}, {"path", t.path}});
        std::cout << Json{{"tables", tables}, {"versions", versions}, {"errors", lib.errors}}.dump(2) << '\n';
    } else {
        TextTable table({"table", "version", "kind", "region", "rows", "title"});
        for (const QuotaTable& t : lib.inForce) {
            std::string version = versionWord(t);
            if (t.version > 0 && lib.find(t.id, 0))
                version += " (replaces shipped)";
            table.addRow({t.id, version, t.kind, t.region, std::to_string(t.rows.size()), t.title});
        }
        table.print(std::cout);
    }
    status = exitOk;
}

void show(const QuotasArgs& args, int& status) {
    const QuotaLibrary lib = loadQuotaLibrary(shippedDataDir() / "quotas", userQuotaDir(args.library));
    const QuotaTable* t =
        lib.find(args.id, args.version >= 0 ? std::optional<int>(args.version) : std::optional<int>());
    if (!t) {
        std::cerr << "no quota table '" << args.id << "'"
                  << (args.version >= 0 ? fmt::format(" version {}", args.version) : std::string()) << '\n';
        status = exitInvalidInput;
        return;
    }
    if (args.json) {
        std::cout << toJson(*t);
        status = exitOk;
        return;
    }
    std::cout << t->title << "\n"
              << fmt::format("id {} ({}), {} table, region {}, authority {}{}\n", t->id, versionWord(*t),
                             t->kind, t->region, t->authority,
                             t->edition.empty() ? "" : ", edition " + t->edition);
    if (t->version > 0)
        std::cout << "imported " << t->importedAt << " from " << t->importedFrom << '\n';
    if (!t->note.empty())
        std::cout << t->note << '\n';
    std::cout << '\n';
    TextTable table({"row", "industry", "product", "indicator", "levels", "unit", "source", "verification"});
    for (const QuotaRow& r : t->rows) {
        std::string source = r.source.document;
        if (!r.source.edition.empty())
            source += "-" + r.source.edition;
        if (!r.source.table.empty())
            source += ", " + r.source.table;
        if (!r.source.via.empty())
            source += " via " + r.source.via;
        table.addRow(
            {r.id, r.industry, r.product, r.indicator, levelsText(r), r.unit.text, source, r.verification});
    }
    table.print(std::cout);
    status = exitOk;
}

void import(const QuotasArgs& args, bool dryRun, int& status) {
    const std::filesystem::path userDir = userQuotaDir(args.library);
    const QuotaLibrary lib = loadQuotaLibrary(shippedDataDir() / "quotas", userDir);
    if (dryRun) {
        std::string error;
        const auto text = readWholeFile(args.file, error);
        if (!text) {
            std::cerr << error << '\n';
            status = exitInvalidInput;
            return;
        }
        const QuotaTableResult r = args.csv ? parseQuotaTableCsv(*text, args.meta) : parseQuotaTable(*text);
        for (const std::string& e : r.errors)
            std::cerr << args.file << ": " << e << '\n';
        if (r.table)
            std::cout << fmt::format("{}: table {} with {} rows is valid\n", args.file, r.table->id,
                                     r.table->rows.size());
        status = r.table ? exitOk : exitInvalidInput;
        return;
    }
    const ImportResult r = importQuotaTable(args.file, userDir, lib, args.replace, nowIso(),
                                            args.csv ? std::optional<QuotaTable>(args.meta) : std::nullopt);
    if (!r.table) {
        std::cerr << args.file << ": refused\n";
        for (const std::string& e : r.errors)
            std::cerr << "  " << e << '\n';
        status = exitInvalidInput;
        return;
    }
    std::cout << fmt::format("imported {} as version {} ({} rows) into {}{}\n", r.table->id, r.table->version,
                             r.table->rows.size(), r.written.string(),
                             r.replaced.empty() ? "" : "; it replaces " + r.replaced);
    status = exitOk;
}

} // namespace

void addQuotasCommand(CLI::App& app, int& status) {
    auto* cmd =
        app.add_subcommand("quotas", "The quota library: list, show, import (a bureau's table), check");
    cmd->require_subcommand(1);
    auto args = std::make_shared<QuotasArgs>();
    auto libraryOption = [&](CLI::App* sub) {
        sub->add_option("--library", args->library,
                        "directory of the bureau's imported tables (default $SHUIHENG_QUOTA_LIBRARY or "
                        "~/.local/share/shuiheng/quotas)");
    };

    auto* listCmd = cmd->add_subcommand("list", "The tables in force");
    libraryOption(listCmd);
    listCmd->add_flag("--json", args->json, "JSON output");
    listCmd->callback([args, &status] { list(*args, status); });

    auto* showCmd = cmd->add_subcommand("show", "One table's rows, levels and sources");
    libraryOption(showCmd);
    showCmd->add_option("ID", args->id, "table id")->required();
    showCmd->add_option("--version", args->version, "a version (0: the shipped table)");
    showCmd->add_flag("--json", args->json, "the table as JSON");
    showCmd->callback([args, &status] { show(*args, status); });

    for (const bool dryRun : {false, true}) {
        auto* sub = cmd->add_subcommand(dryRun ? "check" : "import",
                                        dryRun ? "Validate a table file without importing it"
                                               : "Import a table (JSON, or CSV with --csv) as a new version");
        libraryOption(sub);
        sub->add_option("FILE", args->file, "table file")->required();
        if (!dryRun)
            sub->add_flag("--replace", args->replace,
                          "allow replacing a table with the same id (a new version; older ones are kept)");
        sub->add_flag("--csv", args->csv,
                      "the file is CSV (docs/benchmarking.md); give the table fields below");
        sub->add_option("--id", args->meta.id, "CSV: table id");
        sub->add_option("--title", args->meta.title, "CSV: title");
        sub->add_option("--kind", args->meta.kind, "CSV: quota or threshold")->default_val("quota");
        sub->add_option("--region", args->meta.region, "CSV: national or the province");
        sub->add_option("--authority", args->meta.authority, "CSV: issuing authority");
        sub->add_option("--edition", args->meta.edition, "CSV: edition");
        sub->callback([args, dryRun, &status] { import(*args, dryRun, status); });
    }
}

} // namespace shuiheng::cli
