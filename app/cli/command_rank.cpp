#include "cli/benchmarking_commands.h"
namespace shuiheng::cli {
void addRankCommand(CLI::App&, int&) {}
} // namespace shuiheng::cli
