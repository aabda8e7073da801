// Registers the indicator and benchmarking commands; finds the reference data.

#include "cli/benchmarking_commands.h"

#include "cli/commands.h"

#include <cstdlib>
#include <system_error>

namespace shuiheng::cli {

void addBenchmarkingCommands(CLI::App& app, int& status) {
    addIndicatorsCommand(app, status);
    addBenchmarkCommand(app, status);
    addRankCommand(app, status);
    addQuotasCommand(app, status);
}

std::filesystem::path shippedDataDir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("SHUIHENG_DATA_DIR"); env && *env)
        return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "data";
    const fs::path bin = exe.parent_path();
    if (fs::is_directory(bin.parent_path() / "share" / "shuiheng" / "quotas", ec))
        return bin.parent_path() / "share" / "shuiheng";
    for (fs::path at = bin; !at.empty() && at != at.root_path(); at = at.parent_path())
        if (fs::is_directory(at / "data" / "quotas", ec))
            return at / "data";
    return "data";
}

std::filesystem::path userQuotaDir(const std::string& option) {
    if (!option.empty())
        return option;
    if (const char* env = std::getenv("SHUIHENG_QUOTA_LIBRARY"); env && *env)
        return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "shuiheng" / "quotas";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "shuiheng" / "quotas";
    return ".shuiheng-quotas";
}

} // namespace shuiheng::cli
