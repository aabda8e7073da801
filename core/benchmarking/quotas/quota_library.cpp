#include "benchmarking/quotas/quota_library.h"

#include "io/atomic_file.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>

namespace shuiheng::benchmarking {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// "v12.json" → 12; nullopt for any other name.
std::optional<int> versionOf(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.size() < 7 || name.front() != 'v' || file.extension() != ".json")
        return std::nullopt;
    const std::string digits = name.substr(1, name.size() - 6);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoi(digits);
}

std::vector<fs::path> sortedEntries(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

const QuotaTable* QuotaLibrary::find(std::string_view id, std::optional<int> version) const {
    if (!version) {
        for (const QuotaTable& t : inForce)
            if (t.id == id)
                return &t;
        return nullptr;
    }
    for (const QuotaTable& t : versions)
        if (t.id == id && t.version == *version)
            return &t;
    return nullptr;
}

const QuotaRow* QuotaLibrary::findRow(std::string_view tableSlashRow, const QuotaTable** table) const {
    const auto slash = tableSlashRow.rfind('/');
    if (slash == std::string_view::npos)
        return nullptr;
    const QuotaTable* t = find(tableSlashRow.substr(0, slash));
    if (!t)
        return nullptr;
    if (table)
        *table = t;
    return t->findRow(tableSlashRow.substr(slash + 1));
}

QuotaLibrary loadQuotaLibrary(const fs::path& shippedDir, const fs::path& userDir) {
    QuotaLibrary lib;
    auto read = [&](const fs::path& file, int version) {
        const auto text = readText(file);
        if (!text) {
            lib.errors.push_back(file.string() + ": cannot be read");
            return;
        }
        QuotaTableResult r = parseQuotaTable(*text);
        if (!r.table) {
            lib.errors.push_back(fmt::format("{}: {}", file.string(), fmt::join(r.errors, "; ")));
            return;
        }
        r.table->version = version;
        r.table->path = file.string();
        lib.versions.push_back(std::move(*r.table));
    };
    for (const fs::path& file : sortedEntries(shippedDir))
        if (file.extension() == ".json")
            read(file, 0);
    for (const fs::path& dir : sortedEntries(userDir)) {
        if (!fs::is_directory(dir))
            continue;
        for (const fs::path& file : sortedEntries(dir))
            if (const auto v = versionOf(file); v && *v > 0)
                read(file, *v);
    }
    std::map<std::string, const QuotaTable*> newest;
    for (const QuotaTable& t : lib.versions) {
        auto& slot = newest[t.id];
        if (!slot || t.version > slot->version)
            slot = &t;
    }
    for (const auto& [id, t] : newest)
        lib.inForce.push_back(*t);
    return lib;
}

ImportResult importQuotaTable(const fs::path& file, const fs::path& userDir, const QuotaLibrary& library,
                              bool replace, const std::string& now,
                              const std::optional<QuotaTable>& csvMeta) {
    ImportResult result;
    const auto text = readText(file);
    if (!text) {
        result.errors.push_back(file.string() + ": cannot be read");
        return result;
    }
    QuotaTableResult parsed = csvMeta ? parseQuotaTableCsv(*text, *csvMeta) : parseQuotaTable(*text);
    if (!parsed.table) {
        result.errors = parsed.errors;
        return result;
    }
    QuotaTable table = std::move(*parsed.table);
    int latest = -1;
    for (const QuotaTable& t : library.versions)
        if (t.id == table.id)
            latest = std::max(latest, t.version);
    if (latest >= 0 && !replace) {
        result.errors.push_back(fmt::format(
            "a table '{}' exists ({}): importing would replace it, never merge with it; say --replace to "
            "make "
            "this file version {} (the older versions are kept)",
            table.id, latest == 0 ? "shipped" : fmt::format("version {}", latest), std::max(latest, 0) + 1));
        return result;
    }
    if (latest >= 0)
        result.replaced = latest == 0 ? "the shipped table" : fmt::format("version {}", latest);
    table.version = std::max(latest, 0) + 1;
    table.importedAt = now;
    table.importedFrom = fs::absolute(file).string();
    for (QuotaRow& row : table.rows)
        if (row.verification.empty())
            row.verification = "as supplied by the importer";
    const fs::path dir = userDir / table.id;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        result.errors.push_back(fmt::format("{}: cannot be created: {}", dir.string(), ec.message()));
        return result;
    }
    result.written = dir / fmt::format("v{}.json", table.version);
    if (fs::exists(result.written)) {
        result.errors.push_back(result.written.string() + " exists already; the library is not consistent");
        return result;
    }
    if (const std::string error = writeFileAtomically(result.written, toJson(table)); !error.empty()) {
        result.errors.push_back(error);
        return result;
    }
    table.path = result.written.string();
    result.table = std::move(table);
    return result;
}

} // namespace shuiheng::benchmarking
